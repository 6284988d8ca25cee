// Recipes for the children measures' figures (children.*), from the rules the measures aggregate.
import { childrenRules } from '../measure/childrenMeasures.js';
import type { MeasureContext } from '../measure/MeasureContext.js';
import type { Recipe } from './Recipe.js';
import { kit } from './recipeKit.js';

export function childrenRecipes(ctx: MeasureContext): Record<string, Record<string, Recipe>> {
  const r = childrenRules(ctx);
  const k = (id: string) => kit(ctx, id, 'children');
  const waiting = k('children.waiting');
  const a10 = k('children.a10');
  const a2 = k('children.a2');
  const matched = k('children.matched');
  const placed = k('children.placed');
  const reversals = k('children.reversals');
  const waitUsed = ['adm_decision_date', 'placement_order_date', 'matched_date', 'placed_date', 'reversal_date', 'adoption_order_date'];
  return {
    'children.waiting': {
      count: waiting.count('count', r.waiting, waitUsed),
      with_placement_order: waiting.count('with_placement_order', r.waitingPo, waitUsed),
      placement_order_over_90_days_no_match: waiting.count('placement_order_over_90_days_no_match', r.waitingPo90, waitUsed),
    },
    'children.a10': { mean_days: a10.stat('mean_days', 'mean', 'days', r.a10, r.a10Days, ['entered_care', 'placed_date', 'ffa_placed_date', 'adoption_order_date'], r.a10Excluded) },
    'children.a2': { mean_days: a2.stat('mean_days', 'mean', 'days', r.a2, r.a2Days, ['placement_order_date', 'matched_date']) },
    'children.matched': { count: matched.count('count', r.matchedM, ['matched_date']), count_w12: matched.count('count_w12', r.matchedW12, ['matched_date']) },
    'children.placed': { placed: placed.count('placed', r.placedW12, ['placed_date']), adoption_orders: placed.count('adoption_orders', r.aoW12, ['adoption_order_date']) },
    'children.reversals': {
      count: reversals.count('count', r.reversalW12, ['reversal_date', 'reversal_reason']),
      disruptions: reversals.count('disruptions', r.disruption, ['placed_date', 'reversal_date']),
    },
  };
}
