// HTML files → PDF through Debian's Chromium driven by playwright-core; without /usr/bin/chromium, a clear ChromiumMissingError.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(`PDF needs Chromium: apt-get install -y chromium (not found at ${path}); the other formats were written`);
    this.name = 'ChromiumMissingError';
  }
}

/** Print each `[htmlFile, pdfFile]` pair as A4 with backgrounds, using one browser for all. */
export async function renderPdf(pairs: readonly [string, string][], executablePath = chromiumPath): Promise<void> {
  if (pairs.length === 0) return;
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const context = await browser.newContext({ offline: true });
    for (const [html, pdf] of pairs) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
