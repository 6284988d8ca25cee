// The warehouse schema as an ordered list of forward migrations; `migrate` applies the missing ones in one transaction and refuses newer warehouses.
import { datasets } from '../../schemas/index.js';
import type { Database } from './Database.js';
import { createCurrentViewSql, createDatasetTableSql } from './datasetTables.js';

export interface Migration {
  version: number;
  description: string;
  /** The statements, in order. Generated when applied, so dataset tables follow schemas/ as the code stands. */
  statements: () => string[];
}

/** Submission statuses: `loaded` (current unless superseded), `superseded` (a newer file replaced it), `held` (too many row errors), `rejected` (file error). */
export const submissionStatuses = ['loaded', 'superseded', 'held', 'rejected'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Forward migrations, oldest first; never edit one that has shipped, add the next. Version 1 generates the dataset
 * tables from schemas/, so a change to a dataset's columns needs a migration written to be a no-op on a warehouse
 * that already has the change (`ADD COLUMN IF NOT EXISTS`): new warehouses get it from version 1.
 * `datasetTableDrift` (checked on every open) catches a forgotten one.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'submission ledger, diagnostics, quarantine, one typed table and current view per dataset',
    statements: () => [
      `CREATE SEQUENCE submission_id_seq START 1`,
      `CREATE TABLE submission (
  id INTEGER PRIMARY KEY DEFAULT nextval('submission_id_seq'),
  partner VARCHAR NOT NULL,
  period VARCHAR NOT NULL CHECK (regexp_full_match(period, '\\d{4}-(0[1-9]|1[0-2])')),
  dataset VARCHAR,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR,
  bytes BIGINT,
  encoding VARCHAR,
  delimiter VARCHAR,
  received_at TIMESTAMP,
  loaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_loaded INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  blank_rows INTEGER NOT NULL DEFAULT 0,
  warnings INTEGER NOT NULL DEFAULT 0,
  status VARCHAR NOT NULL CHECK (status IN (${sqlList(submissionStatuses)})),
  superseded_by INTEGER,
  accepted_partial BOOLEAN NOT NULL DEFAULT false,
  note VARCHAR
)`,
      `CREATE TABLE diagnostic (
  submission_id INTEGER NOT NULL,
  file VARCHAR NOT NULL,
  dataset VARCHAR,
  line INTEGER,
  excel_row INTEGER,
  column_letter VARCHAR,
  header VARCHAR,
  field VARCHAR,
  value VARCHAR,
  rule VARCHAR NOT NULL,
  severity VARCHAR NOT NULL CHECK (severity IN ('file_error', 'row_error', 'warning', 'hold')),
  message VARCHAR NOT NULL
)`,
      `CREATE TABLE quarantine (
  submission_id INTEGER NOT NULL,
  line INTEGER NOT NULL,
  excel_row INTEGER,
  raw VARCHAR[] NOT NULL,
  headers VARCHAR[] NOT NULL
)`,
      // The newest loaded submission per (partner, period, dataset): what every measure reads.
      `CREATE VIEW current_submission AS
SELECT * EXCLUDE (rn) FROM (
  SELECT *, row_number() OVER (PARTITION BY partner, period, dataset ORDER BY id DESC) AS rn
  FROM submission WHERE status = 'loaded' AND dataset IS NOT NULL
) WHERE rn = 1`,
      ...datasets.flatMap((ds) => [createDatasetTableSql(ds), createCurrentViewSql(ds)]),
    ],
  },
];

/** The schema version this code writes. */
export const latestVersion: number = migrations.length;

migrations.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migrations.ts: migration ${i} has version ${m.version}; versions must be 1, 2, 3, … in order`);
});

/** The warehouse's schema is not the one this code knows: newer (upgrade raa) or, opened read-only, older (open it for writing once). */
export class WarehouseVersionError extends Error {
  constructor(readonly path: string, readonly found: number, readonly known: number) {
    super(
      found > known
        ? `${path}: this warehouse was written by a newer version of raa (schema ${found}, this version knows up to ${known}); upgrade raa`
        : `${path}: this warehouse has schema ${found} and needs upgrading to schema ${known}, which cannot be done read-only; run a command that writes to it (raa load or raa run) first`,
    );
    this.name = 'WarehouseVersionError';
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
      for (const sql of m.statements()) await db.run(sql);
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
