// Children measures (docs/measures.md `children.*`) for month M, per partner and region, from `current_children`.
import { codeLists } from '../../schemas/index.js';
import { NOT_RECORDED } from './adopterMeasures.js';
import { breakdown, buildMeasure, series, type SeriesRule } from './buildMeasure.js';
import { count, stat } from './figure.js';
import { by, grouped, inM, inW12, notBy, type MeasureContext } from './MeasureContext.js';
import type { MeasureResult } from './types.js';

/** SQL: a child waiting at E (decision by E; not placed, reversed or adopted by E). */
export const childWaiting = (E: string) =>
  `(${by('adm_decision_date', E)} AND ${notBy('placed_date', E)} AND ${notBy('reversal_date', E)} AND ${notBy('adoption_order_date', E)})`;
/** SQL: of those waiting, a placement order over 90 days old at E and no match by E. */
export const childWaitingOver90 = (E: string) =>
  `(${childWaiting(E)} AND ${by('placement_order_date', E)} AND ${E} - placement_order_date > 90 AND ${notBy('matched_date', E)})`;

/** The record-level rules of the children measures for month M, by name (see `supportRules`): predicates, and `*Days` values. */
export function childrenRules(ctx: MeasureContext) {
  const { E } = ctx.sql;
  const moved = 'least(placed_date, ffa_placed_date)';
  const aoW12 = inW12(ctx, 'adoption_order_date');
  const reversalW12 = inW12(ctx, 'reversal_date');
  return {
    waiting: childWaiting(E),
    waitingPo: `(${childWaiting(E)} AND ${by('placement_order_date', E)})`,
    waitingPo90: childWaitingOver90(E),
    a10: `(${aoW12} AND ${moved} IS NOT NULL AND entered_care IS NOT NULL)`,
    a10Days: `${moved} - entered_care`,
    a10Excluded: `(${aoW12} AND (${moved} IS NULL OR entered_care IS NULL))`,
    a2: `(${inW12(ctx, 'matched_date')} AND placement_order_date IS NOT NULL)`,
    a2Days: 'greatest(0, matched_date - placement_order_date)',
    matchedM: inM(ctx, 'matched_date'),
    matchedW12: inW12(ctx, 'matched_date'),
    placedW12: inW12(ctx, 'placed_date'),
    aoW12,
    reversalW12,
    disruption: `(${reversalW12} AND placed_date IS NOT NULL AND reversal_date > placed_date)`,
  };
}

/** The monthly series of the children measures: measure id → series name → rule. */
export const childrenSeries = {
  'children.matched': { count: (ms, me) => `(matched_date BETWEEN ${ms} AND ${me})` },
} satisfies Record<string, Record<string, SeriesRule>>;

export async function childrenMeasures(ctx: MeasureContext): Promise<MeasureResult[]> {
  const rule = childrenRules(ctx);
  const rows = await grouped(ctx, 'children', {
    select: `
      count(*) FILTER (WHERE ${rule.waiting}) AS waiting,
      count(*) FILTER (WHERE ${rule.waitingPo}) AS waiting_po,
      count(*) FILTER (WHERE ${rule.waitingPo90}) AS waiting_po_90,
      count(*) FILTER (WHERE ${rule.a10}) AS a10_n,
      avg(${rule.a10Days}) FILTER (WHERE ${rule.a10}) AS a10_mean,
      count(*) FILTER (WHERE ${rule.a10Excluded}) AS a10_excluded,
      count(*) FILTER (WHERE ${rule.a2}) AS a2_n,
      avg(${rule.a2Days}) FILTER (WHERE ${rule.a2}) AS a2_mean,
      count(*) FILTER (WHERE ${rule.matchedM}) AS matched_m,
      count(*) FILTER (WHERE ${rule.matchedW12}) AS matched_w12,
      count(*) FILTER (WHERE ${rule.placedW12}) AS placed,
      count(*) FILTER (WHERE ${rule.aoW12}) AS adoption_orders,
      count(*) FILTER (WHERE ${rule.reversalW12}) AS reversals,
      count(*) FILTER (WHERE ${rule.disruption}) AS disruptions`,
  });
  const reasons = await grouped(ctx, 'children', {
    by: `coalesce(reversal_reason, '${NOT_RECORDED}')`,
    where: rule.reversalW12,
    select: 'count(*) AS n',
  });
  const monthly = await grouped(ctx, 'children', { months: true, select: `count(*) FILTER (WHERE ${childrenSeries['children.matched'].count('m.ms', 'm.me')}) AS matched` });
  const r = (e: string) => rows.get(e) ?? {};
  const codes = [...codeLists.reversalReason.codes.map((c) => c.code), NOT_RECORDED];
  return [
    buildMeasure(ctx, 'children.waiting', (e) => ({
      figures: {
        count: count(r(e)['waiting']),
        with_placement_order: count(r(e)['waiting_po']),
        placement_order_over_90_days_no_match: count(r(e)['waiting_po_90']),
      },
    })),
    buildMeasure(ctx, 'children.a10', (e) => ({ figures: { mean_days: stat(r(e)['a10_mean'], r(e)['a10_n'], 'days', r(e)['a10_excluded']) } })),
    buildMeasure(ctx, 'children.a2', (e) => ({ figures: { mean_days: stat(r(e)['a2_mean'], r(e)['a2_n'], 'days') } })),
    buildMeasure(ctx, 'children.matched', (e) => ({
      figures: { count: count(r(e)['matched_m']), count_w12: count(r(e)['matched_w12']) },
      trends: { count: series(e, monthly, (row) => count(row?.['matched'])) },
    })),
    buildMeasure(ctx, 'children.placed', (e) => ({ figures: { placed: count(r(e)['placed']), adoption_orders: count(r(e)['adoption_orders']) } })),
    buildMeasure(ctx, 'children.reversals', (e) => ({
      figures: { count: count(r(e)['reversals']), disruptions: count(r(e)['disruptions']) },
      breakdowns: { by_reversal_reason: breakdown(e, codes, reasons, (row) => count(row?.['n'])) },
    })),
  ];
}
