// Suppression marks in every output: published shows primary and secondary alike as `c` (HTML, chart SVG, CSV), a
// suppressed value in a chart is a labelled gap; internal shows each value with the mark of its kind.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Figure, ReportData } from '../../src/measure/types.js';
import { renderChart } from '../../src/render/renderChart.js';
import { reportsDir, renderFixture } from './renderFixture.js';

const csvText = (dir: string) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')).join('');
const figures = (d: ReportData): Figure[] =>
  d.measures.flatMap((m) => [m.region, ...Object.values(m.partners)].flatMap((e) => [
    ...Object.values(e.figures),
    ...Object.values(e.breakdowns ?? {}).flatMap((b) => Object.values(b)),
    ...(e.trend ?? []).map((p) => p.figure),
  ]));
/** Text drawn in an SVG: the content of its <text> elements. */
const drawnText = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((x) => x[1]);

describe('published: primary and secondary carry the same mark', () => {
  it('in HTML and CSV, every hidden cell reads c, whichever its kind, and no mark of kind appears', async () => {
    const internal = JSON.parse(readFileSync((await renderFixture('nms-25-7', 'internal', ['json'])).json, 'utf8')) as ReportData;
    const kinds = new Set(figures(internal).map((f) => f.suppression).filter((k) => k !== undefined));
    // The fixture has both kinds, so the published report below has both behind its `c`s.
    expect([...kinds].sort()).toEqual(['primary', 'secondary']);
    const pub = await renderFixture('nms-25-7', 'published');
    const html = readFileSync(pub.html, 'utf8');
    const data = JSON.parse(readFileSync(pub.json, 'utf8')) as ReportData;
    expect(figures(data).filter((f) => f.suppressed).length).toBe(figures(internal).filter((f) => f.suppression).length);
    expect(html).toMatch(/<td class="gap">c<\/td>/);
    expect(html).not.toMatch(/\(c\*?\)/);
    const csv = csvText(pub.csvDir);
    expect(csv).toMatch(/,c(,|\r\n)/);
    expect(csv).not.toMatch(/\(c\*?\)/);
  });

  it('in a chart, a suppressed value is a labelled gap: c drawn at zero, never an absent bar', async () => {
    const spec = JSON.parse(readFileSync(join(reportsDir, 'nms-25-7', 'charts', 'concerns-raised-trend.vl.json'), 'utf8')) as Record<string, unknown>;
    const rows = [
      { month: '2026-08', date: '2026-08-01', month_label: 'Aug 2026', value: 14, gap: null, display: '14' },
      { month: '2026-09', date: '2026-09-01', month_label: 'Sep 2026', value: null, gap: 'c', display: 'c' },
      { month: '2026-10', date: '2026-10-01', month_label: 'Oct 2026', value: 9, gap: null, display: '9' },
    ];
    const svg = await renderChart(spec, 'concerns.raised.trend', rows, 'Concerns raised', 'desc');
    expect(drawnText(svg)).toContain('c');
    // Two bars for the two numbers, and the c where the third would be: between them on the month axis.
    expect(svg.match(/<path[^>]*aria-label|class="mark-rect[^]*?<\/g>/g)).not.toBeNull();
    const at = (label: string) => {
      const m = new RegExp(`<text[^>]*transform="translate\\(([\\d.]+),[\\d.]+\\)[^"]*"[^>]*>${label}</text>`).exec(svg);
      return m ? Number(m[1]) : NaN;
    };
    const [aug, c, oct] = [at('Aug 2026'), at('c'), at('Oct 2026')];
    expect(aug).toBeLessThan(c);
    expect(c).toBeLessThan(oct);
    const without = await renderChart(spec, 'concerns.raised.trend', rows.map((r) => ({ ...r, gap: null })), 'Concerns raised', 'desc');
    expect(drawnText(without)).not.toContain('c');
  });

  it('in a horizontal bar chart from the reports, the gap is labelled on its category', async () => {
    const spec = JSON.parse(readFileSync(join(reportsDir, 'nms-26-4', 'charts', 'children-reversal-reasons.vl.json'), 'utf8')) as Record<string, unknown>;
    const rows = [
      { category: 'Rd1', value: 8, gap: null, display: '8' },
      { category: 'Rd2', value: null, gap: 'c', display: 'c' },
      { category: 'Rd3', value: 11, gap: null, display: '11' },
    ];
    const warn = vi.spyOn(console, 'warn');
    const svg = await renderChart(spec, 'children.reversals.by_reversal_reason', rows, 'Reversals', 'desc');
    expect(drawnText(svg).filter((t) => t === 'c')).toHaveLength(1);
    // The categories keep the spec's order (largest first, the gap last): no warning that a sort was dropped.
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    const y = (label: string) => Number(new RegExp(`<text[^>]*transform="translate\\([-\\d.]+,([-\\d.]+)\\)[^"]*"[^>]*>${label}</text>`).exec(svg)?.[1]);
    expect(y('Rd3')).toBeLessThan(y('Rd1'));
    expect(y('Rd1')).toBeLessThan(y('Rd2'));
    expect(Math.abs(y('c') - y('Rd2'))).toBeLessThan(2);
  });
});

describe('internal: which is which', () => {
  it('shows each hidden value with its kind: (c) primary, (c*) secondary, in HTML and CSV, with the legend saying so', async () => {
    const out = await renderFixture('nms-25-7', 'internal');
    const data = JSON.parse(readFileSync(out.json, 'utf8')) as ReportData;
    const marked = figures(data).filter((f) => f.suppression);
    expect(marked.every((f) => !f.suppressed && (f.value !== null || f.status !== 'ok'))).toBe(true);
    const html = readFileSync(out.html, 'utf8');
    expect(html).toMatch(/<td class="marked">\d[\d,.]* \(c\)</);
    expect(html).toMatch(/<td class="marked">\d[\d,.]* \(c\*\)</);
    expect(html).toContain('(c) after a figure: published as c, being 1 to 5 (primary suppression). (c*): published as c');
    expect(html).not.toMatch(/<td class="gap">c<\/td>/);
    const csv = csvText(out.csvDir);
    expect(csv).toMatch(/,\d[\d,.]* \(c\)(,|\r\n)/);
    expect(csv).toMatch(/,\d[\d,.]* \(c\*\)(,|\r\n)/);
    expect(csv).toContain('Note: (c) after a figure');
  });
});
