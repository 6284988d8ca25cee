// PDF: the HTML printed by Chromium as a board-pack document — tagged (structure tree, language, title, outline), a
// running header naming region, report, period and audience on every page (internal: not for publication), page
// numbers, charts kept whole on one page; without Chromium a clear message naming how to install it.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/RaaError.js';
import { ChromiumMissingError, findChromium, renderPdf } from '../../src/render/renderPdf.js';
import { pdfPageCount } from './pdfPageCount.js';
import { pdfPageTexts } from './pdfText.js';
import { renderFixture, reports, type ReportId } from './renderFixture.js';

/** The PDF's text with the line breaks the extraction puts between text objects taken out. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** A PDF text string as Chromium writes /Title: UTF-16BE with a byte-order mark, in hex. */
const utf16Hex = (s: string) => `FEFF${[...s].map((c) => (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')).join('')}`;

describe.each([
  ['nms-25-7', 'internal'],
  ['nms-26-4', 'published'],
] as [ReportId, 'internal' | 'published'][])('the %s (%s) PDF', (id, audience) => {
  let bytes: Buffer;
  let pages: string[];
  let html: string;
  beforeAll(async () => {
    const out = await renderFixture(id, audience, ['html']);
    const pdf = out.html.replace(/\.html$/, '.pdf');
    await renderPdf([{ html: out.html, pdf, header: { region: 'Wessex Vale Adoption', title: reports[id].title, period: '2026-10', audience } }]);
    bytes = readFileSync(pdf);
    pages = pdfPageTexts(bytes).map(flat);
    html = readFileSync(out.html, 'utf8');
  }, 60_000);

  it('is A4 and tagged: a structure tree, marked content, the language, the document title and an outline of the sections', () => {
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
    expect(text).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(text).toMatch(/\/MarkInfo\s*<<(\/Type \/MarkInfo\s*)?\/Marked true>>/);
    expect(text).toContain('/Lang (en-GB)');
    expect(text).toContain(`/Title <${utf16Hex(`${reports[id].title} — Wessex Vale Adoption, October 2026`)}>`);
    expect(text).toContain('/Title (Summary: Oct 2026)');
    expect(text).toContain('/Title (Appendix: data quality and lineage)');
  });

  it('numbers every page and runs the header across every page', () => {
    expect(pages.length).toBe(pdfPageCount(bytes));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page, `page ${i + 1}`).toContain(`Wessex Vale Adoption · ${reports[id].title} · October 2026`);
      if (audience === 'internal') expect(page, `page ${i + 1}`).toContain('INTERNAL — not for publication');
      else expect(page, `page ${i + 1}`).not.toContain('INTERNAL');
    });
  });

  it('opens with the cover and the standard, has the summary next, and keeps each chart and its data table on one page', () => {
    expect(pages[0]).toContain(reports[id].title);
    expect(pages[0]).toContain(`${reports[id].standard} The`);
    expect(pages[1]).toContain('Summary: Oct 2026');
    const charts = [...html.matchAll(/<figure class="chart"[^>]*><figcaption>([^<]*)<\/figcaption>[^]*?<table class="data" data-table="chart\.[^"]*"><caption>([^<]*)<\/caption>/g)];
    expect(charts.length).toBeGreaterThanOrEqual(3);
    const unescape = (s: string) => s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    for (const [, figcaption = '', caption = ''] of charts) {
      expect(pages.some((p) => p.includes(flat(unescape(figcaption))) && p.includes(flat(unescape(caption)))), `${figcaption} / ${caption}`).toBe(true);
    }
  });
});

describe('finding Chromium', () => {
  it('takes RAA_CHROMIUM, else the first Chromium on the PATH', () => {
    expect(findChromium({ RAA_CHROMIUM: '/usr/bin/chromium', PATH: '' })).toBe('/usr/bin/chromium');
    expect(findChromium({ PATH: '/nonexistent:/usr/bin' })).toBe('/usr/bin/chromium');
  });

  it('says how to install Chromium when it is missing, as a usage error (exit 2)', () => {
    const err = (() => {
      try {
        return findChromium({ PATH: '/nonexistent' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    expect((err as Error).message).toBe('PDF needs Chromium, which is not on the PATH: install it (apt-get install chromium) or set RAA_CHROMIUM to its path; nothing was written');
    expect(() => findChromium({ RAA_CHROMIUM: '/usr/bin', PATH: '/usr/bin' })).toThrow('RAA_CHROMIUM=/usr/bin is not an executable file');
  });
});
