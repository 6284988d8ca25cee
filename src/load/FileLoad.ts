// What loading one file did: its outcome in the ledger, the counts that reconcile, and diagnostic counts by rule (never values).
import type { SubmissionStatus } from '../warehouse/migrations.js';

/**
 * - `loaded`: a new submission; its rows are current (it superseded `supersedes`, if any) — unless a file received
 *   later is already loaded, which stays current (`supersededBy`).
 * - `held` / `rejected`: recorded in the ledger with its diagnostics; nothing replaced.
 * - `already_loaded`: the same bytes were loaded before for this partner and month: nothing written.
 * - `already_recorded`: the same bytes were recorded before as held or rejected, and would be again: nothing written.
 */
export type FileOutcome = 'loaded' | 'held' | 'rejected' | 'already_loaded' | 'already_recorded';

export interface LoadCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  blank: number;
  /** Rows loaded with at least one warning (validation or cross checks). */
  warnings: number;
}

export interface FileLoad {
  /** The file name; for a workbook sheet, `Workbook.xlsx › Sheet`. */
  file: string;
  path: string;
  /** The workbook sheet, null for a text file. */
  sheet: string | null;
  /** For a sheet validated now: the rows with values above its header row (titles), which are not read. */
  titleRows: number | null;
  dataset: string | null;
  received: string;
  sha256: string | null;
  outcome: FileOutcome;
  /** The ledger row written (new outcomes) or found (already_*). */
  submissionId: number | null;
  /** For `already_*`: that submission's status now. */
  previousStatus?: SubmissionStatus;
  /** For `loaded`: the submission it superseded. */
  supersedes: number | null;
  /** For `loaded`: the submission that stays current because it was received later (an out-of-order load). */
  supersededBy: number | null;
  acceptedPartial: boolean;
  counts: LoadCounts;
  /** Rows with row errors found by validation (for a held file these are not loaded, and neither are the others). */
  rowErrors: number;
  /** Diagnostics stored for the submission, per rule code. */
  countsByRule: Record<string, number>;
  /** Whether, after this load, the partner-month has a loaded submission of this file's dataset (null when unrecognised). */
  datasetLoaded: boolean | null;
}

export const emptyLoadCounts = (): LoadCounts => ({ rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, blank: 0, warnings: 0 });

/**
 * Whether an outcome leaves something for the analyst to act on (exit code 1): a file held or rejected now, rows
 * rejected now, or a file held or rejected before whose dataset still has nothing loaded for the month.
 */
export const needsAttention = (f: FileLoad): boolean =>
  f.outcome === 'held' || f.outcome === 'rejected' || (f.outcome === 'loaded' && f.rowErrors > 0) || (f.outcome === 'already_recorded' && f.datasetLoaded === false);
