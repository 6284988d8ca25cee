// Issues of concern measures (docs/measures.md `concerns.*`, NMS 25.7) for month M, per partner and region, from `current_concerns`.
import { codeLists, codesOf } from '../../schemas/index.js';
import { sqlText, sqlTextList } from '../warehouse/sql.js';
import { NOT_RECORDED } from './adopterMeasures.js';
import { breakdown, buildMeasure, series } from './buildMeasure.js';
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

export async function concernMeasures(ctx: MeasureContext): Promise<MeasureResult[]> {
  const { E } = ctx.sql;
  const days = ctx.pipeline.targets.concerns.action_on_time.days;
  const raisedW12 = inW12(ctx, 'raised_date');
  const onTimeScope = `${raisedW12} AND raised_date <= ${E} - ${days}`;
  const closedW12 = inW12(ctx, 'closed_date');
  const upheld = `${closedW12} AND outcome IN (${sqlTextList([outcome.upheld, outcome.partially_upheld])})`;
  const fedBack = `len(list_filter(coalesce(learning_to, []::VARCHAR[]), x -> x <> ${sqlText(learning.none)})) > 0`;
  const reviews = `${raisedW12} AND source IN (${sqlTextList([source.case_review, source.disruption_review])})`;
  const rows = await grouped(ctx, 'concerns', {
    select: `
      count(*) FILTER (WHERE ${inM(ctx, 'raised_date')}) AS raised_m,
      count(*) FILTER (WHERE ${raisedW12}) AS raised_w12,
      count(*) FILTER (WHERE ${onTimeScope}) AS aot_n,
      count(*) FILTER (WHERE ${onTimeScope} AND action_agreed_date <= raised_date + ${days}) AS aot_on_time,
      count(*) FILTER (WHERE ${unactionedAt(E, days)}) AS unactioned,
      count(*) FILTER (WHERE ${overdueAt(E)}) AS overdue,
      count(*) FILTER (WHERE ${closedW12}) AS closed,
      quantile_cont(closed_date - raised_date, 0.5) FILTER (WHERE ${closedW12}) AS close_median,
      count(*) FILTER (WHERE ${upheld}) AS upheld,
      count(*) FILTER (WHERE ${upheld} AND ${fedBack}) AS fed_back,
      count(*) FILTER (WHERE ${reviews}) AS reviews`,
  });
  const monthly = await grouped(ctx, 'concerns', { months: true, select: 'count(*) FILTER (WHERE raised_date BETWEEN m.ms AND m.me) AS n' });
  const cat = (where: string, expr: string, from?: string) => grouped(ctx, 'concerns', { by: expr, where, select: 'count(*) AS n', ...(from ? { from } : {}) });
  const bySource = await cat(raisedW12, 'source');
  const byCategory = await cat(raisedW12, 'category');
  const bySeverity = await cat(overdueAt(E), 'severity');
  const byOutcome = await cat(closedW12, `coalesce(outcome, '${NOT_RECORDED}')`);
  const byDestination = await cat(`${upheld} AND learning_to IS NOT NULL`, 'dest', `(SELECT *, unnest(learning_to) AS dest FROM current_concerns)`);
  const reviewCategories = await cat(reviews, 'category');
  const r = (e: string) => rows.get(e) ?? {};
  const n = (row: Record<string, unknown> | undefined) => count(row?.['n']);
  const sources = codes(codeLists.concernSource);
  const categories = codes(codeLists.concernCategory);
  const destinations = codes(codeLists.learningDestination).filter((d) => d !== learning.none);

  // Regional themes: categories with ≥ 3 concerns raised in W12 from ≥ 2 partners (the union of submitted partners).
  const partnersWith = (c: string) => ctx.partners.filter((p) => (num(byCategory.get(`${p}|${c}`)?.['n']) ?? 0) > 0).length;
  const themes = categories.filter((c) => (num(byCategory.get(`${REGION}|${c}`)?.['n']) ?? 0) >= 3 && partnersWith(c) >= 2);
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
