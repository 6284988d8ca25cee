// Export the warehouse's current tables and submission ledger for analysts: Hive-partitioned Parquet, Arrow IPC, CSV.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isMonth } from '../period/month.js';
import type { Database } from '../warehouse/Database.js';
import { exportSources } from './exportSources.js';
import { tidyLeftovers } from './leftovers.js';
import { writeArrowFile } from './writeArrowFile.js';
import { writeCsvFile } from './writeCsvFile.js';
import { writeParquetPartitions } from './writeParquetPartitions.js';

import { exportFormats, type ExportFormat } from './exportFormats.js';
export { exportFormats, type ExportFormat } from './exportFormats.js';

export interface ExportOptions {
  /** Formats to write, each once (order does not matter). */
  formats: readonly ExportFormat[];
  /** Folder to write into (created if needed); each format gets its own subfolder. */
  outDir: string;
  /** Only this month (`YYYY-MM`); default every period. */
  period?: string;
  /** Rows per Arrow record batch and per CSV write (default 65,536): bounds memory whatever the table's size. */
  batchRows?: number;
}

export interface ExportedFile {
  format: ExportFormat;
  /** The dataset name, or `submission` for the ledger. */
  table: string;
  /** Absolute path of the file written. */
  path: string;
  rows: number;
}

/**
 * Write each dataset's current rows (`current_<dataset>`, every column, provenance included) and the `submission`
 * ledger under `outDir`:
 *
 * - `parquet/<table>/partner=<code>/period=<YYYY-MM>/data_0.parquet`: Hive partitioning, written by DuckDB with the
 *   warehouse's exact types. With `period`, only that month's partitions are replaced; otherwise the table's folder is
 *   rewritten whole. The scale-out path (design.md): Spark, Trino, BigQuery or MotherDuck read it as it stands.
 * - `arrow/<table>.arrow`: one Arrow IPC file per table, streamed in record batches (types: src/export/arrowField.ts).
 * - `csv/<table>.csv`: for spreadsheets, UTF-8 with BOM, text cells neutralised against formula injection.
 *
 * Arrow and CSV files hold the selected rows only (all periods, or `period`), and replace any earlier file whole.
 * Returns every file written with its row count. `db` may be read-only.
 */
export async function exportWarehouse(db: Database, options: ExportOptions): Promise<ExportedFile[]> {
  const { period, batchRows } = options;
  if (period !== undefined && !isMonth(period)) throw new Error(`period must be a month as YYYY-MM (got "${period}")`);
  const formats = exportFormats.filter((f) => options.formats.includes(f));
  if (formats.length === 0) throw new Error(`choose at least one export format: ${exportFormats.join(', ')}`);
  const outDir = resolve(options.outDir);

  const files: ExportedFile[] = [];
  for (const format of formats) {
    const dir = join(outDir, format);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // What an export killed mid-way left (partial files, a table folder moved aside) is mended first.
    await tidyLeftovers(dir);
    for (const source of exportSources(period)) {
      if (format === 'parquet') {
        for (const f of await writeParquetPartitions(db, source, join(dir, source.name), period)) files.push({ format, table: source.name, ...f });
      } else {
        const path = join(dir, `${source.name}.${format}`);
        const stream = await db.streamColumns(source.sql, source.params, { batchRows });
        const rows =
          format === 'arrow'
            ? await writeArrowFile(path, stream, { 'raa.table': source.name, ...(period === undefined ? {} : { 'raa.period': period }) })
            : await writeCsvFile(path, stream);
        files.push({ format, table: source.name, path, rows });
      }
    }
  }
  return files;
}
