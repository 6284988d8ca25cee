// The HTML report in a real browser (Debian's Chromium via playwright-core): no console errors, no requests, named charts, data tables, a screenshot and a sensible PDF.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from '../../src/render/renderPdf.js';
import { pdfPageCount } from './pdfPageCount.js';
import { renderFixture, type ReportId } from './renderFixture.js';


/** The little of the DOM the test reads in the page (the project compiles without the DOM library). */
interface DomText { textContent: string | null }
interface DomElement {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomText | null;
  ownerDocument: { getElementById(id: string): DomText | null };
}

/** The standards' words as the Adoption National Minimum Standards (2014) publish them. */
const standardWords: Record<ReportId, string> = {
  'nms-26-4': '26.4 The registered provider monitors the management and outcome of the services in order to be satisfied that the agency is effective and is achieving good outcomes for children and/or service users and that the agency is complying with the conditions of registration.',
  'nms-25-7': '25.7 The agency takes action to address any issues of concern that they identify or which is raised with them.',
};

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
});
afterAll(async () => {
  await browser.close();
});

describe.each([
  ['nms-26-4', 'internal'],
  ['nms-25-7', 'published'],
] as [ReportId, 'internal' | 'published'][])('%s (%s) in Chromium', (id, audience) => {
  it('loads without console errors or requests, every chart named, data tables present; screenshot and PDF', async () => {
    const out = await renderFixture(id, audience, ['html']);
    const url = pathToFileURL(out.html).href;
    const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });

    expect(problems).toEqual([]);
    expect(requests).toEqual([]);

    const charts = page.locator('svg[role="img"]');
    const n = await charts.count();
    expect(n).toBeGreaterThanOrEqual(5);
    const names: { name: string; desc: string; title: string }[] = await charts.evaluateAll((els: DomElement[]) => els.map((el) => {
      const id = el.getAttribute('aria-labelledby') ?? '';
      return { name: el.ownerDocument.getElementById(id)?.textContent ?? '', desc: el.ownerDocument.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '', title: el.querySelector(':scope > title')?.textContent ?? '' };
    }));
    for (const c of names) {
      expect(c.name.length).toBeGreaterThan(5);
      expect(c.title).toBe(c.name);
      expect(c.desc.length).toBeGreaterThan(20);
    }
    // Every chart is followed by its data as a table.
    expect(await page.locator('figure.chart table[data-table^="chart."]').count()).toBe(n);
    expect(await page.locator('table[data-table$=".partners"]').count()).toBeGreaterThan(3);
    expect(await page.locator('table.submissions tbody tr').count()).toBe(5);
    expect(await page.locator('#evidence').count()).toBe(audience === 'internal' ? 1 : 0);

    const shots = mkdtempSync(join(tmpdir(), 'raa-browser-'));
    const png = join(shots, `${id}-${audience}.png`);
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(50_000);

    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(40);
    expect(readFileSync(out.html, 'utf8').length).toBeGreaterThan(10_000);
  });
});

describe.each([
  ['nms-26-4', 'internal'],
  ['nms-26-4', 'published'],
  ['nms-25-7', 'internal'],
  ['nms-25-7', 'published'],
] as [ReportId, 'internal' | 'published'][])('%s (%s) opens on its summary', (id, audience) => {
  it('shows the cover, the standard word for word and the summary on the first screen, and no hash', async () => {
    const out = await renderFixture(id, audience, ['html']);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(pathToFileURL(out.html).href, { waitUntil: 'load' });
    const screen = 800;
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())?.y ?? Infinity;
    const bottom = async (selector: string, n: number) => {
      const box = await page.locator(selector).nth(n).boundingBox();
      return box ? box.y + box.height : Infinity;
    };
    expect(await top('h1')).toBeLessThan(screen);
    expect(await top('#summary h2')).toBeLessThan(screen);
    // The summary's header and at least its first three figures are on screen.
    expect(await bottom('table.summary-table tbody tr:not(.group)', 2)).toBeLessThan(screen);
    const quote = await page.locator('.cover .standard blockquote').textContent();
    expect(quote?.trim()).toBe(standardWords[id]);
    expect(await page.locator('.cover .standard cite').textContent()).toBe('Adoption National Minimum Standards, Department for Education, 2014');
    // No SHA-256 hash is visible before the reader scrolls: the files used are an appendix.
    const hashesOnScreen = await page.evaluate((limit: number) => {
      const found: string[] = [];
      const walk = (globalThis as unknown as { document: { createTreeWalker(root: unknown, what: number): { nextNode(): DomNode | null } ; body: unknown } }).document;
      interface DomNode { textContent: string | null; parentElement: { getBoundingClientRect(): { top: number } } | null }
      const w = walk.createTreeWalker(walk.body, 4);
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        if (/[0-9a-f]{64}/.test(n.textContent ?? '') && (n.parentElement?.getBoundingClientRect().top ?? Infinity) < limit) found.push(n.textContent ?? '');
      }
      return found;
    }, screen);
    expect(hashesOnScreen).toEqual([]);
    expect(await page.locator('td.hash').count()).toBeGreaterThan(0);
    // Top-down: summary, then the sections, then the appendix with the files used.
    const order = await Promise.all(['#summary', 'section.report-section:not(.summary):not(.appendix)', '#appendix', '#lineage'].map(top));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    await page.close();
  });
});

