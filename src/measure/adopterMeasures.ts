// Adopter recruitment measures (docs/measures.md `adopters.*`) for month M, per partner and region, from `current_adopters`.
import type { FieldName } from '../../schemas/index.js';
import { codeLists } from '../../schemas/index.js';
import { breakdown, buildMeasure, series, type SeriesRule } from './buildMeasure.js';
import { count, rate } from './figure.js';
import { by, grouped, inM, inW12, notBy, type MeasureContext } from './MeasureContext.js';
import type { MeasureResult } from './types.js';

/** Category of a record whose reason is blank. */
export const NOT_RECORDED = 'not_recorded';

/** An on-time share over `end` in W12: `end ≤ start + n months`; records lacking `start` are excluded. */
export interface OnTimeRule {
  /** The denominator: `end` in W12 and `start` present. */
  scope: string;
  /** The numerator: of those, `end` within `months` of `start`. */
  onTime: string;
  /** `end` in W12 but `start` missing. */
  excluded: string;
  dates: [start: FieldName, end: FieldName];
}

/** The record-level rules of the adopter measures for month M, by name (see `supportRules`). */
export function adopterRules(ctx: MeasureContext) {
  const { E } = ctx.sql;
  const onTime = (end: FieldName, start: FieldName, months: number): OnTimeRule => ({
    scope: `(${inW12(ctx, end)} AND ${start} IS NOT NULL)`,
    onTime: `(${inW12(ctx, end)} AND ${start} IS NOT NULL AND ${end} <= ${start} + INTERVAL ${months} MONTH)`,
    excluded: `(${inW12(ctx, end)} AND ${start} IS NULL)`,
    dates: [start, end],
  });
  const waiting = `(${by('approval_date', E)} AND ${notBy('matched_date', E)} AND ${notBy('left_date', E)})`;
  return {
    enquiries: inM(ctx, 'enquiry_date'),
    stage1_starts: inM(ctx, 'stage1_start'),
    approvals: inM(ctx, 'approval_date'),
    enquiries_w12: inW12(ctx, 'enquiry_date'),
    stage1_starts_w12: inW12(ctx, 'stage1_start'),
    approvals_w12: inW12(ctx, 'approval_date'),
    s1: onTime('stage1_end', 'stage1_start', 2),
    s2: onTime('stage2_end', 'stage2_start', 4),
    ap: onTime('approval_date', 'stage1_start', 6),
    mt: onTime('matched_date', 'approval_date', 3),
    waiting,
    waitingOver3m: `(${waiting} AND ${E} > approval_date + INTERVAL 3 MONTH)`,
    leftW12: inW12(ctx, 'left_date'),
  };
}

/** The dates each flow figure counts over (the trend series have the same names). */
export const flowDates = { enquiries: 'enquiry_date', stage1_starts: 'stage1_start', approvals: 'approval_date' } as const satisfies Record<string, FieldName>;

/** The monthly series of the adopter measures: measure id → series name → rule. */
export const adopterSeries = {
  'adopters.flow': Object.fromEntries(Object.entries(flowDates).map(([k, d]) => [k, (ms: string, me: string) => `(${d} BETWEEN ${ms} AND ${me})`])),
} satisfies Record<string, Record<string, SeriesRule>>;

export async function adopterMeasures(ctx: MeasureContext): Promise<MeasureResult[]> {
  const rule = adopterRules(ctx);
  const onTime = (key: 's1' | 's2' | 'ap' | 'mt') => `
      count(*) FILTER (WHERE ${rule[key].scope}) AS ${key}_n,
      count(*) FILTER (WHERE ${rule[key].onTime}) AS ${key}_on_time,
      count(*) FILTER (WHERE ${rule[key].excluded}) AS ${key}_excluded`;
  const rows = await grouped(ctx, 'adopters', {
    select: `
      count(*) FILTER (WHERE ${rule.enquiries}) AS enquiries,
      count(*) FILTER (WHERE ${rule.stage1_starts}) AS stage1_starts,
      count(*) FILTER (WHERE ${rule.approvals}) AS approvals,
      count(*) FILTER (WHERE ${rule.enquiries_w12}) AS enquiries_w12,
      count(*) FILTER (WHERE ${rule.stage1_starts_w12}) AS stage1_starts_w12,
      count(*) FILTER (WHERE ${rule.approvals_w12}) AS approvals_w12,
      ${onTime('s1')},
      ${onTime('s2')},
      ${onTime('ap')},
      ${onTime('mt')},
      count(*) FILTER (WHERE ${rule.waiting}) AS waiting,
      count(*) FILTER (WHERE ${rule.waitingOver3m}) AS waiting_over_3m,
      count(*) FILTER (WHERE ${rule.leftW12}) AS left_w12`,
  });
  const monthly = await grouped(ctx, 'adopters', {
    months: true,
    select: `
      ${Object.entries(adopterSeries['adopters.flow']).map(([k, rule]) => `count(*) FILTER (WHERE ${rule('m.ms', 'm.me')}) AS ${k}`).join(',\n      ')}`,
  });
  const left = await grouped(ctx, 'adopters', {
    by: `coalesce(left_reason, '${NOT_RECORDED}')`,
    where: rule.leftW12,
    select: 'count(*) AS n',
  });
  const r = (e: string) => rows.get(e) ?? {};
  const share = (key: string, e: string) => rate(r(e)[`${key}_on_time`], r(e)[`${key}_n`], r(e)[`${key}_excluded`]);
  const reasons = [...codeLists.leftReason.codes.map((c) => c.code), NOT_RECORDED];
  const flow = ['enquiries', 'stage1_starts', 'approvals'];
  return [
    buildMeasure(ctx, 'adopters.flow', (e) => ({
      figures: Object.fromEntries(flow.flatMap((k) => [[k, count(r(e)[k])], [`${k}_w12`, count(r(e)[`${k}_w12`])]])),
      trends: Object.fromEntries(flow.map((k) => [k, series(e, monthly, (row) => count(row?.[k]))])),
    })),
    buildMeasure(ctx, 'adopters.stage1_on_time', (e) => ({ figures: { on_time: share('s1', e) } })),
    buildMeasure(ctx, 'adopters.stage2_on_time', (e) => ({ figures: { on_time: share('s2', e) } })),
    buildMeasure(ctx, 'adopters.approved_within_6m', (e) => ({ figures: { on_time: share('ap', e) } })),
    buildMeasure(ctx, 'adopters.waiting', (e) => ({ figures: { count: count(r(e)['waiting']), over_3_months: count(r(e)['waiting_over_3m']) } })),
    buildMeasure(ctx, 'adopters.matched_within_3m', (e) => ({ figures: { on_time: share('mt', e) } })),
    buildMeasure(ctx, 'adopters.left', (e) => ({ figures: { count: count(r(e)['left_w12']) }, breakdowns: { by_left_reason: breakdown(e, reasons, left, (row) => count(row?.['n'])) } })),
  ];
}
