// A measure declared as data: what it counts, over what, in which window, which way is better, its default target,
// and the names of its figures, breakdowns and trends. The SQL in src/measure/*Measures.ts implements these; the
// report definitions are checked against them; docs/measures.md and each report's definitions section are written from them.
import type { DatasetName } from '../../schemas/index.js';
import type { Direction, FigureWindow, Unit } from './vocabulary.js';

/** Which dates a figure counts over (FigureWindow.kind in the JSON). */
export type WindowKind = FigureWindow['kind'];

/**
 * A measure's default target; `targets.<group>.<name>` in the pipeline file overrides each number.
 * - `share`: a percentage, higher is better: green at or above `green`, amber at or above `amber`, else red; `days`,
 *   when present, is the configurable time limit the share counts cases against.
 * - `lower_share`: a percentage, lower is better: green at or under `green`, amber at or under `amber`.
 * - `ceiling`: a mean in days, green at or under `days`, else red (no amber band).
 * - `horizon`: not a RAG: the months within which a backlog should be cleared.
 */
export type TargetDefault =
  | { kind: 'share'; green: number; amber: number; days?: number }
  | { kind: 'lower_share'; green: number; amber: number }
  | { kind: 'ceiling'; days: number }
  | { kind: 'horizon'; months: number };

export interface FigureDefinition {
  /** What the figure is, in a few words ("median days", "allocated within {days} days"). */
  title: string;
  unit: Unit;
  /** Which way is better; absent for a volume, where neither is. */
  direction?: Direction;
  window: WindowKind;
  /** The window ends the time limit's days before the month end, so every case counted has had its full time. */
  endsBeforeTimeLimit?: true;
  /** The measure's target judges this figure (its RAG). */
  judged?: true;
  /** The time limit the figure counts cases against: a fixed one, or `target` (the measure target's `days` or `months`). */
  timeLimit?: { value: number; unit: 'days' | 'months' } | 'target';
}

export interface BreakdownDefinition {
  title: string;
  /** Where the categories come from. */
  categories: string;
  window: WindowKind;
  /** The figure the categories add up to (per entity), or null: then `why` says why they add up to none. */
  total: string | null;
  why?: string;
}

export interface TrendDefinition {
  /** Each point counts its month (`month`), or is the position at its month end (`as_at`). */
  points: 'month' | 'as_at';
  /** The figure the twelve points add up to, or null (`why`). */
  total: string | null;
  why?: string;
}

export interface MeasureDefinition {
  /** `<group>.<name>`; the pipeline's targets for it are `targets.<group>.<name>`. */
  id: string;
  title: string;
  standard: '26.4' | '25.7';
  /** Plain English: what the measure tells the reader. `{days}` and `{months}` are the target's. */
  definition: string;
  numerator?: string;
  denominator?: string;
  /** Which records and dates, in words. */
  window: string;
  /** Records left out, and how the figure says so. */
  exclusions?: string;
  /** Datasets it reads: a partner without an accepted file of each is "not submitted". */
  datasets: readonly DatasetName[];
  /** When the measure appears at all, if not always. */
  condition?: string;
  headline: string;
  target?: TargetDefault;
  /** The measure whose target gives this one's time limit (`{days}`), when it has none of its own. */
  targetFrom?: string;
  figures: Record<string, FigureDefinition>;
  breakdowns?: Record<string, BreakdownDefinition>;
  trends?: Record<string, TrendDefinition>;
  /** Tables of words rather than numbers: name → what it says. */
  labels?: Record<string, string>;
  /** Internal audience only: the records behind the measure, by identifier. */
  evidence?: { title: string; columns: readonly string[] };
}
