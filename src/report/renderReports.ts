// Render reports for a month: for each report and audience, ReportData → `<report>-<audience>.{html,json,pdf}` and `<report>-<audience>-csv/`; returns the files written.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { computeMeasures } from '../measure/computeMeasures.js';
import type { Audience, ReportData } from '../measure/types.js';
import type { Pipeline } from '../pipeline/loadPipeline.js';
import { chartStats } from '../render/renderChart.js';
import { ChromiumMissingError, renderPdf } from '../render/renderPdf.js';
import type { Database } from '../warehouse/Database.js';
import { buildReportData } from './buildReportData.js';
import { loadReport } from './loadReport.js';
import { reportsDir } from './reportsDir.js';
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
  /** Default: `reports/out/<period>/` under the working directory. */
  outDir?: string;
  /** Where report definitions live; default `reports/` under the working directory, else the package's own. */
  reportsDir?: string;
  /** Lines for people: warnings (a placeholder naming nothing, PDF without Chromium). */
  say?: (line: string) => void;
  /** The generation time printed on the cover; default now. */
  now?: Date;
}

/** Every report × audience for the month; definitions are all loaded (and checked) before anything is written. */
export async function renderReports(o: RenderReportsOptions): Promise<string[]> {
  const say = o.say ?? (() => {});
  const dir = o.reportsDir ?? reportsDir();
  const reports = (o.reportIds ?? o.pipeline.reports).map((id) => loadReport(id, dir));
  const computed = await computeMeasures(o.db, o.pipeline, o.period);
  const outDir = resolve(o.outDir ?? join('reports', 'out', o.period));
  mkdirSync(outDir, { recursive: true });
  const wanted = o.formats ?? ['html', 'json', 'csv'];
  const generatedAt = (o.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const written: string[] = [];
  const pdfs: { html: string; pdf: string }[] = [];
  for (const report of reports) {
    for (const audience of o.audiences ?? o.pipeline.audiences) {
      const chartData = [...report.charts.values()].map((c) => c.dataName);
      const data: ReportData = buildReportData({ computed, pipeline: o.pipeline, period: o.period, definition: report.definition, chartData, audience, generatedAt });
      const out = await writeReport({ data, report, suppression: o.pipeline.suppression, formats: wanted, outDir, say });
      written.push(...out.files);
      if (out.pdf) pdfs.push(out.pdf);
    }
  }
  if (pdfs.length > 0) {
    try {
      await renderPdf(pdfs.map((p) => [p.html, p.pdf]));
      written.push(...pdfs.map((p) => p.pdf));
    } catch (e) {
      if (!(e instanceof ChromiumMissingError)) throw e;
      say(e.message);
    } finally {
      for (const p of pdfs) if (!wanted.includes('html')) rmSync(p.html, { force: true });
    }
  }
  if (process.env.RAA_PROFILE === '1') process.stderr.write(`[profile] charts: ${chartStats.count} compiled and rendered in ${Math.round(chartStats.ms)} ms, ${chartStats.reused} reused\n`);
  return written;
}

