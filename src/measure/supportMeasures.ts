// Adoption support measures (docs/measures.md `support.*` except capacity) for month M, per partner and region, from `current_support`.
import { codeLists, codesOf } from '../../schemas/index.js';
import { sqlText } from '../warehouse/sql.js';
import { buildMeasure, series, type SeriesRule } from './buildMeasure.js';
import { count, rate, stat } from './figure.js';
import { by, grouped, inM, inW12, notBy, type MeasureContext } from './MeasureContext.js';
import type { MeasureResult } from './types.js';

const requestType = codesOf(codeLists.requestType);
const closure = codesOf(codeLists.closureReason);

/** SQL: a request awaiting allocation at date x (received by x, neither allocated nor closed by x). */
export const awaitingAt = (x: string) => `(received_date <= ${x} AND ${notBy('allocated_date', x)} AND ${notBy('closed_date', x)})`;
/** SQL: an open allocated case at date x. */
export const openAt = (x: string) => `(${by('allocated_date', x)} AND ${notBy('closed_date', x)})`;

/**
 * The record-level rules of the support measures for month M, by name: each a SQL predicate over one `current_support`
 * row (or, for `*Days`/`scoreChange`, the value a statistic is taken over). The aggregates below and `raa explain` both
 * use them, so the records explain lists are the records counted.
 */
export function supportRules(ctx: MeasureContext) {
  const { E, fy } = ctx.sql;
  const t = ctx.pipeline.targets.support;
  const receivedW12 = inW12(ctx, 'received_date');
  const allocW12 = inW12(ctx, 'allocated_date');
  const assessW12 = inW12(ctx, 'assessed_date');
  const asfFy = `(asf_applied_date BETWEEN ${fy} AND ${E})`;
  const closedW12 = inW12(ctx, 'closed_date');
  const scored = `(${closedW12} AND score_start IS NOT NULL AND score_end IS NOT NULL)`;
  const awaiting = awaitingAt(E);
  return {
    receivedM: inM(ctx, 'received_date'),
    receivedW12,
    recordsW12: `(${receivedW12} AND request_type = ${sqlText(requestType.access_to_records)})`,
    peerW12: `(${receivedW12} AND request_type = ${sqlText(requestType.peer_support)})`,
    deliveredW12: `(${closedW12} AND closure_reason = ${sqlText(closure.service_provided)})`,
    awaiting,
    open: openAt(E),
    allocW12,
    allocDays: 'allocated_date - received_date',
    allocWithin: `(${allocW12} AND allocated_date - received_date <= ${t.days_to_allocation.days})`,
    waitDays: `${E} - received_date`,
    waitOver90: `(${awaiting} AND ${E} - received_date > 90)`,
    assessW12,
    assessWithin: `(${assessW12} AND assessed_date - received_date <= ${t.assessment_timeliness.days})`,
    asfFy,
    asfWithAmount: `(${asfFy} AND asf_amount IS NOT NULL)`,
    asfWithoutAmount: `(${asfFy} AND asf_amount IS NULL)`,
    asfOverCap: `(${asfFy} AND asf_amount > ${Number(ctx.pipeline.asfCap)})`,
    closedW12,
    scored,
    unscored: `(${closedW12} AND (score_start IS NULL OR score_end IS NULL))`,
    improved: `(${scored} AND score_end > score_start)`,
    scoreChange: 'score_end - score_start',
  };
}

/** The monthly series of the support measures: measure id → series name → rule. */
export const supportSeries = {
  'support.received': { count: (ms, me) => `(received_date BETWEEN ${ms} AND ${me})` },
  'support.awaiting_allocation': { count: (_ms, me) => awaitingAt(me) },
  'support.open_cases': { count: (_ms, me) => openAt(me) },
} satisfies Record<string, Record<string, SeriesRule>>;

