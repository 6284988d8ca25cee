// workforce.fte (docs/measures.md): social-work FTE in post, vacant and agency, in total and per team, from each
// partner's latest month reported on or before M in `current_workforce`; only where `workforce` was submitted.
import { codeLists } from '../../schemas/index.js';
import { buildMeasure } from './buildMeasure.js';
import { num, quantity } from './figure.js';
import { grouped, hasSubmitted, type MeasureContext } from './MeasureContext.js';
import type { Figure, MeasureResult } from './types.js';

const teams = codeLists.team.codes.map((t) => t.code);

/** SQL: per partner and team, the row of the latest month on or before M (`month` is `YYYY-MM` text). */
export const latestWorkforce = (period: string) =>
  `(SELECT * FROM current_workforce WHERE month <= '${period.replaceAll("'", "''")}'
    QUALIFY row_number() OVER (PARTITION BY partner, period, team ORDER BY month DESC) = 1)`;

/** None when no partner submitted `workforce` for M (the measure then does not appear). */
export async function workforceMeasures(ctx: MeasureContext): Promise<MeasureResult[]> {
  if (!ctx.partners.some((p) => hasSubmitted(ctx, p, ['workforce']))) return [];
  const perTeam = teams
    .map((t) => `sum(sw_fte) FILTER (WHERE team = '${t}') AS in_post_${t}, sum(vacant_fte) FILTER (WHERE team = '${t}') AS vacant_${t}, count(*) FILTER (WHERE team = '${t}') AS rows_${t}`)
    .join(',\n      ');
  const rows = await grouped(ctx, 'workforce', {
    from: latestWorkforce(ctx.period.period),
    select: `
      sum(sw_fte) AS in_post, sum(vacant_fte) AS vacant, sum(agency_fte) AS agency,
      count(*) FILTER (WHERE vacant_fte IS NULL) AS vacant_missing, count(*) FILTER (WHERE agency_fte IS NULL) AS agency_missing,
      ${perTeam}`,
  });
  /** An FTE sum; a sum over no rows is 0 FTE (the partner reported no such team), over rows all lacking the value, no cases. */
  const fte = (v: unknown, rowsWith: number, excluded?: unknown): Figure => {
    const f = quantity(num(v) ?? (rowsWith > 0 ? null : 0), 'fte');
    const x = num(excluded);
    return x === null ? f : { ...f, excluded: x };
  };
  return [
    buildMeasure(ctx, 'workforce.fte', (e) => {
      const r = rows.get(e) ?? {};
      const n = (k: string) => num(r[k]) ?? 0;
      const all = teams.reduce((a, t) => a + n(`rows_${t}`), 0);
      return {
        figures: {
          in_post: fte(r['in_post'], all),
          vacant: fte(r['vacant'], all, r['vacant_missing'] ?? 0),
          agency: fte(r['agency'], all, r['agency_missing'] ?? 0),
          ...Object.fromEntries(teams.flatMap((t) => [[`in_post_${t}`, fte(r[`in_post_${t}`], n(`rows_${t}`))], [`vacant_${t}`, fte(r[`vacant_${t}`], n(`rows_${t}`))]])),
        },
      };
    }),
  ];
}
