// One report for one audience written to disk: `<report>-<audience>.html`, `.json`, `-csv/*.csv`; PDF is returned as a job (one browser prints them all).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Audience, ReportData } from '../measure/types.js';
import type { Suppression } from '../config/PipelineConfig.js';
import { suppressedFor, type Suppressed } from '../render/formatFigure.js';
import { prepareReport, type Comparisons } from '../render/prepareReport.js';
import { renderCsv } from '../render/renderCsv.js';
import { renderHtml } from '../render/renderHtml.js';
import { renderJson } from '../render/renderJson.js';
import type { PdfJob } from '../render/renderPdf.js';
import type { LoadedReport } from '../config/ReportDefinition.js';

import type { Format } from './formats.js';
import { replaceFolder } from './stageFolder.js';
export type { Format } from './formats.js';

export interface WriteReportInput {
  data: ReportData;
  report: LoadedReport;
  suppression: Pick<Suppression, 'maxCount' | 'symbol'> & Partial<Pick<Suppression, 'minCount'>>;
  formats: readonly Format[];
  outDir: string;
  say: (line: string) => void;
  /** The same report for last month and the same month last year (the summary's changes); default: none ("no data"). */
  comparisons?: Comparisons;
}

/** How suppressed cells read for the report's audience (the legend and, internal, the marks). */
export function suppressedText(s: Pick<Suppression, 'maxCount' | 'symbol'> & Partial<Pick<Suppression, 'minCount'>>, audience: Audience): Suppressed {
  return suppressedFor(s, audience);
}

export async function writeReport(i: WriteReportInput): Promise<{ files: string[]; pdf?: PdfJob }> {
  const base = join(i.outDir, `${i.data.report.id}-${i.data.audience}`);
  const prepared = await prepareReport(i.data, i.report, suppressedText(i.suppression, i.data.audience), i.comparisons);
  for (const w of prepared.warnings) i.say(`${join(i.report.dir, 'report.yaml')}: ${w}`);
  const files: string[] = [];
  const write = (file: string, text: string) => {
    writeAtomically(file, text);
    files.push(file);
  };
  if (i.formats.includes('json')) write(`${base}.json`, renderJson(i.data));
  if (i.formats.includes('html') || i.formats.includes('pdf')) {
    writeAtomically(`${base}.html`, renderHtml(prepared));
    if (i.formats.includes('html')) files.push(`${base}.html`);
  }
  if (i.formats.includes('csv')) {
    const dir = `${base}-csv`;
    const staging = `${dir}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const names = [...renderCsv(prepared)].map(([name, text]) => (writeFileSync(join(staging, name), text), name));
    replaceFolder(staging, dir);
    files.push(...names.map((n) => join(dir, n)));
  }
  if (!i.formats.includes('pdf')) return { files };
  const header = { region: i.data.region, title: i.data.report.title, period: i.data.period, audience: i.data.audience };
  return { files, pdf: { html: `${base}.html`, pdf: `${base}.pdf`, header } };
}

/** Readers (and a concurrent render of the same month) never see a half-written file: write beside it, then rename. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
