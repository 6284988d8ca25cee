// The monthly job, top to bottom: find the months in the partners' inboxes, load every partner-month (one partner's
// failure never stops the others), render the reports, and read the ledger back for the month reported on.
import { join } from 'node:path';
import { needsAttention, type FileLoad } from '../load/FileLoad.js';
import { InboxError, inboxContents, inboxPeriods, type InboxFile } from '../load/inboxFiles.js';
import { knownSubmissions } from '../load/knownSubmissions.js';
import { firstLine } from '../load/LoadFailedError.js';
import { loadPartnerMonth, type NotRead } from '../load/loadPartnerMonth.js';
import { UsageError } from '../errors/RaaError.js';
import { folderExists } from '../status/inboxStatus.js';
import { disposeChecked, precheckFiles, type Checked } from '../load/precheckFiles.js';
import { optionalDatasets } from '../../schemas/index.js';
import { latestPeriod, ledgerStatus, type LedgerStatus } from '../status/ledgerStatus.js';
import type { Pipeline } from './loadPipeline.js';
import type { Progress } from './progress.js';
import { renderMonthReports } from './renderMonthReports.js';
import type { ValidateSettings } from '../config/ValidateSettings.js';
import type { Database } from '../warehouse/Database.js';
import { withWarehouse } from './withWarehouse.js';
import { monthBatches } from './monthBatches.js';

export interface PartnerRun {
  partner: string;
  period: string;
  files: FileLoad[];
  /** Files in the inbox folder that are not read (needs attention), then workbook sheets that are not extracts (listed only). */
  notRead: NotRead[];
  /** How many of `notRead` are files (the first ones); the rest are sheets. */
  filesNotRead: number;
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
  /** Partners whose inbox folder does not exist (a mistyped path is not an empty inbox). */
  missingInboxes: { partner: string; inbox: string }[];
  /** Required datasets with nothing received for a month of the run that is due; months not yet due are not listed. */
  missingDatasets: { period: string; partner: string; dataset: string }[];
}

export interface RunOptions {
  /** Load only this month. Without it, every month found in any inbox, oldest first. */
  period?: string;
  progress?: Progress;
}

export async function runPipeline(pipeline: Pipeline, opts: RunOptions = {}): Promise<RunReport> {
  const say = opts.progress ?? (() => undefined);

  // 0. The inboxes: a partner whose folder does not exist is named (and needs attention); none existing at all is a
  //    mistake in the pipeline file, not a quiet month.
  const missingInboxes: RunReport['missingInboxes'] = [];
  for (const p of pipeline.partners) if (!(await folderExists(p.inbox))) missingInboxes.push({ partner: p.code, inbox: p.inbox });
  if (missingInboxes.length > 0 && missingInboxes.length === pipeline.partners.length) {
    throw new UsageError(`no partner's inbox folder exists (${missingInboxes.map((m) => `${m.partner}: ${m.inbox}`).join('; ')}); check the inbox paths in the pipeline file (relative paths are relative to its folder)`);
  }

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
          if (run.error !== null || files.length === 0) {
            loads.push(run);
            continue;
          }
          say(`loading ${run.partner} ${run.period} (${files.length} file(s))`);
          try {
            const load = await loadPartnerMonth(db, { partner: run.partner, period: run.period, files, settings, progress: say, checked });
            run.files = load.files;
            run.notRead.push(...load.notRead);
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
        reportFiles = await renderMonthReports({ pipeline, db, period: reportPeriod, say: (l) => reportNotes.push(l) });
      } catch (e) {
        reportError = firstLine(e);
      }
    }

    if (process.env.RAA_PROFILE === '1') process.stderr.write(`[profile] run: loads ${Math.round(loaded - started)} ms, reports ${Math.round(performance.now() - loaded)} ms\n`);

    // 4. The ledger for that month, as it now stands.
    const ledger = reportPeriod ? await ledgerStatus(db, pipeline, reportPeriod) : null;

    // 5. Every required dataset missing from a month of the run that is due, by partner (inboxes that exist).
    const missingDatasets: RunReport['missingDatasets'] = [];
    for (const period of [...new Set([...periods, ...(reportPeriod ? [reportPeriod] : [])])].sort()) {
      const status = period === reportPeriod && ledger ? ledger : await ledgerStatus(db, pipeline, period);
      for (const p of status.partners) {
        if (missingInboxes.some((m) => m.partner === p.code)) continue; // named once, as an inbox that does not exist
        for (const d of p.datasets) if (d.state === 'missing' && !(optionalDatasets as readonly string[]).includes(d.dataset)) missingDatasets.push({ period, partner: p.code, dataset: d.dataset });
      }
    }
    return { warehouse: pipeline.warehouse, periods, reportPeriod, loads, reportNotes, reportFiles, reportError, ledger, missingInboxes, missingDatasets };
  });
}

/**
 * 0 when everything loaded (or was already loaded) cleanly or with warnings and the reports rendered; 1 when data
 * needs attention (rows or files rejected, a file not read, an inbox folder that does not exist, a required dataset
 * missing for a month that is due) or rendering failed; 3 when a load failed.
 */
export function runExitCode(report: RunReport): 0 | 1 | 3 {
  if (report.loads.some((l) => l.warehouseFailure)) return 3;
  if (report.reportError !== null || report.loads.some((l) => l.error !== null || l.filesNotRead > 0 || l.files.some(needsAttention))) return 1;
  if (report.missingInboxes.length > 0 || report.missingDatasets.length > 0) return 1;
  return 0;
}

/**
 * Each partner's files for the month, and the files in its folder that are not read (partners with neither left
 * out), or why its inbox could not be read.
 */
async function partnerMonths(pipeline: Pipeline, period: string): Promise<PartnerInbox[]> {
  const out: PartnerInbox[] = [];
  for (const partner of pipeline.partners) {
    const run: PartnerRun = { partner: partner.code, period, files: [], notRead: [], filesNotRead: 0, error: null, warehouseFailure: false };
    try {
      const { files, notRead } = await inboxContents(join(partner.inbox, period));
      run.notRead = notRead.map((n) => ({ file: n.file, reason: n.reason }));
      run.filesNotRead = notRead.length;
      if (files.length > 0 || notRead.length > 0) out.push({ run, files });
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
