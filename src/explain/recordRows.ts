// The records of one dataset behind a figure, each with its role: one query over `current_<dataset>` (or a row
// source a measure reads instead) for month M, the roles tried in order, a record listed under the first it meets.
import { datasetByName, type DatasetName } from '../../schemas/index.js';
import type { MeasureContext } from '../measure/MeasureContext.js';
import { sqlIdent, sqlText, sqlTextList } from '../warehouse/sql.js';
import type { ExplainRow, Role } from './Recipe.js';

export interface RecordQuery {
  dataset: DatasetName;
  /** A row source instead of `current_<dataset>` (it must have its columns). */
  from?: string;
  /** [role, SQL predicate, reason]: a record is listed under the first predicate it meets, else not at all. */
  roles: readonly (readonly [Role, string, string])[];
  /** The fields the measure used (dates, amounts, codes), shown with each record. */
  used: readonly string[];
  /** The value a statistic or sum is taken over (SQL). */
  value?: string;
  /** A category or input name (SQL). */
  group?: string;
  /** The key fields shown (default: the dataset's key). */
  key?: readonly string[];
}

export async function recordRows(ctx: MeasureContext, partners: readonly string[], q: RecordQuery): Promise<ExplainRow[]> {
  if (partners.length === 0 || q.roles.length === 0) return [];
  const key = q.key ?? datasetByName(q.dataset)?.key ?? [];
  const cols = [...new Set([...key, ...q.used])];
  const role = `CASE ${q.roles.map(([, when], i) => `WHEN ${when} THEN ${i}`).join(' ')} END`;
  const sql = `SELECT * FROM (
  SELECT partner, submission_id, source_line, ${cols.map((c, i) => `CAST(${sqlIdent(c)} AS VARCHAR) AS _c${i}`).join(', ')},
    ${q.value ? `CAST(${q.value} AS DOUBLE)` : 'NULL'} AS _value, ${q.group ? `CAST(${q.group} AS VARCHAR)` : 'NULL'} AS _group, ${role} AS _role
  FROM ${q.from ?? `current_${q.dataset}`} c
  WHERE c.period = ${sqlText(ctx.period.period)} AND c.partner IN (${sqlTextList(partners)})
) WHERE _role IS NOT NULL ORDER BY _role, partner, ${key.map((_, i) => `_c${i}`).join(', ') || 'source_line'}, source_line`;
  const rows = await ctx.db.all(sql);
  return rows.map((r) => {
    const [asRole, , reason] = q.roles[Number(r['_role'])] ?? ['excluded', '', ''];
    const value = (c: string) => {
      const v = r[`_c${cols.indexOf(c)}`];
      return typeof v === 'string' ? v : null; // every column is cast to VARCHAR
    };
    const row: ExplainRow = {
      partner: String(r['partner']),
      source: q.dataset,
      key: key.map((k) => `${k}=${value(k) ?? ''}`).join(' · '),
      submissionId: Number(r['submission_id']),
      line: Number(r['source_line']),
      used: Object.fromEntries(q.used.map((c) => [c, value(c)])),
      value: r['_value'] === null || r['_value'] === undefined ? null : Number(r['_value']),
      role: asRole,
      reason,
    };
    if (q.group) row.group = typeof r['_group'] === 'string' ? r['_group'] : '';
    return row;
  });
}
