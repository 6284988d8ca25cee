// Recipes for the support measures' figures (support.* but capacity), from the rules the measures aggregate.
import type { MeasureContext } from '../measure/MeasureContext.js';
import { supportRules } from '../measure/supportMeasures.js';
import type { Recipe } from './Recipe.js';
import { kit } from './recipeKit.js';

export function supportRecipes(ctx: MeasureContext): Record<string, Record<string, Recipe>> {
  const r = supportRules(ctx);
  const k = (id: string) => kit(ctx, id, 'support');
  const received = k('support.received');
  const share = k('support.records_share');
  const awaiting = k('support.awaiting_allocation');
  const open = k('support.open_cases');
  const alloc = k('support.days_to_allocation');
  const wait = k('support.waiting_now');
  const assess = k('support.assessment_timeliness');
  const asf = k('support.asf_fy');
  const outcome = k('support.outcome_improved');
  const delivered = k('support.delivered');
  const peer = k('support.peer_support');
  const waitUsed = ['received_date', 'allocated_date', 'closed_date'];
  const asfUsed = ['asf_applied_date', 'asf_amount'];
  const scoreUsed = ['closed_date', 'score_start', 'score_end'];
  return {
    'support.received': {
      count: received.count('count', r.receivedM, ['received_date']),
      count_w12: received.count('count_w12', r.receivedW12, ['received_date']),
    },
    'support.records_share': { share: share.rate('share', r.recordsW12, r.receivedW12, ['received_date', 'request_type']) },
    'support.awaiting_allocation': { count: awaiting.count('count', r.awaiting, waitUsed) },
    'support.open_cases': { count: open.count('count', r.open, ['allocated_date', 'closed_date']) },
    'support.days_to_allocation': {
      median_days: alloc.stat('median_days', 'median', 'days', r.allocW12, r.allocDays, ['received_date', 'allocated_date']),
      p90_days: alloc.stat('p90_days', 'p90', 'days', r.allocW12, r.allocDays, ['received_date', 'allocated_date']),
      within_target: alloc.rate('within_target', r.allocWithin, r.allocW12, ['received_date', 'allocated_date'], undefined, r.allocDays),
    },
    'support.waiting_now': {
      median_days: wait.stat('median_days', 'median', 'days', r.awaiting, r.waitDays, waitUsed),
      longest_days: wait.stat('longest_days', 'max', 'days', r.awaiting, r.waitDays, waitUsed),
      over_90_days: wait.count('over_90_days', r.waitOver90, waitUsed),
    },
    'support.assessment_timeliness': { within_target: assess.rate('within_target', r.assessWithin, r.assessW12, ['received_date', 'assessed_date'], undefined, 'assessed_date - received_date') },
    'support.asf_fy': {
      applications: asf.count('applications', r.asfFy, asfUsed),
      total_gbp: asf.stat('total_gbp', 'sum', 'gbp', r.asfWithAmount, 'asf_amount', asfUsed, r.asfWithoutAmount),
      mean_gbp: asf.stat('mean_gbp', 'mean', 'gbp', r.asfWithAmount, 'asf_amount', asfUsed, r.asfWithoutAmount),
      over_cap: asf.count('over_cap', r.asfOverCap, asfUsed),
    },
    'support.outcome_improved': {
      improved: outcome.rate('improved', r.improved, r.scored, scoreUsed, r.unscored),
      mean_change: outcome.stat('mean_change', 'mean', 'score', r.scored, r.scoreChange, scoreUsed, r.unscored),
    },
    'support.delivered': { count: delivered.count('count', r.deliveredW12, ['closed_date', 'closure_reason']) },
    'support.peer_support': { count: peer.count('count', r.peerW12, ['received_date', 'request_type']) },
  };
}
