// Render reports for a month: for each report and audience, ReportData → `<report>-<audience>.{html,json,pdf}` and `<report>-<audience>-csv/`; returns the files written.
// The whole set for a month goes into `<pipeline output>/<YYYY-MM>/`, written aside and swapped in whole; a render of
// some reports, audiences or formats (or into an --out folder) replaces only its own files, each atomically.
import { isOutOfSpace, OutOfSpaceError } from '../errors/RaaError.js';
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { computeMeasures, NoDataForPeriodError, type ComputedMeasures } from '../measure/computeMeasures.js';
import type { Audience, ReportData } from '../measure/types.js';
import type { Pipeline } from '../config/Pipeline.js';
import { chartStats } from '../render/renderChart.js';
import type { Comparisons } from '../render/prepareReport.js';
import { findChromium, renderPdf, type PdfJob } from '../render/renderPdf.js';
import type { Database } from '../warehouse/Database.js';
import { buildReportData } from './buildReportData.js';
import { loadReport } from './loadReport.js';
import { reportsDir } from './reportsDir.js';
import { removeLeftovers, stageFolder } from './stageFolder.js';
import { writeReportSchema } from './writeReportSchema.js';
import { writeReport, type Format } from './writeReport.js';

export { formats } from './formats.js';
export type { Format } from './writeReport.js';

export interface RenderReportsOptions {
  db: Database;
  pipeline: Pipeline;
  /** `YYYY-MM`; a month with no data throws NoDataForPeriodError listing the months that have. */
  period: string;
  /** Default: the pipeline's `reports`. */
  reportIds?: readonly string[];
  /** Default: the pipeline's `audiences`. */
  audiences?: readonly Audience[];
  /** Default: html, json, csv. */
  formats?: readonly Format[];
  /** Write into this folder, file by file; default: `<pipeline output>/<period>/`, swapped in whole when every report, audience and the usual formats are rendered. */
  outDir?: string;
  /** Where report definitions live; default `reports/` under the working directory, else the package's own. */
  reportsDir?: string;
  /** Lines for people: warnings (a placeholder naming nothing, leftovers of a killed run removed). */
  say?: (line: string) => void;
  /** The generation time printed on the cover; default now. */
  now?: Date;
}

const usualFormats: readonly Format[] = ['html', 'json', 'csv'];

/** The month `n` months before `YYYY-MM`. */
function monthsBefore(period: string, n: number): string {
  const [y = 0, m = 1] = period.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The measures of an earlier month for the summary's changes, or null when the warehouse holds nothing for it. */
async function earlier(o: RenderReportsOptions, n: number): Promise<{ period: string; computed: ComputedMeasures | null }> {
  const period = monthsBefore(o.period, n);
  try {
    return { period, computed: await computeMeasures(o.db, o.pipeline, period) };
  } catch (e) {
    if (e instanceof NoDataForPeriodError) return { period, computed: null };
    throw e;
  }
}

/**
 * Every report × audience for the month; definitions are all loaded (and checked), and Chromium found when PDF is
 * asked for, before anything is computed or written. Returns the files written, at their final place.
 */
export async function renderReports(o: RenderReportsOptions): Promise<string[]> {
  const say = o.say ?? (() => {});
  const dir = o.reportsDir ?? reportsDir();
  const reports = (o.reportIds ?? o.pipeline.reports).map((id) => loadReport(id, dir));
  const wanted = o.formats ?? usualFormats;
  const chromium = wanted.includes('pdf') ? findChromium() : undefined;
  const computed = await computeMeasures(o.db, o.pipeline, o.period);
  const lastMonth = await earlier(o, 1);
  const lastYear = await earlier(o, 12);
  const finalDir = resolve(o.outDir ?? join(o.pipeline.output, o.period));
  // The month's whole set (the pipeline's every report and audience, at least the usual formats) replaces the folder;
  // anything less must leave the other files there as they are.
  const wholeSet = o.outDir === undefined && o.reportIds === undefined && o.audiences === undefined && usualFormats.every((f) => wanted.includes(f));
  const staged = wholeSet ? stageFolder(finalDir) : undefined;
  if (!staged) {
    mkdirSync(finalDir, { recursive: true });
    for (const gone of removeLeftovers(finalDir)) say(`removed ${gone}, left by a render that was stopped`);
  }
  const outDir = staged?.dir ?? finalDir;
  const generatedAt = (o.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const written: string[] = [];
  const pdfs: PdfJob[] = [];
  try {
    for (const report of reports) {
      for (const audience of o.audiences ?? o.pipeline.audiences) {
        const chartData = [...report.charts.values()].map((c) => c.dataName);
        const build = (c: ComputedMeasures, period: string) => buildReportData({ computed: c, pipeline: o.pipeline, period, definition: report.definition, chartData, audience, generatedAt });
        const data: ReportData = build(computed, o.period);
        const then = (b: typeof lastMonth) => ({ period: b.period, data: b.computed ? build(b.computed, b.period) : null });
        const comparisons: Comparisons = { lastMonth: then(lastMonth), lastYear: then(lastYear) };
        const out = await writeReport({ data, report, suppression: o.pipeline.suppression, formats: wanted, outDir, say, comparisons });
        written.push(...out.files);
        if (out.pdf) pdfs.push(out.pdf);
      }
    }
    // The JSON reports' schema ships beside them (the same file as docs/report.schema.json).
    if (wanted.includes('json')) written.push(writeReportSchema(outDir));
    if (pdfs.length > 0) {
      try {
        await renderPdf(pdfs, chromium);
        written.push(...pdfs.map((p) => p.pdf));
      } finally {
        for (const p of pdfs) if (!wanted.includes('html')) rmSync(p.html, { force: true });
      }
    }
    staged?.commit();
  } catch (e) {
    staged?.abandon();
    if (isOutOfSpace(e)) throw new OutOfSpaceError(`writing the reports into ${finalDir}`, { cause: e });
    throw e;
  }
  if (process.env.RAA_PROFILE === '1') process.stderr.write(`[profile] charts: ${chartStats.count} compiled and rendered in ${Math.round(chartStats.ms)} ms, ${chartStats.reused} reused\n`);
  return written.map((f) => join(finalDir, relative(outDir, f)));
}

