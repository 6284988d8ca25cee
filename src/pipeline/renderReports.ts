// The seam where the month's reports are rendered once its loads are in; the reports issue fills it. Returns the files written.
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

export function renderReports(ctx: ReportContext): Promise<string[]> {
  ctx.say(`Reports (${ctx.pipeline.reports.join(', ')}) for ${ctx.period}: not rendered yet — rendering is still to be built; the ledger below is the month's record.`);
  return Promise.resolve([]);
}
