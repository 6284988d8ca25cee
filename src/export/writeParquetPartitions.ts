// Write a query's rows as Hive-partitioned Parquet (`partner=…/period=…/data_0.parquet`) through DuckDB's COPY.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../warehouse/Database.js';
import { sqlString } from './exportSources.js';

export interface ParquetFile {
  path: string;
  rows: number;
}

/**
 * Write the rows of `sql` (which must have `partner` and `period` columns) under `dir` as
 * `partner=<code>/period=<YYYY-MM>/data_<n>.parquet`: DuckDB's own writer, so every type is kept exactly (DECIMAL,
 * DATE, lists). As Hive partitioning does, `partner` and `period` are in the folder names, not in the files;
 * readers given `hive_partitioning` (DuckDB, Spark, Trino, BigQuery, pyarrow) add them back as columns.
 *
 * The partitions being written are removed first, so a partition never mixes files from two exports: everything
 * under `dir` when `period` is undefined, else each `partner=<code>/period=<period>` folder (other months are kept).
 * A query with no rows writes no file. Files and folders are created owner-only, as the warehouse is.
 */
export async function writeParquetPartitions(db: Database, sql: string, dir: string, period?: string): Promise<ParquetFile[]> {
  if (period === undefined) {
    await rm(dir, { recursive: true, force: true });
  } else {
    const partners = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const p of partners) {
      if (p.isDirectory() && p.name.startsWith('partner=')) await rm(join(dir, p.name, `period=${period}`), { recursive: true, force: true });
    }
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const written = await withPrivateUmask(() =>
    db.all<{ filename: string; count: number }>(
      `COPY (${sql}) TO ${sqlString(dir)} (FORMAT parquet, PARTITION_BY (partner, period), OVERWRITE_OR_IGNORE, RETURN_STATS)`,
    ),
  );
  return written.map((f) => ({ path: f.filename, rows: f.count })).sort((a, b) => a.path.localeCompare(b.path));
}

/** Run `fn` with umask 077, so the files and folders DuckDB creates are owner-only (worker threads cannot set it). */
async function withPrivateUmask<T>(fn: () => Promise<T>): Promise<T> {
  let old: number | undefined;
  try {
    old = process.umask(0o077);
  } catch {
    old = undefined;
  }
  try {
    return await fn();
  } finally {
    if (old !== undefined) process.umask(old);
  }
}
