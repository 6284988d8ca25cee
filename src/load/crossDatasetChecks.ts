// Cross-dataset check at load: a concern's `related_id` must name a child or adopter of the same partner and month, as
// they will stand after this load (the file loaded alongside it, else the current submission).
import type { Database } from '../warehouse/Database.js';
import type { CheckedFile, CheckedRelations } from '../validate/index.js';
import { sqlIdent as ident, sqlText as lit } from '../warehouse/sql.js';
import type { CrossFinding } from './CrossFinding.js';


export interface CrossDatasetContext {
  partner: string;
  period: string;
  /** The relations of the files loaded in this batch, by dataset (the last one loaded, which becomes current). */
  loading: ReadonlyMap<string, CheckedRelations>;
}

export async function crossDatasetChecks(db: Database, checked: CheckedFile, ctx: CrossDatasetContext): Promise<CrossFinding[]> {
  const out: CrossFinding[] = [];
  const rel = await checked.relations();
  const key = checked.dataset.key[0];
  const record = key === undefined ? 'NULL' : `trim(s.${ident(key)})`;
  for (const ref of checked.dataset.references) {
    if (!checked.has(ref.field)) continue;
    const ids = ref.targets.map((t) => {
      const batch = ctx.loading.get(t.dataset);
      return batch
        ? `SELECT ${ident(t.field)} AS id FROM ${batch.loadable}`
        : `SELECT ${ident(t.field)} AS id FROM ${ident(`current_${t.dataset}`)} WHERE partner = ${lit(ctx.partner)} AND period = ${lit(ctx.period)}`;
    });
    const rows = await db.all<{ rec: number; value: string | null; record: string | null }>(
      `SELECT l.rec, s.${ident(ref.field)} AS value, ${record} AS record FROM ${rel.loadable} AS l JOIN ${rel.raw} AS s ON s.rec = l.rec
       WHERE l.${ident(ref.field)} IS NOT NULL AND l.${ident(ref.field)} NOT IN (${ids.join(' UNION ')}) ORDER BY l.rec`,
    );
    for (const r of rows) out.push({ rec: r.rec, field: ref.field, rule: 'cross.related_missing', value: r.value, record: r.record, params: {} });
  }
  return out;
}
