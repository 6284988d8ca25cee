// Issues of concern measures (docs/measures.md `concerns.*`, NMS 25.7) for month M, per partner and region, from `current_concerns`.
import { codeLists, codesOf } from '../../schemas/index.js';
import { sqlText, sqlTextList } from '../warehouse/sql.js';
import { NOT_RECORDED } from './adopterMeasures.js';
import { breakdown, buildMeasure, series, type SeriesRule } from './buildMeasure.js';
import { count, num, rate, stat } from './figure.js';
import { grouped, inM, inW12, notBy, REGION, type MeasureContext } from './MeasureContext.js';
import type { Figure, MeasureResult } from './types.js';

/** SQL: a concern with no action agreed at E, open, and older than the target (days). */
export const unactionedAt = (E: string, days: number) =>
  `(raised_date <= ${E} AND ${notBy('closed_date', E)} AND ${notBy('action_agreed_date', E)} AND ${E} - raised_date > ${days})`;
/** SQL: an action due before E and not completed by E. */
export const overdueAt = (E: string) => `(action_due_date < ${E} AND ${notBy('action_completed_date', E)})`;

const codes = (list: { codes: { code: string }[] }) => list.codes.map((c) => c.code);
const outcome = codesOf(codeLists.concernOutcome);
const learning = codesOf(codeLists.learningDestination);
const source = codesOf(codeLists.concernSource);

/** The record-level rules of the concerns measures for month M, by name (see `supportRules`). */
export function concernRules(ctx: MeasureContext) {
  const { E } = ctx.sql;
  const days = ctx.pipeline.targets.concerns.action_on_time.days;
  const raisedW12 = inW12(ctx, 'raised_date');
  const onTimeScope = `(${raisedW12} AND raised_date <= ${E} - ${days})`;
  const closedW12 = inW12(ctx, 'closed_date');
  const upheld = `(${closedW12} AND outcome IN (${sqlTextList([outcome.upheld, outcome.partially_upheld])}))`;
  const fedBack = `len(list_filter(coalesce(learning_to, []::VARCHAR[]), x -> x <> ${sqlText(learning.none)})) > 0`;
  return {
    raisedM: inM(ctx, 'raised_date'),
    raisedW12,
    onTimeScope,
    onTime: `(${onTimeScope} AND action_agreed_date <= raised_date + ${days})`,
    unactioned: unactionedAt(E, days),
    overdue: overdueAt(E),
    closedW12,
    closeDays: 'closed_date - raised_date',
    upheld,
    fedBack: `(${upheld} AND ${fedBack})`,
    reviews: `(${raisedW12} AND source IN (${sqlTextList([source.case_review, source.disruption_review])}))`,
  };
}

/** The categories that are regional themes: ≥ 3 concerns raised in W12 across the region from ≥ 2 partners (the union of submitted partners). */
function regionalThemes(categories: readonly string[], partners: readonly string[], inCategory: (entity: string, category: string) => number): string[] {
  const partnersWith = (c: string) => partners.filter((p) => inCategory(p, c) > 0).length;
  return categories.filter((c) => inCategory(REGION, c) >= 3 && partnersWith(c) >= 2);
}

/** The monthly series of the concerns measures: measure id → series name → rule. */
export const concernSeries = {
  'concerns.raised': { count: (ms, me) => `(raised_date BETWEEN ${ms} AND ${me})` },
} satisfies Record<string, Record<string, SeriesRule>>;

