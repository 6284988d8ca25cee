// Recipes for the adopter measures' figures (adopters.*), from the rules the measures aggregate.
import { adopterRules, flowDates, type OnTimeRule } from '../measure/adopterMeasures.js';
import type { MeasureContext } from '../measure/MeasureContext.js';
import type { Recipe } from './Recipe.js';
import { kit } from './recipeKit.js';

export function adopterRecipes(ctx: MeasureContext): Record<string, Record<string, Recipe>> {
  const r = adopterRules(ctx);
  const k = (id: string) => kit(ctx, id, 'adopters');
  const flow = k('adopters.flow');
  const onTime = (id: string, x: OnTimeRule) => ({ on_time: k(id).rate('on_time', x.onTime, x.scope, x.dates, x.excluded) });
  const waiting = k('adopters.waiting');
  const left = k('adopters.left');
  const waitUsed = ['approval_date', 'matched_date', 'left_date'];
  return {
    'adopters.flow': Object.fromEntries(
      (Object.keys(flowDates) as (keyof typeof flowDates)[]).flatMap((f) => [
        [f, flow.count(f, r[f], [flowDates[f]])],
        [`${f}_w12`, flow.count(`${f}_w12`, r[`${f}_w12`], [flowDates[f]])],
      ]),
    ),
    'adopters.stage1_on_time': onTime('adopters.stage1_on_time', r.s1),
    'adopters.stage2_on_time': onTime('adopters.stage2_on_time', r.s2),
    'adopters.approved_within_6m': onTime('adopters.approved_within_6m', r.ap),
    'adopters.matched_within_3m': onTime('adopters.matched_within_3m', r.mt),
    'adopters.waiting': { count: waiting.count('count', r.waiting, waitUsed), over_3_months: waiting.count('over_3_months', r.waitingOver3m, waitUsed) },
    'adopters.left': { count: left.count('count', r.leftW12, ['left_date', 'left_reason']) },
  };
}
