// What to do with a file: first from the ledger rows with the same bytes, then (once validated) from its verdict. Pure.
import type { Verdict } from '../validate/index.js';
import type { KnownRow } from '../warehouse/ledger.js';

/** A ledger row with the same bytes, for the same partner and month (the ledger's own row shape). */
export type KnownSubmission = KnownRow;

/**
 * Bytes seen before: loaded (current or since superseded) → `already_loaded`; recorded as rejected, or as held and not
 * now accepted partially → `already_recorded` (same bytes, same verdict). Null when the file must be validated.
 */
export function knownOutcome(sameBytes: readonly KnownSubmission[], acceptPartial: boolean): { outcome: 'already_loaded' | 'already_recorded'; known: KnownSubmission } | null {
  const loaded = sameBytes.find((k) => k.status === 'loaded' || k.status === 'superseded');
  if (loaded) return { outcome: 'already_loaded', known: loaded };
  const recorded = sameBytes.find((k) => k.status === 'rejected' || (k.status === 'held' && !acceptPartial));
  return recorded ? { outcome: 'already_recorded', known: recorded } : null;
}

/** A validated file: file error → `rejected`; held → `held` unless `acceptPartial`; anything else → `loaded`. */
export function verdictOutcome(verdict: Verdict, acceptPartial: boolean): 'loaded' | 'held' | 'rejected' {
  if (verdict === 'file_error') return 'rejected';
  if (verdict === 'held' && !acceptPartial) return 'held';
  return 'loaded';
}
