// Before the transaction, per file: recognise bytes already in the ledger (without validating them again), else validate
// against the warehouse connection and decide loaded / held / rejected, with the counts the ledger will hold.
import { unexpectedFailure, type Validated } from '../validate/validateBatch.js';
import { validateFile, type ValidateSettings } from '../validate/validateFile.js';
import type { Database } from '../warehouse/Database.js';
import { knownOutcome, verdictOutcome, type KnownSubmission } from './decideOutcome.js';
import { emptyLoadCounts, type LoadCounts } from './FileLoad.js';
import type { FilePlan } from './FilePlan.js';
import { hashFile } from './hashFile.js';
import type { InboxFile } from './inboxFiles.js';
import { loadableRows } from './loadableRows.js';

export interface PlanContext {
  partner: string;
  period: string;
  settings: ValidateSettings;
  acceptPartial: boolean;
  scratchDir: string;
  /** Ledger rows of this partner and month before the load. */
  ledger: readonly KnownSubmission[];
  /** Files of this batch planned so far. */
  batch: readonly FilePlan[];
  /** What is already known of files (by path): bytes in the ledger, or validated with staged tables. Used as is. */
  checked?: ReadonlyMap<string, Checked>;
}

/** A file whose bytes are already in the ledger: the ledger row and what that makes the file. */
export type Recognised = NonNullable<ReturnType<typeof knownOutcome>>;

/** What is known of a file before it is planned: its bytes are already in the ledger, or it has been validated. */
export type Checked = { recognised: Recognised } | { validated: Validated };

/** The ledger row a file's bytes are already recorded as, and what that makes the file; null when they are new. */
export async function recognisedBytes(file: InboxFile, ledger: readonly KnownSubmission[], acceptPartial: boolean): Promise<Recognised | null> {
  if (ledger.length === 0) return null; // nothing to recognise: no need to hash
  const sha = await hashFile(file.path).catch(() => null);
  return sha === null ? null : knownOutcome(ledger.filter((k) => k.sha256 === sha), acceptPartial);
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export async function planFile(db: Database, file: InboxFile, index: number, ctx: PlanContext): Promise<FilePlan> {
  const plan: FilePlan = {
    index, file, outcome: 'rejected', result: null, acceptedPartial: false, diagnostics: [], counts: emptyLoadCounts(), note: null,
    submissionId: null, supersedes: null, supersededBy: null, supersededInBatch: false,
  };
  // Same bytes as a ledger row: decided without validating.
  const checked = ctx.checked?.get(file.path);
  const early = checked ? ('recognised' in checked ? checked.recognised : null) : await recognisedBytes(file, ctx.ledger, ctx.acceptPartial);
  if (early) {
    const k = early.known;
    return { ...plan, outcome: early.outcome, known: k, counts: { rowsRead: k.rowsRead, rowsLoaded: k.rowsLoaded, rowsRejected: k.rowsRejected, blank: k.blank, warnings: k.warnings } };
  }

  let staged;
  if (checked && 'validated' in checked) {
    ({ result: plan.result, staged } = checked.validated);
  } else {
    try {
      ({ result: plan.result, staged } = await validateFile(file.path, { db, scratchDir: ctx.scratchDir, prefix: `l${index}`, displayName: file.name, period: ctx.period, settings: ctx.settings }));
    } catch (e) {
      plan.result = unexpectedFailure(file.name, e);
    }
  }
  const r = plan.result;
  plan.diagnostics = [...r.diagnostics];

  // The same bytes twice in one batch: the second follows the first.
  const twin = ctx.batch.find((p) => p.result?.sha256 && p.result.sha256 === r.sha256);
  plan.outcome = twin ? (twin.outcome === 'loaded' ? 'already_loaded' : 'already_recorded') : verdictOutcome(r.verdict, ctx.acceptPartial);
  if (twin) plan.diagnostics = [];

  const c = r.counts;
  const notLoaded: LoadCounts = { rowsRead: c.rowsRead, rowsLoaded: 0, rowsRejected: c.rowsRead - c.blank, blank: c.blank, warnings: 0 };
  const considered = c.rowsRead - c.blank;
  if (plan.outcome === 'loaded') {
    if (!staged) throw new Error(`${file.name}: validation passed but left no staged rows to load`);
    plan.staged = staged;
    plan.loadable = await loadableRows(db, staged, `l${index}`);
    plan.counts = { rowsRead: c.rowsRead, rowsLoaded: c.wouldLoad, rowsRejected: c.wouldReject, blank: c.blank, warnings: c.warnings };
    plan.acceptedPartial = r.verdict === 'held';
    if (plan.acceptedPartial) plan.note = `loaded with --accept-partial: ${c.wouldReject} of ${considered} rows (${pct(c.wouldReject / considered)}) have row errors and are in the quarantine`;
    return plan;
  }
  await staged?.dispose();
  plan.counts = twin ? { ...twin.counts } : notLoaded;
  if (plan.outcome === 'held') plan.note = `held: ${c.wouldReject} of ${considered} rows (${pct(c.wouldReject / considered)}) have row errors, over the limit of ${pct(ctx.settings.holdThreshold)}`;
  if (plan.outcome === 'rejected') plan.note = `file error: ${[...new Set(r.diagnostics.filter((d) => d.severity === 'file_error').map((d) => d.rule))].join(', ')}`;
  return plan;
}
