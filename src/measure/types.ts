// The shape of computed measures and of the machine-readable report (the JSON output and the basis of golden tests).
// Measures compute `Figure`s; disclosure control (published audience) rewrites them; renderers only read them.

export type Unit = 'count' | 'percent' | 'days' | 'gbp' | 'months' | 'fte' | 'score' | 'rate';
export type Rag = 'green' | 'amber' | 'red';

/**
 * - `ok`: computed.
 * - `no_cases`: the denominator is zero (a rate shows "no cases", never 0%).
 * - `not_submitted`: the partner sent no accepted file for a dataset the figure needs in the month.
 */
export type FigureStatus = 'ok' | 'no_cases' | 'not_submitted';

/**
 * Why the published report hides a figure: `primary`, a count of 1 to 5 or a figure over 1 to 5 records; `secondary`,
 * hidden so that a primary one cannot be worked out from the totals and the cells shown (it may be 0 or over 5).
 */
export type SuppressionKind = 'primary' | 'secondary';

/** One number in a report, with where it came from. */
export interface Figure {
  /** The figure; null unless status is `ok` and it is not suppressed. Percentages are 0–100 with one decimal. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: Unit;
  target: number | null;
  rag: Rag | null;
  status: FigureStatus;
  /** Published audience only: hidden by disclosure control (value, numerator and denominator are then null). */
  suppressed: boolean;
  /** Internal audience only: the published report hides this figure, and why (the published report itself never says which). */
  suppression?: SuppressionKind;
  /** Records left out of the denominator because they lack a date the figure needs. */
  excluded?: number;
  /** A word for a figure that has no number by definition, e.g. `not clearing` (support.capacity months to clear). */
  note?: string;
}

/** A measure's figures for one entity (a partner, or the region). */
export interface EntityFigures {
  /** Named figures, e.g. `count`, `median_days`, `p90_days`, `within_target`. */
  figures: Record<string, Figure>;
  /** Breakdowns: breakdown name → category → figure, e.g. `by_source.complaint`. */
  breakdowns?: Record<string, Record<string, Figure>>;
  /** Monthly trend over W12: one point per month, oldest first, of the measure's headline figure. */
  trend?: { month: string; figure: Figure }[];
  /** Measures with several monthly series (e.g. adopters.flow): figure name → its W12 trend; `trend` is the headline's. */
  trends?: Record<string, { month: string; figure: Figure }[]>;
  /** Values that are words, not numbers: table → row → text, e.g. dq.submission `state.children = 'loaded'`. */
  labels?: Record<string, Record<string, string>>;
  /** Region only: partners left out of this measure because they did not submit what it needs. */
  notSubmitted?: string[];
  /** Submission ids the figures were computed from. */
  submissions: number[];
}

export interface MeasureResult {
  /** Stable id from metrics.md, e.g. `support.awaiting_allocation`. */
  id: string;
  title: string;
  /** `26.4` or `25.7`. */
  standard: string;
  /** The figure shown as the headline (tiles, trends), e.g. `count`. */
  headline: string;
  /** Partner code → figures. */
  partners: Record<string, EntityFigures>;
  region: EntityFigures;
  /** Breakdown name → the figure that is its total (the categories add up to it), for disclosure's secondary suppression. */
  breakdownTotals?: Record<string, string>;
  /** Trend series name → the figure that is its W12 total (the twelve points add up to it). */
  trendTotals?: Record<string, string>;
}

/** Internal audience only: lists of record ids behind a measure (never in published output). */
export interface EvidenceList {
  id: string;
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface SubmissionUsed {
  id: number;
  partner: string;
  dataset: string;
  fileName: string;
  sha256: string;
  receivedAt: string | null;
  rowsLoaded: number;
}

export type Audience = 'internal' | 'published';

/** The whole machine-readable report for one reporting month and audience. */
export interface ReportData {
  report: { id: string; title: string; standard: string };
  region: string;
  period: string;
  /** Last day of the period, `yyyy-mm-dd`. */
  periodEnd: string;
  audience: Audience;
  generatedAt: string;
  partners: { code: string; name: string }[];
  submissions: SubmissionUsed[];
  measures: MeasureResult[];
  /** Present for the internal audience only. */
  evidence?: EvidenceList[];
}
