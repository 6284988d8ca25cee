// The warehouse schema as an ordered list of frozen forward migrations; `migrate` applies the missing ones in one transaction and refuses newer warehouses.
import { exitCodes, RaaError } from '../errors/RaaError.js';
import type { Database } from './Database.js';
import type { Migration } from './migrations/Migration.js';
import { v1 } from './migrations/v1.js';
import { v2 } from './migrations/v2.js';

export type { Migration } from './migrations/Migration.js';

/** Submission statuses: `loaded` (current unless superseded), `superseded` (a newer file replaced it), `held` (too many row errors), `rejected` (file error). */
export const submissionStatuses = ['loaded', 'superseded', 'held', 'rejected'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/**
 * Forward migrations, oldest first. Each is literal SQL frozen when it ships (migrations/v1.ts, v2.ts, …): never
 * edit one, add the next (how: migrations/README.md). `datasetTableDrift`, checked on every open, catches a change to
 * schemas/ that no migration brings existing warehouses along to.
 */
export const migrations: readonly Migration[] = [v1, v2];

/** The schema version this code writes. */
export const latestVersion: number = migrations.length;

migrations.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migrations.ts: migration ${i} has version ${m.version}; versions must be 1, 2, 3, … in order`);
});

/** The warehouse's schema is not the one this code knows: newer (upgrade raa) or, opened read-only, older (open it for writing once). */
export class WarehouseVersionError extends RaaError {
  constructor(readonly path: string, readonly found: number, readonly known: number) {
    super(
      found > known
        ? `${path}: this warehouse was written by a newer version of raa (schema ${found}, this version knows up to ${known}); upgrade raa`
        : `${path}: this warehouse has schema ${found} and needs upgrading to schema ${known}, which cannot be done read-only; run a command that writes to it (raa load or raa run) first`,
      exitCodes.warehouse,
    );
  }
}

/** The warehouse's schema version: null when there is no `schema_version` table, 0 when it is empty. */
export async function schemaVersion(db: Database): Promise<number | null> {
  const table = await db.one(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'schema_version'`);
  if (!table) return null;
  const row = await db.one<{ v: number | null }>(`SELECT max(version) AS v FROM schema_version`);
  return row?.v ?? 0;
}

/**
 * Bring the warehouse up to `latestVersion`: every missing migration and its `schema_version` row in one
 * transaction, rolled back whole on any failure. Refuses a newer warehouse. Returns the versions before and after.
 */
export async function migrate(db: Database, path: string, list: readonly Migration[] = migrations): Promise<{ from: number; to: number }> {
  const known = list.length;
  const from = (await schemaVersion(db)) ?? 0;
  if (from > known) throw new WarehouseVersionError(path, from, known);
  if (from === known) return { from, to: from };

  // A failed statement inside BEGIN makes COMMIT roll back silently (design.md): stop at the first failure, roll back
  // explicitly, and check the version afterwards rather than trusting COMMIT.
  await db.run('BEGIN TRANSACTION');
  try {
    await db.run(`CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY,
  description VARCHAR NOT NULL,
  applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
)`);
    for (const m of list.slice(from)) {
      for (const sql of m.statements) await db.run(sql);
      await db.run(`INSERT INTO schema_version (version, description) VALUES ($1, $2)`, [m.version, m.description]);
    }
  } catch (e) {
    await db.run('ROLLBACK').catch(() => undefined);
    const msg = e instanceof Error ? e.message : String(e);
    throw new Error(`${path}: upgrading the warehouse from schema ${from} to ${known} failed, and nothing was changed: ${msg}`, { cause: e });
  }
  await db.run('COMMIT');
  const to = (await schemaVersion(db)) ?? 0;
  if (to !== known) throw new Error(`${path}: upgrading the warehouse from schema ${from} to ${known} did not take (it is at ${to}); nothing was changed`);
  await db.run('CHECKPOINT');
  return { from, to };
}
