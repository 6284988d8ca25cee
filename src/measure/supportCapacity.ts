// support.capacity (docs/measures.md): allocation rate per FTE, arrivals, months to clear the backlog and extra FTE needed; only where `workforce` was submitted.
import { codeLists, codesOf } from '../../schemas/index.js';
import { sqlText, sqlTextList } from '../warehouse/sql.js';
import { buildMeasure } from './buildMeasure.js';
import { count, num, quantity } from './figure.js';
import { grouped, hasSubmitted, REGION, type MeasureContext } from './MeasureContext.js';
import { awaitingAt } from './supportMeasures.js';
import type { Figure, MeasureResult } from './types.js';

interface Inputs {
  allocations: number;
  received: number;
  awaiting: number;
  meanFte: number | null;
  currentFte: number | null;
}

/**
 * The capacity figures from their inputs. `arrivals` and `rate` carry the count behind them as `numerator` (requests
 * received, allocations over the last 3 months), so disclosure can hide them when it is small.
 */
export function capacityFigures(x: Inputs, horizonMonths: number): Record<string, Figure> {
  const rate = x.meanFte && x.meanFte > 0 ? x.allocations / (3 * x.meanFte) : null;
  const arrivals = x.received / 3;
  let months: Figure;
  if (rate === null || x.currentFte === null) months = quantity(null, 'months');
  else if (x.awaiting === 0) months = quantity(0, 'months');
  else {
    const net = rate * x.currentFte - arrivals;
    months = net > 0 ? quantity(x.awaiting / net, 'months') : quantity(null, 'months', 'not clearing');
  }
  const extra = rate === null || rate === 0 || x.currentFte === null ? null : Math.max(0, (arrivals + x.awaiting / horizonMonths) / rate - x.currentFte);
  return {
    allocations: count(x.allocations),
    arrivals: { ...quantity(arrivals, 'rate'), numerator: x.received },
    mean_fte: quantity(x.meanFte, 'fte'),
    current_fte: quantity(x.currentFte, 'fte'),
    rate: { ...quantity(rate, 'rate'), numerator: x.allocations },
    awaiting: count(x.awaiting),
    months_to_clear: months,
    extra_fte: quantity(extra, 'fte'),
  };
}

/** The record-level rules of support.capacity for month M (see `supportRules`); `last3Months` are the last three months of W12. */
export function capacityRules(ctx: MeasureContext) {
  const { E } = ctx.sql;
  const last3 = `DATE '${ctx.period.months[9] ?? ''}-01'`;
  return {
    allocated: `(allocated_date BETWEEN ${last3} AND ${E})`,
    received: `(received_date BETWEEN ${last3} AND ${E})`,
    awaiting: awaitingAt(E),
    last3Months: ctx.period.months.slice(9),
    team: codesOf(codeLists.team).adoption_support,
    /** The partners the measure is computed for: those that sent both `support` and `workforce`. */
    eligible: ctx.partners.filter((p) => hasSubmitted(ctx, p, ['support', 'workforce'])),
  };
}

/** Null when no partner submitted `workforce` for M (the measure then does not appear). */
export async function supportCapacity(ctx: MeasureContext): Promise<MeasureResult | null> {
  if (!ctx.partners.some((p) => hasSubmitted(ctx, p, ['workforce']))) return null;
  const rule = capacityRules(ctx);
  const eligible = rule.eligible;
  const support = await grouped(ctx, 'support', {
    partners: eligible,
    select: `count(*) FILTER (WHERE ${rule.allocated}) AS allocations,
      count(*) FILTER (WHERE ${rule.received}) AS received,
      count(*) FILTER (WHERE ${rule.awaiting}) AS awaiting`,
  });
  const fte = await ctx.db.all<{ partner: string; mean_fte: number | null; current_fte: number | null }>(
    `WITH t AS (SELECT partner, month, sum(sw_fte) AS fte FROM current_workforce
       WHERE period = $1 AND team = ${sqlText(rule.team)} AND month <= $1 GROUP BY partner, month)
     SELECT partner, avg(fte) FILTER (WHERE month IN (${sqlTextList(rule.last3Months)})) AS mean_fte, arg_max(fte, month) AS current_fte FROM t GROUP BY partner`,
    [ctx.period.period],
  );
  const inputs = (p: string): Inputs => {
    const s = support.get(p) ?? {};
    const f = fte.find((x) => x.partner === p);
    return {
      allocations: num(s['allocations']) ?? 0,
      received: num(s['received']) ?? 0,
      awaiting: num(s['awaiting']) ?? 0,
      meanFte: num(f?.mean_fte),
      currentFte: num(f?.current_fte),
    };
  };
  const region = (): Inputs => {
    const all = eligible.map(inputs);
    const sum = (k: 'meanFte' | 'currentFte') => (all.every((x) => x[k] !== null) ? all.reduce((a, x) => a + (x[k] ?? 0), 0) : null);
    const r = support.get(REGION) ?? {};
    return { allocations: num(r['allocations']) ?? 0, received: num(r['received']) ?? 0, awaiting: num(r['awaiting']) ?? 0, meanFte: sum('meanFte'), currentFte: sum('currentFte') };
  };
  const horizon = ctx.pipeline.targets.support.capacity.horizonMonths;
  return buildMeasure(ctx, 'support.capacity', (e) => ({ figures: capacityFigures(e === REGION ? region() : inputs(e), horizon) }));
}
