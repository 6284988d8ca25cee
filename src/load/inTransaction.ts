// One transaction, rolled back explicitly on any failure: after a failed statement inside BEGIN, DuckDB's COMMIT reports
// success yet rolls back (design.md), so a failure is never left for COMMIT to find. Callers still verify what was stored.
import type { Database } from '../warehouse/Database.js';

export async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  await db.run('BEGIN TRANSACTION');
  let out: T;
  try {
    out = await work();
  } catch (e) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  try {
    await db.run('COMMIT');
  } catch (e) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return out;
}
