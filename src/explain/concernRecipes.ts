// Recipes for the issues-of-concern measures' figures (concerns.*), from the rules the measures aggregate.
import { concernRules } from '../measure/concernMeasures.js';
import type { MeasureContext } from '../measure/MeasureContext.js';
import { sqlTextList } from '../warehouse/sql.js';
import type { Recipe } from './Recipe.js';
import { kit } from './recipeKit.js';
import { recordRows } from './recordRows.js';

/** `themes`: the month's regional themes, as concerns.regional_themes decided them (its breakdown's categories). */
export function concernRecipes(ctx: MeasureContext, themes: readonly string[]): Record<string, Record<string, Recipe>> {
  const r = concernRules(ctx);
  const k = (id: string) => kit(ctx, id, 'concerns');
  const raised = k('concerns.raised');
  const aot = k('concerns.action_on_time');
  const unactioned = k('concerns.unactioned');
  const overdue = k('concerns.overdue_actions');
  const close = k('concerns.time_to_close');
  const loop = k('concerns.learning_loop');
  const theme = k('concerns.regional_themes');
  const reviews = k('concerns.case_review_findings');
  /** Concerns raised in W12 in a theme category, by category: both theme figures are over them. */
  const inThemes = (figure: string): Recipe['rows'] => (partners) => {
    const when = themes.length ? `(${r.raisedW12} AND category IN (${sqlTextList(themes)}))` : 'false';
    return recordRows(ctx, partners, { dataset: 'concerns', roles: [['counted', when, theme.words(figure).counted]], used: ['raised_date', 'category'], group: 'category' });
  };
  return {
    'concerns.raised': {
      count: raised.count('count', r.raisedM, ['raised_date']),
      count_w12: raised.count('count_w12', r.raisedW12, ['raised_date']),
    },
    'concerns.action_on_time': { on_time: aot.rate('on_time', r.onTime, r.onTimeScope, ['raised_date', 'action_agreed_date'], undefined, 'action_agreed_date - raised_date') },
    'concerns.unactioned': { count: unactioned.count('count', r.unactioned, ['raised_date', 'action_agreed_date', 'closed_date']) },
    'concerns.overdue_actions': { count: overdue.count('count', r.overdue, ['action_due_date', 'action_completed_date', 'severity']) },
    'concerns.time_to_close': {
      median_days: close.stat('median_days', 'median', 'days', r.closedW12, r.closeDays, ['raised_date', 'closed_date']),
      closed: close.count('closed', r.closedW12, ['raised_date', 'closed_date']),
    },
    'concerns.learning_loop': { fed_back: loop.rate('fed_back', r.fedBack, r.upheld, ['closed_date', 'outcome', 'learning_to']) },
    'concerns.regional_themes': {
      themes: { recompute: { kind: 'distinct' }, rows: inThemes('themes') },
      concerns_in_themes: { recompute: { kind: 'count' }, rows: inThemes('concerns_in_themes') },
    },
    'concerns.case_review_findings': { count: reviews.count('count', r.reviews, ['raised_date', 'source', 'category']) },
  };
}
