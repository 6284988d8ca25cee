// Write a query's rows as Hive-partitioned Parquet (`partner=…/period=…/data_0.parquet`) through DuckDB's COPY.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Database } from '../warehouse/Database.js';
import { sqlText } from '../warehouse/sql.js';
import { partialPath, swapIn, tidyLeftovers } from './leftovers.js';

export interface ParquetFile {
  path: string;
  rows: number;
}

/**
 * Write the rows of `query` (its SQL and parameters; the rows must have `partner` and `period` columns) under `dir` as
 * `partner=<code>/period=<YYYY-MM>/data_<n>.parquet`: DuckDB's own writer, so every type is kept exactly (DECIMAL,
 * DATE, lists). As Hive partitioning does, `partner` and `period` are in the folder names, not in the files;
 * readers given `hive_partitioning` (DuckDB, Spark, Trino, BigQuery, pyarrow) add them back as columns.
 *
 * Never half-written: the rows go to a folder beside `dir` (`<dir>.partial-<pid>`), and only when DuckDB has written
 * every file is it swapped in — the whole of `dir` when `period` is undefined, else each `partner=<code>/period=<period>`
 * folder (other months are kept; a partner with no rows in that month loses its old folder for it). The previous
 * export stays readable until then; what a killed export leaves is tidied by the next one (leftovers.ts). A query with
 * no rows writes no file. Files and folders are created owner-only, as the warehouse is.
 */
export async function writeParquetPartitions(db: Database, query: { sql: string; params?: string[] }, dir: string, period?: string): Promise<ParquetFile[]> {
  // A previous export killed while swapping a month's folders left them beside their partner's other months.
  await tidyLeftovers(dir);
  for (const p of await readdir(dir, { withFileTypes: true }).catch(() => [])) if (p.isDirectory() && p.name.startsWith('partner=')) await tidyLeftovers(join(dir, p.name));
  const staging = partialPath(dir);
  await mkdir(staging, { recursive: true, mode: 0o700 });
  let written: { filename: string; count: number }[];
  try {
    written = await withPrivateUmask(() =>
      db.all<{ filename: string; count: number }>(
        `COPY (${query.sql}) TO ${sqlText(staging)} (FORMAT parquet, PARTITION_BY (partner, period), OVERWRITE_OR_IGNORE, RETURN_STATS)`,
        query.params,
      ),
    );
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
  if (period === undefined) {
    await swapIn(staging, dir);
  } else {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const fresh = new Set((await readdir(staging)).filter((n) => n.startsWith('partner=')));
    const existing = (await readdir(dir, { withFileTypes: true })).filter((p) => p.isDirectory() && p.name.startsWith('partner=')).map((p) => p.name);
    for (const partner of fresh) {
      await mkdir(join(dir, partner), { recursive: true, mode: 0o700 });
      await swapIn(join(staging, partner, `period=${period}`), join(dir, partner, `period=${period}`));
    }
    for (const partner of existing) if (!fresh.has(partner)) await rm(join(dir, partner, `period=${period}`), { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
  // DuckDB reports the paths it wrote under the staging folder: name them where they are now.
  return written
    .map((f) => ({ path: join(dir, relative(staging, f.filename)), rows: f.count }))
    .sort((a, b) => a.path.localeCompare(b.path));
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
