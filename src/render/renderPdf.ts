// HTML files → tagged A4 PDFs through Chromium driven by playwright-core: a running header naming the region, report,
// period and audience (internal pages marked not for publication) and page numbers on every page.
import { accessSync, constants, renameSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors/RaaError.js';
import { escapeHtml } from './escapeHtml.js';
import { longMonth } from './fillNarrative.js';

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** The executable names Chromium goes by on Debian and elsewhere, searched on the PATH in this order. */
const chromiumNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** PDF was asked for and there is no Chromium to print it: a configuration matter (exit 2), checked before anything is rendered. */
export class ChromiumMissingError extends UsageError {}

/** What the running header of every page says. */
export interface PdfHeader {
  region: string;
  /** The report's title, e.g. "Management and outcomes of the service". */
  title: string;
  /** `YYYY-MM`. */
  period: string;
  audience: 'internal' | 'published';
}

export interface PdfJob {
  html: string;
  pdf: string;
  header: PdfHeader;
}

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/**
 * Chromium's path: `RAA_CHROMIUM` when set (it must be an executable), else the first Chromium on the PATH. Throws a
 * one-line ChromiumMissingError saying how to install it.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const asked = env['RAA_CHROMIUM'];
  if (asked) {
    if (isExecutable(asked)) return asked;
    throw new ChromiumMissingError(`PDF needs Chromium, but RAA_CHROMIUM=${asked} is not an executable file: point RAA_CHROMIUM at Chromium, or unset it and install Chromium (apt-get install chromium); nothing was written`);
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of chromiumNames) if (isExecutable(join(dir, name))) return join(dir, name);
  }
  throw new ChromiumMissingError('PDF needs Chromium, which is not on the PATH: install it (apt-get install chromium) or set RAA_CHROMIUM to its path; nothing was written');
}

/** The header's words: region · report · month · audience; internal pages say they are not for publication. */
export function headerText(h: PdfHeader): { left: string; right: string } {
  return {
    left: `${h.region} · ${h.title} · ${longMonth(h.period)}`,
    right: h.audience === 'internal' ? 'INTERNAL — not for publication' : 'Published',
  };
}

// Chromium draws these in the page margins with no stylesheet of the page: every style is inline, sizes explicit.
const band = 'font-family: Helvetica, Arial, "Liberation Sans", sans-serif; font-size: 7.5pt; color: #5b6672; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; gap: 8mm;';

function headerTemplate(h: PdfHeader): string {
  const t = headerText(h);
  const right = h.audience === 'internal' ? `<span style="color: #a4261d; font-weight: 700;">${escapeHtml(t.right)}</span>` : `<span>${escapeHtml(t.right)}</span>`;
  return `<div style='${band}'><span>${escapeHtml(t.left)}</span>${right}</div>`;
}

function footerTemplate(h: PdfHeader): string {
  const right = h.audience === 'internal' ? `<span>${escapeHtml(headerText(h).right)}</span>` : '<span></span>';
  return `<div style='${band}'><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>${right}</div>`;
}

/** Print each job's HTML as a tagged A4 PDF with its running header and page numbers, using one browser for all. */
export async function renderPdf(jobs: readonly PdfJob[], executablePath?: string): Promise<void> {
  if (jobs.length === 0) return;
  const exe = executablePath ?? findChromium();
  if (!isExecutable(exe)) throw new ChromiumMissingError(`PDF needs Chromium, not found at ${exe}: install it (apt-get install chromium) or set RAA_CHROMIUM to its path; nothing was written`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: exe, args: chromiumArgs });
  try {
    const context = await browser.newContext({ offline: true });
    for (const job of jobs) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(job.html).href, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const bytes = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        // Tagged: headings, tables and figures reach a screen reader; the outline lists the sections.
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(job.header),
        footerTemplate: footerTemplate(job.header),
      });
      // Written beside and renamed, so a reader never opens half a PDF.
      writeFileSync(`${job.pdf}.tmp-${process.pid}`, bytes);
      renameSync(`${job.pdf}.tmp-${process.pid}`, job.pdf);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
