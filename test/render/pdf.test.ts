// PDF: the HTML printed by Chromium as a tagged A4 document; without Chromium a clear message naming how to install it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors/RaaError.js';
import { ChromiumMissingError, findChromium, renderPdf, type PdfHeader } from '../../src/render/renderPdf.js';
import { pdfPageCount } from './pdfPageCount.js';
import { renderFixture } from './renderFixture.js';

const header = (audience: 'internal' | 'published'): PdfHeader => ({ region: 'Wessex Vale Adoption', title: 'Issues of concern and action taken', period: '2026-10', audience });

describe('renderPdf', () => {
  it('prints the report on A4 pages', async () => {
    const out = await renderFixture('nms-25-7', 'internal', ['html']);
    const pdf = out.html.replace(/\.html$/, '.pdf');
    await renderPdf([{ html: out.html, pdf, header: header('internal') }]);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(2);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
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
