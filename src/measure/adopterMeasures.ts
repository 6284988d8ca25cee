// Adopter recruitment measures (docs/measures.md `adopters.*`) for month M, per partner and region, from `current_adopters`.
import type { FieldName } from '../../schemas/index.js';
import { codeLists } from '../../schemas/index.js';
import { breakdown, buildMeasure, series } from './buildMeasure.js';
import { count, rate } from './figure.js';
import { by, grouped, inM, inW12, notBy, type MeasureContext } from './MeasureContext.js';
import type { MeasureResult } from './types.js';

/** Category of a record whose reason is blank. */
export const NOT_RECORDED = 'not_recorded';

export async function adopterMeasures(ctx: MeasureContext): Promise<MeasureResult[]> {
  const { E } = ctx.sql;
  /** On-time share over `end` in W12: `end ≤ start + n months`; records lacking `start` are excluded. */
  const onTime = (key: string, end: FieldName, start: FieldName, months: number) => `
      count(*) FILTER (WHERE ${inW12(ctx, end)} AND ${start} IS NOT NULL) AS ${key}_n,
      count(*) FILTER (WHERE ${inW12(ctx, end)} AND ${start} IS NOT NULL AND ${end} <= ${start} + INTERVAL ${months} MONTH) AS ${key}_on_time,
      count(*) FILTER (WHERE ${inW12(ctx, end)} AND ${start} IS NULL) AS ${key}_excluded`;
  const waiting = `(${by('approval_date', E)} AND ${notBy('matched_date', E)} AND ${notBy('left_date', E)})`;
  const rows = await grouped(ctx, 'adopters', {
    select: `
      count(*) FILTER (WHERE ${inM(ctx, 'enquiry_date')}) AS enquiries,
      count(*) FILTER (WHERE ${inM(ctx, 'stage1_start')}) AS stage1_starts,
      count(*) FILTER (WHERE ${inM(ctx, 'approval_date')}) AS approvals,
      count(*) FILTER (WHERE ${inW12(ctx, 'enquiry_date')}) AS enquiries_w12,
      count(*) FILTER (WHERE ${inW12(ctx, 'stage1_start')}) AS stage1_starts_w12,
      count(*) FILTER (WHERE ${inW12(ctx, 'approval_date')}) AS approvals_w12,
      ${onTime('s1', 'stage1_end', 'stage1_start', 2)},
      ${onTime('s2', 'stage2_end', 'stage2_start', 4)},
      ${onTime('ap', 'approval_date', 'stage1_start', 6)},
      ${onTime('mt', 'matched_date', 'approval_date', 3)},
      count(*) FILTER (WHERE ${waiting}) AS waiting,
      count(*) FILTER (WHERE ${waiting} AND ${E} > approval_date + INTERVAL 3 MONTH) AS waiting_over_3m,
      count(*) FILTER (WHERE ${inW12(ctx, 'left_date')}) AS left_w12`,
  });
  const monthly = await grouped(ctx, 'adopters', {
    months: true,
    select: `
      count(*) FILTER (WHERE enquiry_date BETWEEN m.ms AND m.me) AS enquiries,
      count(*) FILTER (WHERE stage1_start BETWEEN m.ms AND m.me) AS stage1_starts,
      count(*) FILTER (WHERE approval_date BETWEEN m.ms AND m.me) AS approvals`,
  });
  const left = await grouped(ctx, 'adopters', {
    by: `coalesce(left_reason, '${NOT_RECORDED}')`,
    where: inW12(ctx, 'left_date'),
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
