// Before the transaction, per file: decide from what precheckFiles found (bytes already in the ledger, or the
// validation result) whether it loads, is held or is rejected, with the counts the ledger will hold.
import type { ValidateSettings } from '../config/ValidateSettings.js';
import { verdictOutcome } from './decideOutcome.js';
import { emptyLoadCounts, type LoadCounts } from './FileLoad.js';
import type { FilePlan } from './FilePlan.js';
import type { InboxFile } from './inboxFiles.js';
import type { Checked } from './precheckFiles.js';

export interface PlanContext {
  settings: ValidateSettings;
  acceptPartial: boolean;
  /** Files of this batch planned so far. */
  batch: readonly FilePlan[];
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export async function planFile(file: InboxFile, index: number, checked: Checked, ctx: PlanContext): Promise<FilePlan> {
  const plan: FilePlan = {
    index, file, sheet: checked.sheet, outcome: 'rejected', result: null, acceptedPartial: false, diagnostics: [], counts: emptyLoadCounts(), note: null,
    submissionId: null, supersedes: null, supersededBy: null, storedStatus: null,
  };
  // Same bytes as a ledger row: decided without validating.
  if ('recognised' in checked) {
    const { outcome, known: k } = checked.recognised;
    return { ...plan, outcome, known: k, counts: { rowsRead: k.rowsRead, rowsLoaded: k.rowsLoaded, rowsRejected: k.rowsRejected, blank: k.blank, warnings: k.warnings } };
  }
  const rows = checked.checked;
  const r = checked.result;
  plan.result = r;
  plan.diagnostics = [...r.diagnostics];

  // The same bytes (and sheet) twice in one batch: the second follows the first.
  const twin = ctx.batch.find((p) => p.result?.sha256 && p.result.sha256 === r.sha256 && p.sheet === plan.sheet);
  plan.outcome = twin ? (twin.outcome === 'loaded' ? 'already_loaded' : 'already_recorded') : verdictOutcome(r.verdict, ctx.acceptPartial);
  if (twin) plan.diagnostics = [];

  const c = r.counts;
  const notLoaded: LoadCounts = { rowsRead: c.rowsRead, rowsLoaded: 0, rowsRejected: c.rowsRead - c.blank, blank: c.blank, warnings: 0 };
  const considered = c.rowsRead - c.blank;
  if (plan.outcome === 'loaded') {
    if (!rows) throw new Error(`${r.file}: validation passed but left no checked rows to load`);
    plan.checked = rows;
    plan.counts = { rowsRead: c.rowsRead, rowsLoaded: c.wouldLoad, rowsRejected: c.wouldReject, blank: c.blank, warnings: c.warnings };
    plan.acceptedPartial = r.verdict === 'held';
    if (plan.acceptedPartial) plan.note = `loaded with --accept-partial: ${c.wouldReject} of ${considered} rows (${pct(c.wouldReject / considered)}) have row errors and are in the quarantine`;
    return plan;
  }
  await rows?.dispose();
  plan.counts = twin ? { ...twin.counts } : notLoaded;
  if (plan.outcome === 'held') plan.note = `held: ${c.wouldReject} of ${considered} rows (${pct(c.wouldReject / considered)}) have row errors, over the limit of ${pct(ctx.settings.holdThreshold)}`;
  if (plan.outcome === 'rejected') plan.note = `file error: ${[...new Set(r.diagnostics.filter((d) => d.severity === 'file_error').map((d) => d.rule))].join(', ')}`;
  return plan;
}