export async function concernMeasures(ctx: MeasureContext): Promise<MeasureResult[]> {
  const rule = concernRules(ctx);
  const rows = await grouped(ctx, 'concerns', {
    select: `
      count(*) FILTER (WHERE ${rule.raisedM}) AS raised_m,
      count(*) FILTER (WHERE ${rule.raisedW12}) AS raised_w12,
      count(*) FILTER (WHERE ${rule.onTimeScope}) AS aot_n,
      count(*) FILTER (WHERE ${rule.onTime}) AS aot_on_time,
      count(*) FILTER (WHERE ${rule.unactioned}) AS unactioned,
      count(*) FILTER (WHERE ${rule.overdue}) AS overdue,
      count(*) FILTER (WHERE ${rule.closedW12}) AS closed,
      quantile_cont(${rule.closeDays}, 0.5) FILTER (WHERE ${rule.closedW12}) AS close_median,
      count(*) FILTER (WHERE ${rule.upheld}) AS upheld,
      count(*) FILTER (WHERE ${rule.fedBack}) AS fed_back,
      count(*) FILTER (WHERE ${rule.reviews}) AS reviews`,
  });
  const monthly = await grouped(ctx, 'concerns', { months: true, select: `count(*) FILTER (WHERE ${concernSeries['concerns.raised'].count('m.ms', 'm.me')}) AS n` });
  const cat = (where: string, expr: string, from?: string) => grouped(ctx, 'concerns', { by: expr, where, select: 'count(*) AS n', ...(from ? { from } : {}) });
  const bySource = await cat(rule.raisedW12, 'source');
  const byCategory = await cat(rule.raisedW12, 'category');
  const bySeverity = await cat(rule.overdue, 'severity');
  const byOutcome = await cat(rule.closedW12, `coalesce(outcome, '${NOT_RECORDED}')`);
  const byDestination = await cat(`${rule.upheld} AND learning_to IS NOT NULL`, 'dest', `(SELECT *, unnest(learning_to) AS dest FROM current_concerns)`);
  const reviewCategories = await cat(rule.reviews, 'category');
  const r = (e: string) => rows.get(e) ?? {};
  const n = (row: Record<string, unknown> | undefined) => count(row?.['n']);
  const sources = codes(codeLists.concernSource);
  const categories = codes(codeLists.concernCategory);
  const destinations = codes(codeLists.learningDestination).filter((d) => d !== learning.none);

  // Regional themes: categories with ≥ 3 concerns raised in W12 from ≥ 2 partners (the union of submitted partners).
  const themes = regionalThemes(categories, ctx.partners, (e, c) => num(byCategory.get(`${e}|${c}`)?.['n']) ?? 0);
  const inThemes = (e: string) => themes.reduce((a, c) => a + (num(byCategory.get(`${e}|${c}`)?.['n']) ?? 0), 0);
  const themeFigures = (e: string): Record<string, Figure> => ({
    themes: count(e === REGION ? themes.length : themes.filter((c) => (num(byCategory.get(`${e}|${c}`)?.['n']) ?? 0) > 0).length),
    concerns_in_themes: count(inThemes(e)),
  });

  return [
    buildMeasure(ctx, 'concerns.raised', (e) => ({
      figures: { count: count(r(e)['raised_m']), count_w12: count(r(e)['raised_w12']) },
      breakdowns: { by_source: breakdown(e, sources, bySource, n), by_category: breakdown(e, categories, byCategory, n) },
      trends: { count: series(e, monthly, n) },
    })),
    buildMeasure(ctx, 'concerns.action_on_time', (e) => ({ figures: { on_time: rate(r(e)['aot_on_time'], r(e)['aot_n']) } })),
    buildMeasure(ctx, 'concerns.unactioned', (e) => ({ figures: { count: count(r(e)['unactioned']) } })),
    buildMeasure(ctx, 'concerns.overdue_actions', (e) => ({ figures: { count: count(r(e)['overdue']) }, breakdowns: { by_severity: breakdown(e, codes(codeLists.concernSeverity), bySeverity, n) } })),
    buildMeasure(ctx, 'concerns.time_to_close', (e) => ({
      figures: { median_days: stat(r(e)['close_median'], r(e)['closed'], 'days'), closed: count(r(e)['closed']) },
      breakdowns: { by_outcome: breakdown(e, [...codes(codeLists.concernOutcome), NOT_RECORDED], byOutcome, n) },
    })),
    buildMeasure(ctx, 'concerns.learning_loop', (e) => ({
      figures: { fed_back: rate(r(e)['fed_back'], r(e)['upheld']) },
      breakdowns: { by_destination: breakdown(e, destinations, byDestination, n) },
    })),
    buildMeasure(ctx, 'concerns.regional_themes', (e) => ({ figures: themeFigures(e), breakdowns: { by_category: breakdown(e, themes, byCategory, n) } })),
    buildMeasure(ctx, 'concerns.case_review_findings', (e) => ({ figures: { count: count(r(e)['reviews']) }, breakdowns: { by_category: breakdown(e, categories, reviewCategories, n) } })),
  ];
}
