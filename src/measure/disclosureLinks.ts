// Cells that show the same number in two places (a month's figure and its trend point; one count read by two measures): disclosure hides both or neither.
import { seriesOf } from './disclosureTables.js';
import type { EntityFigures, Figure, MeasureResult } from './types.js';

/** Pairs of (measure id, figure) holding the same count, or a statistic whose denominator is that count, per entity. */
const sameCounts: readonly [string, string, string, string][] = [
  ['support.awaiting_allocation', 'count', 'support.waiting_now', 'median_days'],
  ['support.awaiting_allocation', 'count', 'support.waiting_now', 'longest_days'],
  ['support.awaiting_allocation', 'count', 'support.capacity', 'awaiting'],
  ['support.received', 'count_w12', 'support.records_share', 'share'],
  ['support.days_to_allocation', 'within_target', 'support.days_to_allocation', 'median_days'],
  ['support.days_to_allocation', 'within_target', 'support.days_to_allocation', 'p90_days'],
  ['support.asf_fy', 'total_gbp', 'support.asf_fy', 'mean_gbp'],
  ['support.outcome_improved', 'improved', 'support.outcome_improved', 'mean_change'],
  ['concerns.time_to_close', 'closed', 'concerns.time_to_close', 'median_days'],
];

/** Every pair of cells in `measures` that must be hidden together. */
export function linkedCells(measures: readonly MeasureResult[]): [Figure, Figure][] {
  const byId = new Map(measures.map((m) => [m.id, m]));
  const entity = (m: MeasureResult | undefined, code: string): EntityFigures | undefined => (code === '*' ? m?.region : m?.partners[code]);
  const codes = ['*', ...new Set(measures.flatMap((m) => Object.keys(m.partners)))];
  const pairs: [Figure, Figure][] = [];
  const add = (a: Figure | undefined, b: Figure | undefined) => {
    if (a && b && a !== b && a.status === 'ok' && b.status === 'ok') pairs.push([a, b]);
  };
  for (const m of measures) {
    // The last point of a monthly series is the month's figure of the same name.
    for (const e of [m.region, ...Object.values(m.partners)]) {
      for (const [name, points] of Object.entries(seriesOf(m, e))) add(e.figures[name], points[points.length - 1]);
    }
  }
  for (const code of codes) {
    for (const [ia, ka, ib, kb] of sameCounts) add(entity(byId.get(ia), code)?.figures[ka], entity(byId.get(ib), code)?.figures[kb]);
    // Regional themes repeat the W12 counts by category of concerns.raised.
    const themes = entity(byId.get('concerns.regional_themes'), code)?.breakdowns?.['by_category'] ?? {};
    const raised = entity(byId.get('concerns.raised'), code)?.breakdowns?.['by_category'] ?? {};
    for (const [c, f] of Object.entries(themes)) add(f, raised[c]);
  }
  return pairs;
}
