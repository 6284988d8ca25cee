// Published output (HTML, JSON, CSV): no record ids anywhere, `c` for suppressed cells with the rule stated once, no hidden value (nor its kind) in the JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/measure/types.js';
import { evidenceIds } from './fixtures/reportData.js';
import { renderFixture, type ReportId } from './renderFixture.js';

describe.each(['nms-25-7', 'nms-26-4'] as ReportId[])('published %s', (id) => {
  it('contains no record id in any file, while the internal report does', async () => {
    const pub = await renderFixture(id, 'published');
    const texts = [readFileSync(pub.html, 'utf8'), readFileSync(pub.json, 'utf8'), ...readdirSync(pub.csvDir).map((f) => readFileSync(join(pub.csvDir, f), 'utf8'))];
    for (const text of texts) for (const rid of evidenceIds) expect(text).not.toContain(rid);
    for (const text of texts) expect(text).not.toMatch(/id="evidence"|Evidence lists|"evidence":/);
    const internal = readFileSync((await renderFixture(id, 'internal', ['html'])).html, 'utf8');
    expect(evidenceIds.some((rid) => internal.includes(rid.replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')))).toBe(true);
  });

  it('shows suppressed cells as c with the rule stated once, and the JSON marks them without their value or kind', async () => {
    const pub = await renderFixture(id, 'published');
    const html = readFileSync(pub.html, 'utf8');
    expect(html).toMatch(/<td class="gap">c<\/td>/);
    const legend = 'c: either 1 to 5 (a count, or the number of people or records behind a figure), or hidden so that such a number cannot be worked out from the totals and the other cells shown, in which case it may be 0 or more than 5.';
    expect(html.split(legend)).toHaveLength(2);
    expect(html).not.toContain('fewer than 6');
    const data = JSON.parse(readFileSync(pub.json, 'utf8')) as ReportData;
    // dq.* counts files and rows, and regional themes count categories, not people: disclosure control leaves them as they are.
    const figures = data.measures.filter((m) => !m.id.startsWith('dq.') && m.id !== 'concerns.regional_themes').flatMap((m) => [m.region, ...Object.values(m.partners)].flatMap((e) => [
      ...Object.values(e.figures),
      ...Object.values(e.breakdowns ?? {}).flatMap((b) => Object.values(b)),
      ...(e.trend ?? []).map((p) => p.figure),
    ]));
    const hidden = figures.filter((f) => f.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    for (const f of hidden) expect([f.value, f.numerator, f.denominator]).toEqual([null, null, null]);
    expect(figures.filter((f) => !f.suppressed && f.unit === 'count' && f.value !== null && f.value >= 1 && f.value <= 5)).toEqual([]);
    const csv = readdirSync(pub.csvDir).map((f) => readFileSync(join(pub.csvDir, f), 'utf8')).join('');
    expect(csv).toMatch(/,c(,|\r\n)/);
    expect(csv).toContain(`"Note: ${legend} Both are marked c alike, so that the mark does not tell them apart."\r\n`);
    expect(readFileSync(pub.json, 'utf8')).not.toContain('"suppression"');
  });
});
