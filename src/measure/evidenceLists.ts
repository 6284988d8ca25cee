// Internal-audience evidence for month M: record ids behind overdue actions, unactioned concerns and children waiting over 90 days since placement order.
import { measureDefinition } from '../catalogue/catalogue.js';
import { childWaitingOver90 } from './childrenMeasures.js';
import { overdueAt, unactionedAt } from './concernMeasures.js';
import type { MeasureContext } from './MeasureContext.js';
import type { EvidenceList } from './types.js';

export async function evidenceLists(ctx: MeasureContext): Promise<EvidenceList[]> {
  const { E } = ctx.sql;
  const partners = ctx.partners.length ? ctx.partners.map((p) => `'${p.replaceAll("'", "''")}'`).join(', ') : `''`;
  const scope = `period = $1 AND partner IN (${partners})`;
  const days = ctx.pipeline.targets.concerns.action_on_time.days;
  const rows = (sql: string) => ctx.db.all<Record<string, string | number | null>>(sql, [ctx.period.period]);
  /** The catalogue's evidence list of measure `id` (title and columns), with the query's rows in its column order. */
  const list = (id: string, data: Record<string, string | number | null>[]): EvidenceList => {
    const e = measureDefinition(id).evidence;
    if (!e) throw new Error(`measure ${id} declares no evidence list in the catalogue (src/catalogue/)`);
    return { id, title: e.title, columns: [...e.columns], rows: data.map((r) => e.columns.map((c) => r[c] ?? null)) };
  };
  return [
    list(
      'concerns.overdue_actions',
      await rows(`SELECT concern_id, partner, severity, ${E} - action_due_date AS days_overdue FROM current_concerns
        WHERE ${scope} AND ${overdueAt(E)} ORDER BY days_overdue DESC, partner, concern_id`),
    ),
    list(
      'concerns.unactioned',
      await rows(`SELECT concern_id, partner, severity, ${E} - raised_date AS days_since_raised FROM current_concerns
        WHERE ${scope} AND ${unactionedAt(E, days)} ORDER BY days_since_raised DESC, partner, concern_id`),
    ),
    list(
      'children.waiting',
      await rows(`SELECT child_id, partner, ${E} - placement_order_date AS days_since_placement_order FROM current_children
        WHERE ${scope} AND ${childWaitingOver90(E)} ORDER BY days_since_placement_order DESC, partner, child_id`),
    ),
  ];
}
