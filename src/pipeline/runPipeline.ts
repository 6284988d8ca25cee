// The monthly job, top to bottom: find the months in the partners' inboxes, load every partner-month (one partner's
// failure never stops the others), render the reports, and read the ledger back for the month reported on.
import { join } from 'node:path';
import { needsAttention, type FileLoad } from '../load/FileLoad.js';
import { InboxError, inboxFiles, inboxPeriods, type InboxFile } from '../load/inboxFiles.js';
import { knownSubmissions } from '../load/knownSubmissions.js';
import { firstLine } from '../load/LoadFailedError.js';
import { loadPartnerMonth } from '../load/loadPartnerMonth.js';
import { disposeChecked, precheckFiles, type Checked } from '../load/precheckFiles.js';
import { latestPeriod, ledgerStatus, type LedgerStatus } from '../status/ledgerStatus.js';
import type { Pipeline } from './loadPipeline.js';
import type { Progress } from './progress.js';
import { renderReports } from './renderReports.js';
import type { ValidateSettings } from '../validate/ValidateSettings.js';
import type { Database } from '../warehouse/Database.js';
import { withWarehouse } from './withWarehouse.js';
import { monthBatches } from './monthBatches.js';

export interface PartnerRun {
  partner: string;
  period: string;
  files: FileLoad[];
  /** Why this partner-month could not be loaded (nothing of it was stored); null when it loaded. */
  error: string | null;
  /** A failure of the warehouse itself (rolled back) rather than of the partner's inbox. */
  warehouseFailure: boolean;
}

/** A partner-month to load: its files, and the run it is reported in. */
interface PartnerInbox {
  run: PartnerRun;
  files: InboxFile[];
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
    // 2. Load every partner's inbox for each month, oldest first (each month's cross-submission checks see the month
    //    before it). New files are validated together first, a group per dataset across partners and months, as one
    //    file costs DuckDB about as many statements as ten; months are taken together up to a budget of bytes, as
    //    their rows stay staged until they are written. Then each partner-month is decided and written in its own
    //    transaction, in month and partner order.
    const settings = { asfCap: pipeline.asfCap, holdThreshold: pipeline.holdThreshold };
    const loads: PartnerRun[] = [];
    const months: { period: string; runs: PartnerInbox[] }[] = [];
    for (const period of periods) months.push({ period, runs: await partnerMonths(pipeline, period) });
    for (const batch of await monthBatches(months)) {
      const fresh = batch.flatMap((m) => m.runs.filter((r) => r.run.error === null));
      say(`checking ${batch.map((m) => m.period).join(', ')}: ${fresh.reduce((n, m) => n + m.files.length, 0)} file(s) from ${new Set(fresh.map((m) => m.run.partner)).size} partner(s)`);
      const checked = await precheckMonths(db, fresh, settings);
      try {
        for (const { run, files } of batch.flatMap((m) => m.runs)) {
          if (run.error !== null) {
            loads.push(run);
            continue;
          }
          say(`loading ${run.partner} ${run.period} (${files.length} file(s))`);
          try {
            run.files = (await loadPartnerMonth(db, { partner: run.partner, period: run.period, files, settings, progress: say, checked })).files;
          } catch (e) {
            run.error = firstLine(e);
            run.warehouseFailure = !(e instanceof InboxError);
          }
          loads.push(run);
        }
      } finally {
        await disposeChecked(checked);
      }
    }
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

/** Each partner's files for the month (partners with none left out), or why its inbox could not be read. */
async function partnerMonths(pipeline: Pipeline, period: string): Promise<PartnerInbox[]> {
  const out: PartnerInbox[] = [];
  for (const partner of pipeline.partners) {
    const run: PartnerRun = { partner: partner.code, period, files: [], error: null, warehouseFailure: false };
    try {
      const files = await inboxFiles(join(partner.inbox, period));
      if (files.length > 0) out.push({ run, files });
    } catch (e) {
      run.error = firstLine(e);
      run.warehouseFailure = !(e instanceof InboxError);
      out.push({ run, files: [] });
    }
  }
  return out;
}

/** Check the partner-months' files together (precheckFiles); if that fails, each partner-month checks its own. */
async function precheckMonths(db: Database, months: readonly PartnerInbox[], settings: ValidateSettings): Promise<Map<string, Checked[]>> {
  try {
    const withLedgers = [];
    for (const { run, files } of months) withLedgers.push({ period: run.period, files, ledger: await knownSubmissions(db, run.partner, run.period) });
    return await precheckFiles(db, withLedgers, { settings, acceptPartial: false, prefix: 'm' });
  } catch {
    return new Map();
  }
}
