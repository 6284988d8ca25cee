// `raa export <pipeline>`: the warehouse's current tables and ledger for analysts as Parquet (Hive-partitioned), Arrow IPC and CSV.
import { relative } from 'node:path';
import type { Command } from 'commander';
import { exportFormats, type ExportFormat } from '../export/exportFormats.js';
import type { ExportedFile } from '../export/exportWarehouse.js';
import { loadPipeline, PipelineError } from '../pipeline/loadPipeline.js';
import { openWarehouse } from '../warehouse/openWarehouse.js';
import { UsageError } from './exitCodes.js';
import { parsePeriod } from './parsePeriod.js';

/** Where exports go unless `--out` says otherwise: `export/` in the current directory, as `raa spec` writes `spec/`. */
export const defaultExportDir = 'export';

/** `parquet,csv` → the formats, once each; an unknown or empty list is a usage error. */
export function parseExportFormats(list: string): ExportFormat[] {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !(exportFormats as readonly string[]).includes(n));
  if (unknown.length > 0) throw new UsageError(`unknown --format ${unknown.map((n) => `"${n}"`).join(', ')}; choose from ${exportFormats.join(', ')}`);
  if (names.length === 0) throw new UsageError(`--format needs at least one of ${exportFormats.join(', ')}`);
  return exportFormats.filter((f) => names.includes(f));
}

/** One line per file (rows, path relative to the working directory), then a total per format. */
function summary(files: readonly ExportedFile[], formats: readonly ExportFormat[]): string {
  const width = Math.max(4, ...files.map((f) => String(f.rows).length));
  const lines = files.map((f) => `${String(f.rows).padStart(width)}  ${relative(process.cwd(), f.path) || f.path}`);
  for (const format of formats) {
    const mine = files.filter((f) => f.format === format);
    const tables = new Set(mine.map((f) => f.table)).size;
    lines.push(`${format}: ${mine.length} file(s), ${mine.reduce((n, f) => n + f.rows, 0)} rows, ${tables} table(s) with rows`);
  }
  return lines.join('\n');
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("write the warehouse's current tables and the submission ledger for analysts: Parquet partitioned by partner and period, Arrow IPC, CSV")
    .argument('<pipeline>', 'the pipeline file (pipelines/<name>.yaml) naming the warehouse')
    .option('--format <list>', `comma-separated formats: ${exportFormats.join(',')}`, exportFormats.join(','))
    .option('--out <dir>', 'folder to write into, one subfolder per format', defaultExportDir)
    .option('--period <YYYY-MM>', 'only this month (default: every period in the warehouse)')
    .action(async (pipelineFile: string, o: { format: string; out: string; period?: string }) => {
      const formats = parseExportFormats(o.format);
      const period = parsePeriod(o.period);
      let warehouse: string;
      try {
        warehouse = loadPipeline(pipelineFile).warehouse;
      } catch (e) {
        if (e instanceof PipelineError) throw new UsageError(e.message);
        throw e;
      }
      // Read-only: an export never changes the warehouse, and a missing one is not created.
      const db = await openWarehouse(warehouse, { readOnly: true });
      try {
        const { exportWarehouse } = await import('../export/exportWarehouse.js'); // Arrow is loaded only to export
        const files = await exportWarehouse(db, { formats, outDir: o.out, period });
        process.stdout.write(`${summary(files, formats)}\n`);
      } finally {
        db.release();
      }
    });
}
