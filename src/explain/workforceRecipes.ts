// Recipes for workforce.fte and support.capacity: the workforce rows (FTE) and, for capacity, the support requests
// behind each of its inputs. Capacity's figures are derived: each lists the rows of the inputs it is worked out from.
import { codeLists } from '../../schemas/index.js';
import { measureDefinition } from '../catalogue/catalogue.js';
import type { MeasureContext } from '../measure/MeasureContext.js';
import { capacityRules } from '../measure/supportCapacity.js';
import { latestWorkforce } from '../measure/workforceMeasures.js';
import { sqlText, sqlTextList } from '../warehouse/sql.js';
import type { ExplainRow, Recipe } from './Recipe.js';
import { wordsFor } from './recipeKit.js';
import { recordRows } from './recordRows.js';

const teams = codeLists.team.codes.map((t) => t.code);
const workforceKey = ['month', 'team'] as const;

export function workforceRecipes(ctx: MeasureContext): Record<string, Record<string, Recipe>> {
  const def = measureDefinition('workforce.fte');
  const from = latestWorkforce(ctx.period.period);
  /** The sum of `column` over the latest rows (of `team`, or every team); rows lacking it are listed as left out. */
  const fte = (figure: string, column: 'sw_fte' | 'vacant_fte' | 'agency_fte', team?: string): Recipe => {
    const w = wordsFor(ctx, def, def.figures[figure]?.title ?? figure);
    const mine = team === undefined ? 'true' : `team = ${sqlText(team)}`;
    return {
      recompute: { kind: 'fte' },
      rows: (partners) =>
        recordRows(ctx, partners, {
          dataset: 'workforce', from, key: workforceKey, used: [column], value: column,
          roles: [['counted', `(${mine} AND ${column} IS NOT NULL)`, `${w.counted}: the latest month reported on or before the month`], ['excluded', `(${mine} AND ${column} IS NULL)`, `left out: no ${column} reported`]],
        }),
    };
  };
  const figures: Record<string, Recipe> = { in_post: fte('in_post', 'sw_fte'), vacant: fte('vacant', 'vacant_fte'), agency: fte('agency', 'agency_fte') };
  for (const t of teams) {
    figures[`in_post_${t}`] = fte(`in_post_${t}`, 'sw_fte', t);
    figures[`vacant_${t}`] = fte(`vacant_${t}`, 'vacant_fte', t);
  }
  return { 'workforce.fte': figures, 'support.capacity': capacityRecipes(ctx) };
}

/** The inputs of support.capacity, and which of them each figure is worked out from. */
const needs: Record<string, readonly string[]> = {
  allocations: ['allocations'],
  arrivals: ['received'],
  awaiting: ['awaiting'],
  mean_fte: ['fte_last_3_months'],
  current_fte: ['fte_latest_month'],
  rate: ['allocations', 'fte_last_3_months'],
  months_to_clear: ['allocations', 'received', 'awaiting', 'fte_last_3_months', 'fte_latest_month'],
  extra_fte: ['allocations', 'received', 'awaiting', 'fte_last_3_months', 'fte_latest_month'],
};

function capacityRecipes(ctx: MeasureContext): Record<string, Recipe> {
  const r = capacityRules(ctx);
  const team = `team = ${sqlText(r.team)} AND month <= ${sqlText(ctx.period.period)}`;
  const inputs: Record<string, (partners: readonly string[]) => Promise<ExplainRow[]>> = {
    allocations: (ps) => recordRows(ctx, ps, { dataset: 'support', roles: [['counted', r.allocated, 'allocated in the last three months']], used: ['allocated_date'], group: `'allocations'` }),
    received: (ps) => recordRows(ctx, ps, { dataset: 'support', roles: [['counted', r.received, 'received in the last three months (arrivals)']], used: ['received_date'], group: `'received'` }),
    awaiting: (ps) => recordRows(ctx, ps, { dataset: 'support', roles: [['counted', r.awaiting, 'awaiting allocation on the last day of the month']], used: ['received_date', 'allocated_date', 'closed_date'], group: `'awaiting'` }),
    fte_last_3_months: (ps) =>
      recordRows(ctx, ps, {
        dataset: 'workforce', key: workforceKey, used: ['month', 'sw_fte'], value: 'sw_fte', group: `'fte_last_3_months'`,
        roles: [['counted', `(${team} AND month IN (${sqlTextList(r.last3Months)}))`, 'adoption support social-work FTE in one of the last three months (their monthly totals are averaged)']],
      }),
    fte_latest_month: (ps) =>
      recordRows(ctx, ps, {
        dataset: 'workforce', key: workforceKey, used: ['month', 'sw_fte'], value: 'sw_fte', group: `'fte_latest_month'`,
        from: `(SELECT * FROM current_workforce WHERE ${team} QUALIFY dense_rank() OVER (PARTITION BY partner, period ORDER BY month DESC) = 1)`,
        roles: [['counted', 'true', 'adoption support social-work FTE in the latest month reported (FTE now)']],
      }),
  };
  const horizonMonths = ctx.pipeline.targets.support.capacity.horizonMonths;
  return Object.fromEntries(
    Object.entries(needs).map(([figure, what]) => [
      figure,
      {
        recompute: { kind: 'capacity', figure, horizonMonths, last3Months: r.last3Months, eligible: r.eligible },
        regionPartners: r.eligible,
        rows: async (partners: readonly string[]) => {
          const mine = partners.filter((p) => r.eligible.includes(p));
          return (await Promise.all(what.map((i) => inputs[i]?.(mine) ?? Promise.resolve([])))).flat();
        },
      } satisfies Recipe,
    ]),
  );
}
