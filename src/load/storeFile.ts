// Inside the partner-month transaction: one file's ledger row and, when it loads, its typed rows, quarantine, and the
// superseding of the submission it replaces; then its diagnostics. Throws on any failure (the caller rolls back).
import { datasetTableColumns, quoteIdent } from '../warehouse/datasetTables.js';
import type { Database } from '../warehouse/Database.js';
import { lit } from '../validate/sql.js';
import type { FilePlan } from './FilePlan.js';
import { quarantineSql } from './loadableRows.js';
import type { StagedDiagnostics } from './stageDiagnostics.js';

export interface StoreContext {
  partner: string;
  period: string;
  diagnostics: StagedDiagnostics;
}

/** Set RAA_FAIL_AFTER_INSERT=1 to fail between the row insert and the quarantine insert: tests an I/O error mid-load. */
const failAfterInsert = () => process.env.RAA_FAIL_AFTER_INSERT === '1';

const timestamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export async function storeFile(db: Database, plan: FilePlan, ctx: StoreContext): Promise<void> {
  const r = plan.result;
  const c = plan.counts;
  const status = plan.outcome;
  if (!r || (status !== 'loaded' && status !== 'held' && status !== 'rejected')) throw new Error(`storeFile: nothing to store for ${plan.file.name} (${status})`);
  const inserted = await db.one<{ id: number }>(
    `INSERT INTO submission (partner, period, dataset, file_name, sha256, bytes, encoding, delimiter, received_at,
       rows_read, rows_loaded, rows_rejected, blank_rows, warnings, status, accepted_partial, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CAST($9 AS TIMESTAMP), $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [ctx.partner, ctx.period, r.dataset, plan.file.name, r.sha256, r.bytes, r.encoding, r.delimiter, timestamp(plan.file.received),
      c.rowsRead, c.rowsLoaded, c.rowsRejected, c.blank, c.warnings, status, plan.acceptedPartial, plan.note],
  );
  if (!inserted) throw new Error('the submission row was not written');
  const id = inserted.id;
  plan.submissionId = id;

  if (status === 'loaded' && plan.staged && plan.loadable) {
    const ds = plan.staged.dataset;
    const cols = datasetTableColumns(ds).map((col) => quoteIdent(col.name));
    const fields = ds.columns.map((col) => quoteIdent(col.field));
    await db.run(
      `INSERT INTO ${quoteIdent(ds.name)} (${cols.join(', ')})
       SELECT $1, ${lit(ctx.partner)}, ${lit(ctx.period)}, source_line, ${fields.join(', ')} FROM ${quoteIdent(plan.loadable.view)}`,
      [id],
    );
    if (failAfterInsert()) throw new Error('injected failure after inserting rows (RAA_FAIL_AFTER_INSERT=1)');
    if (c.rowsRejected > 0) await db.run(quarantineSql(plan.staged, plan.loadable), [id]);
    // The newest received file is current: this one replaces the loaded one, unless that was received later.
    const same = [ctx.partner, ctx.period, ds.name, id, timestamp(plan.file.received)];
    const later = await db.one<{ id: number }>(
      `SELECT id FROM submission WHERE partner = $1 AND period = $2 AND dataset = $3 AND status = 'loaded' AND id <> $4 AND received_at > CAST($5 AS TIMESTAMP)`,
      same,
    );
    if (later) {
      await db.run(`UPDATE submission SET status = 'superseded', superseded_by = $1 WHERE id = $2`, [later.id, id]);
      plan.supersededBy = later.id;
    } else {
      const replaced = await db.all<{ id: number }>(
        `UPDATE submission SET status = 'superseded', superseded_by = $4 WHERE partner = $1 AND period = $2 AND dataset = $3 AND status = 'loaded' AND id <> $4 RETURNING id`,
        same.slice(0, 4),
      );
      plan.supersedes = replaced[0]?.id ?? null;
    }
  }
  if (plan.diagnostics.length > 0) await db.run(ctx.diagnostics.insertSql(plan.index), [id]);
}
