// The seam where the month's reports are rendered once its loads are in: every report and audience of the pipeline, HTML, JSON and CSV. Returns the files (and CSV folders) written.
import { dirname } from 'node:path';
import { NoDataForPeriodError } from '../measure/reportPeriod.js';
import type { Database } from '../warehouse/Database.js';
import type { Pipeline } from './loadPipeline.js';

export interface ReportContext {
  pipeline: Pipeline;
  /** The warehouse, open for the run. */
  db: Database;
  /** The month to report on. */
  period: string;
  /** A line for people (stdout). */
  say: (line: string) => void;
}

/** Output under `<pipeline output>/<period>/` (default `reports/<pipeline name>/` beside the pipeline file); a month with nothing loaded is said, not thrown. */
export async function renderMonthReports(ctx: ReportContext): Promise<string[]> {
  try {
    // Loaded here, not at start-up: the renderers bring Vega, which no other command needs.
    const { renderReports } = await import('../report/renderReports.js');
    const files = await renderReports({ db: ctx.db, pipeline: ctx.pipeline, period: ctx.period, formats: ['html', 'json', 'csv'], say: ctx.say });
    // One line per report file, and one per CSV folder rather than per table.
    return [...new Set(files.map((f) => (f.endsWith('.csv') ? `${dirname(f)}/` : f)))];
  } catch (e) {
    if (!(e instanceof NoDataForPeriodError)) throw e;
    ctx.say(`Reports for ${ctx.period}: not rendered — ${e.message}`);
    return [];
  }
}
