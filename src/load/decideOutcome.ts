// What to do with a file, from the ledger entries with the same bytes and (once validated) its verdict: a pure decision.
import type { Verdict } from '../validate/FileResult.js';
import type { SubmissionStatus } from '../warehouse/migrations.js';
import type { FileOutcome } from './FileLoad.js';

/** A ledger row with the same bytes, for the same partner and month. */
export interface KnownSubmission {
  id: number;
  sha256: string | null;
  status: SubmissionStatus;
  dataset: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  blank: number;
  warnings: number;
}

/**
 * - the same bytes were loaded (current or since superseded): `already_loaded`;
 * - recorded as rejected, or as held and not now accepted partially: `already_recorded` (same bytes, same verdict);
 * - not yet validated (`verdict` null): `validate`;
 * - else by verdict: file error → `rejected`; held → `held` unless `acceptPartial`; anything else → `loaded`.
 */
export function decideOutcome(sameBytes: readonly KnownSubmission[], verdict: Verdict | null, acceptPartial: boolean): { outcome: FileOutcome | 'validate'; known?: KnownSubmission } {
  const loaded = sameBytes.find((k) => k.status === 'loaded' || k.status === 'superseded');
  if (loaded) return { outcome: 'already_loaded', known: loaded };
  const recorded = sameBytes.find((k) => k.status === 'rejected' || (k.status === 'held' && !acceptPartial));
  if (recorded) return { outcome: 'already_recorded', known: recorded };
  if (verdict === null) return { outcome: 'validate' };
  if (verdict === 'file_error') return { outcome: 'rejected' };
  if (verdict === 'held' && !acceptPartial) return { outcome: 'held' };
  return { outcome: 'loaded' };
}
