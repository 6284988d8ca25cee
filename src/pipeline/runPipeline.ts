// The monthly job, top to bottom: find the months in the partners' inboxes, load every partner-month (one partner's
// failure never stops the others), render the reports, and read the ledger back for the month reported on.
import { join } from 'node:path';
import { needsAttention, type FileLoad } from '../load/FileLoad.js';
import { InboxError, inboxFiles, inboxPeriods } from '../load/inboxFiles.js';
import { firstLine } from '../load/LoadFailedError.js';
import { loadPartnerMonth } from '../load/loadPartnerMonth.js';
import { latestPeriod, ledgerStatus, type LedgerStatus } from '../status/ledgerStatus.js';
import type { Pipeline } from './loadPipeline.js';
import type { Progress } from './progress.js';
import { renderReports } from './renderReports.js';
import { inPool, orderedTurns } from './inPool.js';
import { withWarehouse } from './withWarehouse.js';

/** Partner-months validated at once: one per core on this kind of machine; DuckDB plans each statement on one thread. */
const concurrency = 2;

export interface PartnerRun {
  partner: string;
  period: string;
  files: FileLoad[];
  /** Why this partner-month could not be loaded (nothing of it was stored); null when it loaded. */
  error: string | null;
  /** A failure of the warehouse itself (rolled back) rather than of the partner's inbox. */
  warehouseFailure: boolean;
}

export interface RunReport {
  warehouse: string;
  /** The months loaded, oldest first. */
  periods: string[];
  /** The month reported on: the newest loaded (or asked for). Null when there is nothing at all. */
  reportPeriod: string | null;
  loads: PartnerRun[];
  /** Lines from the report stage. */
  reportNotes: string[];
  reportFiles: string[];
  /** Why rendering failed (the loads stand); null when it did not. */
  reportError: string | null;
  ledger: LedgerStatus | null;
}

export interface RunOptions {
  /** Load only this month. Without it, every month found in any inbox, oldest first. */
  period?: string;
  progress?: Progress;
}

export async function runPipeline(pipeline: Pipeline, opts: RunOptions = {}): Promise<RunReport> {
  const say = opts.progress ?? (() => undefined);

  // 1. Which months. Without --period, every YYYY-MM folder in any inbox, oldest first: loads are idempotent (the same
  //    bytes are recognised by hash without validating them again), so months already loaded cost a hash per file,
  //    a fresh warehouse gets every month, and a late resubmission for an earlier month is picked up. Then the newest
  //    month is reported on.
  const periods = opts.period ? [opts.period] : [...new Set((await Promise.all(pipeline.partners.map((p) => inboxPeriods(p.inbox)))).flat())].sort();

  return withWarehouse(pipeline.warehouse, {}, async (db) => {
    const started = performance.now();
    // 2. Load every partner's inbox for each month: validated two at a time (each on its own connection, so both
    //    cores work), written one at a time in month-then-partner order, so the ledger reads the same as a serial
    //    run and each month's cross-submission checks see the month before it.
    const settings = { asfCap: pipeline.asfCap, holdThreshold: pipeline.holdThreshold };
    const tasks = periods.flatMap((period) => pipeline.partners.map((partner) => ({ period, partner })));
    const turns = orderedTurns(tasks.length);
    const runs = await inPool(tasks, concurrency, db, async ({ period, partner }, i, conn) => {
      const run: PartnerRun = { partner: partner.code, period, files: [], error: null, warehouseFailure: false };
      try {
        const files = await inboxFiles(join(partner.inbox, period));
        if (files.length === 0) return null;
        say(`loading ${partner.code} ${period} (${files.length} file(s))`);
        run.files = (await loadPartnerMonth(conn, { partner: partner.code, period, files, settings, progress: say, writeTurn: (write) => turns.take(i, write) })).files;
      } catch (e) {
        run.error = firstLine(e);
        run.warehouseFailure = !(e instanceof InboxError);
      } finally {
        turns.skip(i); // a partner-month with nothing to write (or that failed first) gives up its turn
      }
      return run;
    });
    const loads = runs.filter((r): r is PartnerRun => r !== null);
    const loaded = performance.now();

    // 3. Render the reports for the month reported on.
    const reportPeriod = opts.period ?? (await latestPeriod(db));
    const reportNotes: string[] = [];
    let reportFiles: string[] = [];
    let reportError: string | null = null;
    if (reportPeriod) {
      say(`rendering the reports for ${reportPeriod}`);
      try {
        reportFiles = await renderReports({ pipeline, db, period: reportPeriod, say: (l) => reportNotes.push(l) });
      } catch (e) {
        reportError = firstLine(e);
      }
    }

    if (process.env.RAA_PROFILE === '1') process.stderr.write(`[profile] run: loads ${Math.round(loaded - started)} ms, reports ${Math.round(performance.now() - loaded)} ms\n`);

    // 4. The ledger for that month, as it now stands.
    const ledger = reportPeriod ? await ledgerStatus(db, pipeline, reportPeriod) : null;
    return { warehouse: pipeline.warehouse, periods, reportPeriod, loads, reportNotes, reportFiles, reportError, ledger };
  });
}

/** 0 when everything loaded (or was already loaded) cleanly or with warnings and the reports rendered; 1 when data needs attention or rendering failed; 3 when a load failed. */
export function runExitCode(report: RunReport): 0 | 1 | 3 {
  if (report.loads.some((l) => l.warehouseFailure)) return 3;
  if (report.reportError !== null || report.loads.some((l) => l.error !== null || l.files.some(needsAttention))) return 1;
  return 0;
}
