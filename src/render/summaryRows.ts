// The one-page summary: every headline tile of the report as a row, its target in its own unit, its RAG, and how it
// moved since last month and since the same month last year (from the warehouse's figures for those months, disclosed
// for the same audience; "no data" where the warehouse holds none).
import type { Figure, MeasureResult, Rag, ReportData } from '../measure/types.js';
import { formatFigure, formatValue, type Suppressed } from './formatFigure.js';
import { targetText } from './targetText.js';

/** The same report for an earlier month; `data` is null when the warehouse holds nothing for it. */
export interface Comparison {
  /** `YYYY-MM`. */
  period: string;
  data: ReportData | null;
}

export interface SummaryRow {
  /** The section the tile belongs to. */
  section: string;
  label: string;
  measureId: string;
  value: string;
  rag: Rag | null;
  target: string | null;
  sinceLastMonth: string;
  sinceLastYear: string;
}

export interface SummaryTile {
  section: string;
  label: string;
  measure: MeasureResult;
  figureName: string;
  figure: Figure | undefined;
}

const numberOf = (f: Figure | undefined): number | null => (f && !f.suppressed && f.status === 'ok' ? f.value : null);

/** The difference in the figure's unit: "2.3 points", "12", "4.5 days", "£1,200". */
function amount(d: number, f: Figure): string {
  return f.unit === 'percent' ? `${d.toFixed(1)} ${d === 1 ? 'point' : 'points'}` : formatValue(d, f.unit, true);
}

/**
 * "up 12 from 167 (worse)": the move from the earlier month's figure to this one, whether that is better or worse when
 * the figure has a direction. A hidden figure, then or now, hides the change too (it would give the hidden number away).
 */
export function changeText(now: Figure | undefined, tile: Pick<SummaryTile, 'measure' | 'figureName'>, then: Comparison, s: Suppressed): string {
  if (!then.data) return 'no data';
  const before = then.data.measures.find((m) => m.id === tile.measure.id)?.region.figures[tile.figureName];
  if (!before) return 'no data';
  if (now?.suppressed) return s.symbol;
  const was = formatFigure(before, s, true);
  const a = numberOf(now);
  const b = numberOf(before);
  if (a === null || b === null) return `was ${was}`;
  const d = Math.round((a - b) * 100) / 100;
  if (d === 0) return `no change from ${was}`;
  const better = now?.direction === 'higher' ? d > 0 : now?.direction === 'lower' ? d < 0 : null;
  return `${d > 0 ? 'up' : 'down'} ${amount(Math.abs(d), before)} from ${was}${better === null ? '' : better ? ' (better)' : ' (worse)'}`;
}

export function summaryRows(tiles: readonly SummaryTile[], lastMonth: Comparison, lastYear: Comparison, s: Suppressed): SummaryRow[] {
  return tiles.map((t) => ({
    section: t.section,
    label: t.label,
    measureId: t.measure.id,
    value: formatFigure(t.figure, s, true),
    rag: t.figure?.rag ?? null,
    target: targetText(t.figure),
    sinceLastMonth: changeText(t.figure, t, lastMonth, s),
    sinceLastYear: changeText(t.figure, t, lastYear, s),
  }));
}
