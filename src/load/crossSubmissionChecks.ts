// Cross-submission checks at load, against the same partner's previous accepted month for the dataset: dates that
// never change did, records open then are gone without a closing date, the row count swung by more than half.
import type { Dataset } from '../../schemas/index.js';
import type { Database } from '../warehouse/Database.js';
import { previousAccepted } from '../warehouse/ledger.js';
import type { CheckedFile } from '../validate/index.js';
import { sqlIdent as ident, sqlText as lit } from '../warehouse/sql.js';
import type { CrossFinding } from './CrossFinding.js';

export const ROW_SWING_LIMIT = 0.5;
const EXAMPLES = 5;

/** The fields that say which record a row is: the key without its immutable dates (a changed date is still the same record). */
export function identityOf(ds: Dataset): string[] {
  const id = ds.key.filter((k) => !ds.immutable.includes(k));
  return id.length > 0 ? id : ds.key;
}

/** A dataset's current submission in the partner's latest accepted month before this one. */
export interface PreviousSubmission {
  id: number;
  period: string;
  /** Non-blank rows it had. */
  rows: number;
}

/** Every dataset's previous accepted submission for the partner, before `period`, in one query. */
export async function previousSubmissions(db: Database, partner: string, period: string): Promise<Map<string, PreviousSubmission>> {
  const rows = await previousAccepted(db, partner, period);
  return new Map(rows.map(({ dataset, ...prev }) => [dataset, prev]));
}

export interface CrossSubmissionContext {
  /** The dataset's previous accepted submission (previousSubmissions); none means nothing to compare with. */
  previous: PreviousSubmission | undefined;
  /** Non-blank rows of the new file (loaded or rejected). */
  rows: number;
}

export async function crossSubmissionChecks(db: Database, checked: CheckedFile, ctx: CrossSubmissionContext): Promise<CrossFinding[]> {
  const ds = checked.dataset;
  const prev = ctx.previous;
  if (!prev) return [];
  const out: CrossFinding[] = [];
  const rel = await checked.relations();
  const ids = identityOf(ds).map(ident);
  const idList = ids.join(', ');
  const table = ident(ds.name);
  // The previous submission's rows, from the dataset table by the id the ledger gave (previousAccepted): a dataset
  // query for this check, so it stays here; the id is the ledger's integer, not a value from a file.
  const previous = `(SELECT * FROM ${table} WHERE submission_id = ${prev.id})`;

  // 1. dates that never change, on records matched one-to-one by identity: every such field in one statement
  const fields = ds.immutable.flatMap((field) => {
    const column = ds.columns.find((c) => c.field === field);
    return column && checked.has(field) && !ids.includes(ident(field)) ? [{ field, f: ident(field), column }] : [];
  });
  if (fields.length > 0) {
    const list = fields.map((x) => x.f).join(', ');
    const shown = (x: (typeof fields)[number], v: string) => (x.column.type.kind === 'date' ? `strftime(${v}, ${lit(x.column.type.minimisedToMonth ? '%m/%Y' : '%d/%m/%Y')})` : `CAST(${v} AS VARCHAR)`);
    const record = ds.key[0] === undefined ? 'NULL' : `trim(s.${ident(ds.key[0])})`;
    const rows = await db.all<{ i: number; rec: number; value: string | null; other: string; record: string | null }>(
      `WITH n AS (SELECT rec, ${idList}, ${list}, count(*) OVER (PARTITION BY ${idList}) AS k FROM ${rel.loadable}),
            p AS (SELECT ${idList}, ${list}, count(*) OVER (PARTITION BY ${idList}) AS k FROM ${previous}),
            m AS (SELECT n.rec, ${record} AS record, ${fields.map((x, i) => `n.${x.f} AS n${i}, p.${x.f} AS p${i}, s.${x.f} AS v${i}`).join(', ')}
                  FROM n JOIN p USING (${idList}) JOIN ${rel.raw} AS s ON s.rec = n.rec WHERE n.k = 1 AND p.k = 1)
       ${fields.map((x, i) => `SELECT ${i} AS i, rec, v${i} AS value, ${shown(x, `p${i}`)} AS other, record FROM m WHERE n${i} IS NOT NULL AND p${i} IS NOT NULL AND n${i} <> p${i}`).join('\n       UNION ALL ')}
       ORDER BY i, rec`,
    );
    for (const r of rows) out.push({ rec: r.rec, field: (fields[r.i] as (typeof fields)[number]).field, rule: 'cross.immutable_changed', value: r.value, record: r.record, params: { otherValue: r.other } });
  }

  // 2. records open last month (no closing field given) that are not in this file at all (rejected rows count as sent)
  if (ds.closedBy.length > 0) {
    const open = ds.closedBy.map((c) => `p.${ident(c)} IS NULL`).join(' AND ');
    const match = ids.map((i) => `t.${i} = p.${i}`).join(' AND ');
    const label = ids.length === 1 ? `CAST(p.${ids[0] ?? ''} AS VARCHAR)` : `concat_ws(' / ', ${ids.map((i) => `CAST(p.${i} AS VARCHAR)`).join(', ')})`;
    const gone = await db.one<{ n: number; examples: string[] | null }>(
      `SELECT count(*) AS n, list(${label} ORDER BY p.source_line)[1:${EXAMPLES}] AS examples FROM ${previous} AS p
       WHERE ${open} AND NOT EXISTS (SELECT 1 FROM ${rel.typed} AS t WHERE ${match})`,
    );
    if (gone && gone.n > 0) {
      const examples = gone.examples ?? [];
      const detail = `for example ${examples.join(', ')}${gone.n > examples.length ? ` and ${gone.n - examples.length} more` : ''}; last month is ${prev.period}`;
      out.push({ rec: null, field: null, rule: 'cross.vanished', value: null, params: { count: gone.n, detail } });
    }
  }

  // 3. the row count swung by more than half
  if (prev.rows > 0 && Math.abs(ctx.rows - prev.rows) / prev.rows > ROW_SWING_LIMIT) {
    const change = (ctx.rows - prev.rows) / prev.rows;
    const share = `${change > 0 ? '+' : '−'}${Math.round(Math.abs(change) * 100)}%`;
    out.push({ rec: null, field: null, rule: 'cross.row_swing', value: null, params: { count: ctx.rows, total: prev.rows, share } });
  }
  return out;
}
