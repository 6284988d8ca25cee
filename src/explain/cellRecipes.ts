// Recipes for a breakdown's cell (`by_source.complaint`) and a trend's point (`count@2026-05`): the records of the
// breakdown's scope in the category, or those the series counts in that month, from the rules the measures use.
import type { DatasetName } from '../../schemas/index.js';
import { measureDefinition } from '../catalogue/catalogue.js';
import { adopterRules, adopterSeries, NOT_RECORDED } from '../measure/adopterMeasures.js';
import type { SeriesRule } from '../measure/buildMeasure.js';
import { childrenRules, childrenSeries } from '../measure/childrenMeasures.js';
import { concernRules, concernSeries } from '../measure/concernMeasures.js';
import type { MeasureContext } from '../measure/MeasureContext.js';
import { supportSeries } from '../measure/supportMeasures.js';
import { sqlText } from '../warehouse/sql.js';
import { notKnownCell, submissionCell } from './dqRecipes.js';
import type { Recipe } from './Recipe.js';
import { recordRows } from './recordRows.js';

interface CategoryRule {
  dataset: DatasetName;
  /** The records the breakdown is over. */
  scope: string;
  /** SQL: the record is in category `c`. */
  in: (c: string) => string;
  used: readonly string[];
}

const equals = (expr: string) => (c: string) => `${expr} = ${sqlText(c)}`;
const orNotRecorded = (field: string) => equals(`coalesce(${field}, ${sqlText(NOT_RECORDED)})`);

function categoryRules(ctx: MeasureContext): Record<string, Record<string, CategoryRule>> {
  const a = adopterRules(ctx);
  const ch = childrenRules(ctx);
  const c = concernRules(ctx);
  return {
    'adopters.left': { by_left_reason: { dataset: 'adopters', scope: a.leftW12, in: orNotRecorded('left_reason'), used: ['left_date', 'left_reason'] } },
    'children.reversals': { by_reversal_reason: { dataset: 'children', scope: ch.reversalW12, in: orNotRecorded('reversal_reason'), used: ['reversal_date', 'reversal_reason'] } },
    'concerns.raised': {
      by_source: { dataset: 'concerns', scope: c.raisedW12, in: equals('source'), used: ['raised_date', 'source'] },
      by_category: { dataset: 'concerns', scope: c.raisedW12, in: equals('category'), used: ['raised_date', 'category'] },
    },
    'concerns.overdue_actions': { by_severity: { dataset: 'concerns', scope: c.overdue, in: equals('severity'), used: ['action_due_date', 'action_completed_date', 'severity'] } },
    'concerns.time_to_close': { by_outcome: { dataset: 'concerns', scope: c.closedW12, in: orNotRecorded('outcome'), used: ['closed_date', 'outcome'] } },
    // A concern's learning may go to several destinations: it is listed in each.
    'concerns.learning_loop': { by_destination: { dataset: 'concerns', scope: c.upheld, in: (d) => `list_contains(learning_to, ${sqlText(d)})`, used: ['closed_date', 'outcome', 'learning_to'] } },
    'concerns.regional_themes': { by_category: { dataset: 'concerns', scope: c.raisedW12, in: equals('category'), used: ['raised_date', 'category'] } },
    'concerns.case_review_findings': { by_category: { dataset: 'concerns', scope: c.reviews, in: equals('category'), used: ['raised_date', 'source', 'category'] } },
  };
}

/** The recipe of breakdown `name`'s cell `category`; undefined when the measure has no such breakdown. */
export function cellRecipe(ctx: MeasureContext, id: string, name: string, category: string): Recipe | undefined {
  const title = measureDefinition(id).breakdowns?.[name]?.title ?? name;
  if (id === 'dq.submission') {
    const k = name as 'rows_read' | 'rows_loaded' | 'rows_rejected' | 'rows_blank' | 'warnings' | 'versions';
    return ['rows_read', 'rows_loaded', 'rows_rejected', 'rows_blank', 'warnings', 'versions'].includes(k) ? submissionCell(ctx, k, category) : undefined;
  }
  if (id === 'dq.not_known') return name === 'by_characteristic' ? notKnownCell(ctx, category) : undefined;
  const rule = categoryRules(ctx)[id]?.[name];
  if (!rule) return undefined;
  return {
    recompute: { kind: 'count' },
    rows: (partners) => recordRows(ctx, partners, { dataset: rule.dataset, roles: [['counted', `(${rule.scope} AND ${rule.in(category)})`, `${title}: ${category}`]], used: rule.used }),
  };
}

const seriesRules: Record<string, { dataset: DatasetName; series: Record<string, SeriesRule>; used: Record<string, readonly string[]> }> = {
  'support.received': { dataset: 'support', series: supportSeries['support.received'], used: { count: ['received_date'] } },
  'support.awaiting_allocation': { dataset: 'support', series: supportSeries['support.awaiting_allocation'], used: { count: ['received_date', 'allocated_date', 'closed_date'] } },
  'support.open_cases': { dataset: 'support', series: supportSeries['support.open_cases'], used: { count: ['allocated_date', 'closed_date'] } },
  'children.matched': { dataset: 'children', series: childrenSeries['children.matched'], used: { count: ['matched_date'] } },
  'adopters.flow': { dataset: 'adopters', series: adopterSeries['adopters.flow'], used: { enquiries: ['enquiry_date'], stage1_starts: ['stage1_start'], approvals: ['approval_date'] } },
  'concerns.raised': { dataset: 'concerns', series: concernSeries['concerns.raised'], used: { count: ['raised_date'] } },
};

/** The recipe of trend `series`'s point for `month` (YYYY-MM); undefined when the measure has no such series. */
export function pointRecipe(ctx: MeasureContext, id: string, series: string, month: string): Recipe | undefined {
  const s = seriesRules[id];
  const rule = s?.series[series];
  if (!s || !rule) return undefined;
  const ms = `DATE ${sqlText(`${month}-01`)}`;
  const points = measureDefinition(id).trends?.[series]?.points;
  const reason = points === 'as_at' ? `${measureDefinition(id).figures[series]?.title ?? series} at the end of ${month}` : `${measureDefinition(id).figures[series]?.title ?? series}: in ${month}`;
  return {
    recompute: { kind: 'count' },
    rows: (partners) => recordRows(ctx, partners, { dataset: s.dataset, roles: [['counted', rule(ms, `last_day(${ms})`), reason]], used: s.used[series] ?? [] }),
  };
}
