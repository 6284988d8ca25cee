// Cross-dataset check at load: a concern's `related_id` must name a child or adopter of the same partner and month, as
// they will stand after this load (the file loaded alongside it, else the current submission).
import type { Database } from '../warehouse/Database.js';
import { ident, lit, rawCol } from '../validate/sql.js';
import type { Staged } from '../validate/checkFiles.js';
import type { CrossFinding } from './CrossFinding.js';
import type { Loadable } from './loadableRows.js';


export interface CrossDatasetContext {
  partner: string;
  period: string;
  /** Loadable rows of the files loaded in this batch, by dataset (the last one loaded, which becomes current). */
  loading: ReadonlyMap<string, Loadable>;
}

export async function crossDatasetChecks(db: Database, staged: Staged, loadable: Loadable, ctx: CrossDatasetContext): Promise<CrossFinding[]> {
  const out: CrossFinding[] = [];
  for (const ref of staged.dataset.references) {
    const index = staged.columns.find((c) => c.column.field === ref.field)?.index ?? null;
    if (index === null) continue;
    const ids = ref.targets.map((t) => {
      const batch = ctx.loading.get(t.dataset);
      return batch
        ? `SELECT ${ident(t.field)} AS id FROM ${batch.rows}`
        : `SELECT ${ident(t.field)} AS id FROM ${ident(`current_${t.dataset}`)} WHERE partner = ${lit(ctx.partner)} AND period = ${lit(ctx.period)}`;
    });
    const rows = await db.all<{ rec: number; value: string | null }>(
      `SELECT l.rec, s.${rawCol(index)} AS value FROM ${loadable.rows} AS l JOIN ${ident(staged.staging)} AS s ON s.rowid = l.rec
       WHERE l.${ident(ref.field)} IS NOT NULL AND l.${ident(ref.field)} NOT IN (${ids.join(' UNION ')}) ORDER BY l.rec`,
    );
    for (const r of rows) out.push({ rec: r.rec, field: ref.field, rule: 'cross.related_missing', value: r.value, params: {} });
  }
  return out;
}