export async function supportMeasures(ctx: MeasureContext): Promise<MeasureResult[]> {
  const rule = supportRules(ctx);
  const rows = await grouped(ctx, 'support', {
    select: `
      count(*) FILTER (WHERE ${rule.receivedM}) AS received_m,
      count(*) FILTER (WHERE ${rule.receivedW12}) AS received_w12,
      count(*) FILTER (WHERE ${rule.recordsW12}) AS records_w12,
      count(*) FILTER (WHERE ${rule.peerW12}) AS peer_w12,
      count(*) FILTER (WHERE ${rule.deliveredW12}) AS delivered_w12,
      count(*) FILTER (WHERE ${rule.awaiting}) AS awaiting,
      count(*) FILTER (WHERE ${rule.open}) AS open,
      count(*) FILTER (WHERE ${rule.allocW12}) AS alloc_n,
      quantile_cont(${rule.allocDays}, 0.5) FILTER (WHERE ${rule.allocW12}) AS alloc_median,
      quantile_cont(${rule.allocDays}, 0.9) FILTER (WHERE ${rule.allocW12}) AS alloc_p90,
      count(*) FILTER (WHERE ${rule.allocWithin}) AS alloc_within,
      quantile_cont(${rule.waitDays}, 0.5) FILTER (WHERE ${rule.awaiting}) AS wait_median,
      max(${rule.waitDays}) FILTER (WHERE ${rule.awaiting}) AS wait_longest,
      count(*) FILTER (WHERE ${rule.waitOver90}) AS wait_over_90,
      count(*) FILTER (WHERE ${rule.assessW12}) AS assess_n,
      count(*) FILTER (WHERE ${rule.assessWithin}) AS assess_within,
      count(*) FILTER (WHERE ${rule.asfFy}) AS asf_n,
      count(*) FILTER (WHERE ${rule.asfWithAmount}) AS asf_with_amount,
      CAST(sum(asf_amount) FILTER (WHERE ${rule.asfFy}) AS DOUBLE) AS asf_total,
      CAST(avg(asf_amount) FILTER (WHERE ${rule.asfFy}) AS DOUBLE) AS asf_mean,
      count(*) FILTER (WHERE ${rule.asfOverCap}) AS asf_over_cap,
      count(*) FILTER (WHERE ${rule.closedW12}) AS closed_w12,
      count(*) FILTER (WHERE ${rule.scored}) AS scored,
      count(*) FILTER (WHERE ${rule.improved}) AS improved,
      avg(${rule.scoreChange}) FILTER (WHERE ${rule.scored}) AS mean_change`,
  });
  const monthly = await grouped(ctx, 'support', {
    months: true,
    select: `
      count(*) FILTER (WHERE ${supportSeries['support.received'].count('m.ms', 'm.me')}) AS received,
      count(*) FILTER (WHERE ${supportSeries['support.awaiting_allocation'].count('m.ms', 'm.me')}) AS awaiting,
      count(*) FILTER (WHERE ${supportSeries['support.open_cases'].count('m.ms', 'm.me')}) AS open`,
  });
  const r = (e: string) => rows.get(e) ?? {};
  const month = (e: string, col: string) => series(e, monthly, (row) => count(row?.[col]));
  return [
    buildMeasure(ctx, 'support.received', (e) => ({ figures: { count: count(r(e)['received_m']), count_w12: count(r(e)['received_w12']) }, trends: { count: month(e, 'received') } })),
    buildMeasure(ctx, 'support.records_share', (e) => ({ figures: { share: rate(r(e)['records_w12'], r(e)['received_w12']) } })),
    buildMeasure(ctx, 'support.awaiting_allocation', (e) => ({ figures: { count: count(r(e)['awaiting']) }, trends: { count: month(e, 'awaiting') } })),
    buildMeasure(ctx, 'support.open_cases', (e) => ({ figures: { count: count(r(e)['open']) }, trends: { count: month(e, 'open') } })),
    buildMeasure(ctx, 'support.days_to_allocation', (e) => ({
      figures: {
        median_days: stat(r(e)['alloc_median'], r(e)['alloc_n'], 'days'),
        p90_days: stat(r(e)['alloc_p90'], r(e)['alloc_n'], 'days'),
        within_target: rate(r(e)['alloc_within'], r(e)['alloc_n']),
      },
    })),
    buildMeasure(ctx, 'support.waiting_now', (e) => ({
      figures: {
        median_days: stat(r(e)['wait_median'], r(e)['awaiting'], 'days'),
        longest_days: stat(r(e)['wait_longest'], r(e)['awaiting'], 'days'),
        over_90_days: count(r(e)['wait_over_90']),
      },
    })),
    buildMeasure(ctx, 'support.assessment_timeliness', (e) => ({ figures: { within_target: rate(r(e)['assess_within'], r(e)['assess_n']) } })),
    buildMeasure(ctx, 'support.asf_fy', (e) => {
      const x = r(e);
      const excluded = Number(x['asf_n'] ?? 0) - Number(x['asf_with_amount'] ?? 0);
      return {
        figures: {
          applications: count(x['asf_n']),
          total_gbp: stat(x['asf_total'], x['asf_with_amount'], 'gbp', excluded),
          mean_gbp: stat(x['asf_mean'], x['asf_with_amount'], 'gbp', excluded),
          over_cap: count(x['asf_over_cap']),
        },
      };
    }),
    buildMeasure(ctx, 'support.outcome_improved', (e) => {
      const x = r(e);
      const excluded = Number(x['closed_w12'] ?? 0) - Number(x['scored'] ?? 0);
      return { figures: { improved: rate(x['improved'], x['scored'], excluded), mean_change: stat(x['mean_change'], x['scored'], 'score', excluded) } };
    }),
    buildMeasure(ctx, 'support.delivered', (e) => ({ figures: { count: count(r(e)['delivered_w12']) } })),
    buildMeasure(ctx, 'support.peer_support', (e) => ({ figures: { count: count(r(e)['peer_w12']) } })),
  ];
}
