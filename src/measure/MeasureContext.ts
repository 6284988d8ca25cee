// What every measure needs for month M: the period's dates as SQL literals, the partners, which datasets each partner submitted, and grouped queries over `current_*`.
import type { FieldName } from '../../schemas/index.js';
import type { DatasetName } from '../../schemas/index.js';
import type { Pipeline } from '../config/Pipeline.js';
import type { Database, Row } from '../warehouse/Database.js';
import { currentFor } from '../warehouse/ledger.js';
import { reportPeriod, type ReportPeriod } from './reportPeriod.js';

/** The key of the region in grouped query results (partner codes cannot contain `*`). */
export const REGION = '*';

export interface MeasureContext {
  db: Database;
  pipeline: Pipeline;
  period: ReportPeriod;
  /** Partner codes in pipeline order. */
  partners: string[];
  /** Dataset → partner → id of its current (newest loaded) submission for M. */
  submitted: Map<string, Map<string, number>>;
  /** SQL date literals: `E`, the first day of W12, of M and of FY. */
  sql: { E: string; w12: string; mStart: string; fy: string };
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function measureContext(db: Database, pipeline: Pipeline, period: string): Promise<MeasureContext> {
  const p = reportPeriod(period);
  const partners = pipeline.partners.map((x) => x.code);
  const rows = await currentFor(db, period);
  const submitted = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!partners.includes(r.partner)) continue;
    const m = submitted.get(r.dataset) ?? new Map<string, number>();
    m.set(r.partner, r.id);
    submitted.set(r.dataset, m);
  }
  const d = (iso: string) => `DATE '${iso}'`;
  return { db, pipeline, period: p, partners, submitted, sql: { E: d(p.end), w12: d(p.w12Start), mStart: d(p.monthStart), fy: d(p.fyStart) } };
}

/** Whether `partner` has a current submission of every one of `datasets` for M. */
export function hasSubmitted(ctx: MeasureContext, partner: string, datasets: readonly DatasetName[]): boolean {
  return datasets.every((ds) => ctx.submitted.get(ds)?.has(partner) ?? false);
}

export interface GroupedQuery {
  /** Aggregate expressions with aliases, e.g. `count(*) FILTER (WHERE received_date BETWEEN … ) AS n`. */
  select: string;
  /** A category expression: results are also grouped by it (key `entity|category`). */
  by?: string;
  /** Group by each month of W12 as well: `m.i` (0 = oldest), `m.ms` (first day) and `m.me` (last day) are in scope. */
  months?: boolean;
  /** Extra row filter. */
  where?: string;
  /** Replace the row source (default `current_<dataset>`); must have `partner` and `period` columns. */
  from?: string;
  /** Only these partners (default: every partner of the pipeline). */
  partners?: readonly string[];
}

/**
 * Run aggregates over partner rows of `dataset` for M, grouped per partner and for the region (the union of rows).
 * Keys: `partner`, or `*` for the region; with `by`/`months`, `partner|k` and `*|k`. Absent keys: no rows.
 */
export async function grouped(ctx: MeasureContext, dataset: DatasetName, q: GroupedQuery): Promise<Map<string, Row>> {
  const list = q.partners ?? ctx.partners;
  const partners = list.length ? list.map(quote).join(', ') : `''`;
  const k = q.months ? 'm.i' : q.by;
  const months = q.months
    ? `CROSS JOIN (SELECT i, (${ctx.sql.w12} + to_months(i::INTEGER))::DATE AS ms, last_day(${ctx.sql.w12} + to_months(i::INTEGER)) AS me FROM range(12) r(i)) m`
    : '';
  const sql = `SELECT CASE WHEN grouping(c.partner) = 1 THEN '${REGION}' ELSE c.partner END AS _e${k ? `, CAST(${k} AS VARCHAR) AS _k` : ''}, ${q.select}
FROM ${q.from ?? `current_${dataset}`} c ${months}
WHERE c.period = ${quote(ctx.period.period)} AND c.partner IN (${partners})${q.where ? ` AND (${q.where})` : ''}
GROUP BY GROUPING SETS ((c.partner${k ? `, ${k}` : ''}), (${k ?? ''}))`;
  const rows = await ctx.db.all(sql);
  const out = new Map<string, Row>();
  for (const r of rows) {
    if (k && r['_k'] === null) continue;
    out.set(k ? `${String(r['_e'])}|${String(r['_k'])}` : String(r['_e']), r);
  }
  return out;
}

/** SQL: `d` is within W12 (and not after E). */
export const inW12 = (ctx: MeasureContext, d: FieldName) => `(${d} BETWEEN ${ctx.sql.w12} AND ${ctx.sql.E})`;
/** SQL: `d` is within M. */
export const inM = (ctx: MeasureContext, d: FieldName) => `(${d} BETWEEN ${ctx.sql.mStart} AND ${ctx.sql.E})`;
/** SQL: "by X": the date is present and on or before X. */
export const by = (d: FieldName, x: string) => `(${d} IS NOT NULL AND ${d} <= ${x})`;
/** SQL: not "by X" (absent, or after X). */
export const notBy = (d: FieldName, x: string) => `(${d} IS NULL OR ${d} > ${x})`;
