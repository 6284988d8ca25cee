// The HTML report: one self-contained file (no remote resource), the cover, tiles with RAG as words, gaps shown as words, charts followed by their data.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderFixture } from './renderFixture.js';

/** Every way an HTML page could fetch something from elsewhere. */
export function remoteReferences(html: string): string[] {
  const patterns = [
    /\b(?:src|href|srcset|action|poster|data|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//gi,
    /@import/gi,
    /url\(\s*["']?\s*(?:https?:)?\/\//gi,
    /<(?:script|link|iframe|object|embed|img|video|audio|source)\b/gi,
  ];
  return patterns.flatMap((p) => html.match(p) ?? []);
}

describe('HTML report (internal, nms-26-4)', () => {
  let html = '';
  beforeAll(async () => {
    html = readFileSync((await renderFixture('nms-26-4', 'internal', ['html'])).html, 'utf8');
  });

  it('is self-contained: inline CSS and SVG, nothing fetched, a CSP that forbids fetching', () => {
    expect(remoteReferences(html)).toEqual([]);
    expect(html).toContain('<style>');
    expect(html).toContain("default-src 'none'");
    expect(html.match(/<svg\b/g)?.length).toBeGreaterThanOrEqual(8);
  });

  it('has the cover: region, period, audience, generation time, submissions and their hashes', () => {
    expect(html).toContain('Wessex Vale Adoption');
    expect(html).toContain('October 2026');
    expect(html).toContain('<dt>Generated</dt><dd>2026-11-23<span class="sub">09:00 UTC</span>');
    expect(html).toContain('month ending 2026-10-31');
    expect(html).toMatch(/Internal<\/span>/);
    expect(html).toContain(`${'ab'.repeat(31)}03`);
    expect(html).toContain('northmoor_support_2026-10.csv');
  });

  it('shows RAG as a word and a symbol, never colour alone', () => {
    const tiles = html.match(/<div class="tile rag-(green|amber|red)"[^]*?<\/div>\n<\/div>/g) ?? [];
    expect(tiles.length).toBeGreaterThan(0);
    for (const t of tiles) expect(t).toMatch(/<span class="rag rag-(green|amber|red)" title="RAG: (Green|Amber|Red)"><span aria-hidden="true">[✓!✕]<\/span> (Green|Amber|Red)<\/span>/);
    expect(html).toMatch(/<td>[\d.]+%<span class="rag rag-red" title="RAG: Red">.*?<span class="visually-hidden">Red<\/span>/);
  });

  it('says not submitted and no cases in words, and names who the region leaves out', () => {
    expect(html).toMatch(/<td class="gap">not submitted<\/td>/);
    expect(html).toMatch(/<td class="gap">no cases<\/td>/);
    expect(html).toContain('leave out Eastbridge Borough Council: not submitted for the month.');
    expect(html).toContain('not clearing');
    expect(html).toContain('<span class="left-out">leaves out 1 partner: not submitted</span>');
  });

  it('follows each chart with its data as a table, and has the per-partner, trend and data quality tables', () => {
    const figures = html.match(/<figure class="chart"[^]*?<\/figure>/g) ?? [];
    expect(figures.length).toBe(8);
    for (const f of figures) expect(f).toMatch(/<svg[^]*<\/svg><\/div><div><table class="data" data-table="chart\./);
    for (const t of ['support.received.partners', 'support.awaiting_allocation.trend', 'adopters.left.by_left_reason', 'dq.submission.state', 'dq.rejected_share.partners']) expect(html).toContain(`data-table="${t}"`);
    expect(html).toContain('id="data-quality"');
  });

  it('lists the evidence for the internal audience, by record id', () => {
    expect(html).toContain('id="evidence"');
    expect(html).toContain('CH-88213');
  });

  it('fills the narrative from the figures', () => {
    expect(html).toContain('At the end of October 2026, 179 referrals for adoption support were awaiting allocation');
    expect(html).not.toMatch(/\{[a-z]+\.[a-z_]+\.[a-z]+\.[a-z_]+\}/);
  });

  it('prints on A4 with page breaks between sections', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/section\.report-section \{ break-before: page;/);
    expect(html).toContain('thead { display: table-header-group; }');
  });
});
