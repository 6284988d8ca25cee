// PDF: the HTML printed by Debian's Chromium; without Chromium a clear message naming the package to install.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChromiumMissingError, renderPdf } from '../../src/render/renderPdf.js';
import { pdfPageCount } from './pdfPageCount.js';
import { renderFixture } from './renderFixture.js';

describe('renderPdf', () => {
  it('prints the report on A4 pages', async () => {
    const out = await renderFixture('nms-25-7', 'internal', ['html']);
    const pdf = out.html.replace(/\.html$/, '.pdf');
    await renderPdf([[out.html, pdf]]);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBeGreaterThanOrEqual(2);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  });

  it('says how to install Chromium when it is missing', async () => {
    const out = await renderFixture('nms-25-7', 'published', ['html']);
    const err = await renderPdf([[out.html, `${out.html}.pdf`]], '/nonexistent/chromium').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChromiumMissingError);
    expect((err as Error).message).toBe('PDF needs Chromium: apt-get install -y chromium (not found at /nonexistent/chromium); the other formats were written');
  });
});
