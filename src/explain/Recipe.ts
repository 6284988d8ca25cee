// What `raa explain` works from: for one figure of one entity, the rows behind it (records of a dataset, or for the
// data-quality measures the submissions in effect), each with its role in the figure, and how the figure is given
// back from them. A recipe is built from the same named rules the measures aggregate (src/measure/*Rules).
import type { Unit } from '../measure/types.js';

/**
 * A row's part in the figure: `counted` (a count, or the records a statistic is over), `numerator` (a rate's numerator,
 * and so also its denominator), `denominator` (in the denominator only), `excluded` (in the window but lacking a date,
 * score or amount the figure needs, so left out: the figure's `excluded`).
 */
export type Role = 'numerator' | 'denominator' | 'counted' | 'excluded';
export const roleOrder: readonly Role[] = ['numerator', 'denominator', 'counted', 'excluded'];

/** One record (or submission) behind a figure. */
export interface ExplainRow {
  partner: string;
  /** The dataset the record is from, or `submission` for a file in effect (data-quality measures). */
  source: string;
  /** The record's key as `field=value` pairs (`request_id=R1`), or the dataset of a submission. */
  key: string;
  /** The submission the record was loaded from; null for a required file that was never received. */
  submissionId: number | null;
  /** The record's line in its file (a workbook's row); null for a submission. */
  line: number | null;
  /** The dates and values the measure used, by field name, as stored. */
  used: Record<string, string | null>;
  /** The value a statistic or sum is taken over (days, £, score change, FTE, rows); null for a plain count. */
  value: number | null;
  /** A ratio of sums (dq.rejected_share): the row's share of the denominator (rows read). */
  weight?: number | null;
  /** What the row stands for in a derived figure (support.capacity's inputs) or its category (a theme). */
  group?: string;
  role: Role;
  /** Why the row is in the figure (or left out), in the catalogue's words. */
  reason: string;
}

/** How the figure is given back from the rows listed. */
export type Recompute =
  | { kind: 'count' }
  /** A count that is the sum of each row's value (rows of files, not-known values). */
  | { kind: 'total' }
  | { kind: 'rate' }
  | { kind: 'stat'; stat: 'median' | 'p90' | 'mean' | 'max' | 'sum'; unit: Unit }
  | { kind: 'fte' }
  | { kind: 'distinct' }
  | { kind: 'sum_rate' }
  | { kind: 'capacity'; figure: string; horizonMonths: number; last3Months: readonly string[]; eligible: readonly string[] };

export interface Recipe {
  recompute: Recompute;
  /** The rows for these partners (one partner, or the region's). */
  rows: (partners: readonly string[]) => Promise<ExplainRow[]>;
  /** Partners whose rows the region's figure is over, when not every partner of the pipeline. */
  regionPartners?: readonly string[];
}
