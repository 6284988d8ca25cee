// Validate files, part 2 of 2: normalise → check → account, for a group of prepared files of one dataset at once,
// whatever their reporting months (each row carries its month end, `pe`). The statements cost the same for ten small
// files as for one (DuckDB plans each once), so every partner's files, of every month checked, are checked together.
// Row k of file i is `rec` = i × FILE_SPAN + k in the group's tables.
import type { MappedColumn } from '../ingest/recognise.js';
import type { Database } from '../warehouse/Database.js';
import { buildLookups } from './buildLookups.js';
import { collectDiagnostics } from './collectDiagnostics.js';
import { checkedFile, type CheckedFile } from './CheckedFile.js';
import { blankTableSql, FILE_SPAN, fileOfRec, findingsTableSql, typedTableSql, type StagedPart } from './compileChecks.js';
import type { FileResult } from './FileResult.js';
import { finishResult, type PreparedFile } from './prepareFile.js';
import { profileLap } from './profile.js';
import { ident, lit, rawCol } from './sql.js';
import type { ValidateSettings } from '../config/ValidateSettings.js';

export interface CheckOptions {
  db: Database;
  /** Unique prefix for the group's temporary tables. */
  prefix: string;
  settings: ValidateSettings;
}

/**
 * Check every file of the group (all of one dataset, of any months), completing each file's result, and return each
 * file's checked rows for a load, in the order given. The group's tables are dropped when the last file is disposed.
 */
export async function checkFiles(files: readonly PreparedFile[], opts: CheckOptions): Promise<CheckedFile[]> {
  const first = files[0];
  if (!first) return [];
  const dataset = first.dataset;
  if (files.some((f) => f.dataset !== dataset)) throw new Error('checkFiles: every file of a group must be of one dataset');
  const { db, settings } = opts;
  const ends = files.map((f) => f.periodEnd);
  const t = (name: string) => `${opts.prefix}_${name}`;
  const names = { source: t('src'), typed: t('typed'), blank: t('blank'), cells: t('cells'), findings: t('findings'), fieldCounts: t('fieldcounts') };
  const offset = (i: number) => i * FILE_SPAN;
  const groupTables = [names.typed, names.blank, names.cells, names.findings, names.fieldCounts, t('fieldcounts_raw')];
  const dropGroup = async () => {
    await db.run(`DROP ${files.length > 1 ? 'TABLE' : 'VIEW'} IF EXISTS temp.${ident(names.source)}`);
    for (const n of groupTables) await db.run(`DROP TABLE IF EXISTS temp.${ident(n)}`);
  };

  try {
    // The rows to check: every file's data rows, with its month end, and the dataset's columns in one order (c<j> =
    // column j), NULL where a file lacks an (optional) column.
    const columns: MappedColumn[] = dataset.columns.map((column, j) => ({ column, header: column.header, index: files.some((f) => indexOf(f, j) !== null) ? j : null }));
    const selects = files.map((f, i) => {
      const cells = dataset.columns.map((_, j) => {
        const k = indexOf(f, j);
        return `${k === null ? 'CAST(NULL AS VARCHAR)' : rawCol(k)} AS ${rawCol(j)}`;
      });
      return `SELECT ${i === 0 ? 'rowid' : `rowid + ${offset(i)}`} AS rec, DATE ${lit(ends[i] as string)} AS pe, ${cells.join(', ')} FROM ${ident(f.staging)} WHERE rowid > 0`;
    });
    // One file's rows are read through a view (no copy of a large file); several files' are copied into one table, as
    // every check reads the rows again and a union of many tables in each would multiply the plan.
    await db.run(`CREATE OR REPLACE TEMP ${files.length > 1 ? 'TABLE' : 'VIEW'} ${ident(names.source)} AS ${selects.join(' UNION ALL ')}`);

    // 5. normalise: each distinct typed value once, into lookups
    const lookups = await buildLookups(db, names.source, opts.prefix, columns, [...new Set(ends)].sort());
    profileLap('lookups');

    // 6. validate: typed rows, then every cell rule, row rule and key check as one findings table
    const ctx = { dataset, columns, source: names.source, lookups, settings };
    // Blank rows are looked for only in files whose record scan found rows that might be blank (most have none).
    const parts: StagedPart[] = files.flatMap((f, i) => (f.map.maybeBlankRows ? [{ staging: f.staging, width: f.map.maxFields, offset: offset(i) }] : []));
    const blank = parts.length > 0 ? names.blank : null;
    if (parts.length > 0) await db.run(blankTableSql(parts, names.blank));
    await db.run(typedTableSql(ctx, names.typed, blank));
    profileLap('typed');
    const misaligned = files.flatMap((f, i) => f.map.badFieldCounts.map(([r, n]) => [String(r + offset(i)), String(n)]));
    if (misaligned.length > 0) {
      await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(t('fieldcounts_raw'))} (rec VARCHAR, fields VARCHAR)`);
      await db.appendText(t('fieldcounts_raw'), misaligned, { temp: true });
      await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(names.fieldCounts)} AS SELECT CAST(rec AS BIGINT) AS rec, CAST(fields AS INTEGER) AS fields FROM ${ident(t('fieldcounts_raw'))}`);
    }
    for (const sql of findingsTableSql(ctx, { ...names, blank, fieldCounts: misaligned.length > 0 ? names.fieldCounts : null })) await db.run(sql);
    if (lookups) await db.run(`DROP TABLE IF EXISTS temp.${ident(lookups.table)}`);
    profileLap('findings');

    // 7. every diagnostic, and an account of every row: read = would load + would reject + blank
    const collected = await collectDiagnostics(db, names.source, names.findings, { dataset, columns, files });
    // Data rows: the staged records after the header (staging was reconciled with the record scan); blank ones counted.
    const blanks = blank ? await db.all<{ file: number; n: number }>(`SELECT ${fileOfRec('rec')} AS file, count(*) AS n FROM ${ident(blank)} GROUP BY ALL`) : [];
    for (const [i, f] of files.entries()) {
      const found = collected[i];
      f.result.diagnostics.push(...(found?.diagnostics ?? []));
      account(f.result, f, Math.max(0, f.map.records - 1), blanks.find((b) => b.file === i)?.n ?? 0, found?.rejected ?? 0, found?.warned ?? 0, settings);
      finishResult(f.result);
    }
    profileLap('collect');

    // Each file's checked rows, for a load: the group's own relations for a group of one, else its part of them.
    let open = files.length;
    const release = async () => {
      if (--open === 0) await dropGroup();
    };
    const fields = dataset.columns.map((c) => ident(c.field)).join(', ');
    return files.map((f, i): CheckedFile => {
      const off = offset(i);
      const part = (table: string, columns: string) => `(SELECT rec - ${off} AS rec, ${columns} FROM ${ident(table)}${files.length === 1 ? '' : ` WHERE rec >= ${off} AND rec < ${off + FILE_SPAN}`})`;
      let disposed = false;
      return checkedFile({
        db, dataset, columns: f.columns, map: f.map, staging: f.staging, width: f.map.maxFields, name: t(`f${i}`),
        typed: part(names.typed, fields),
        findings: part(names.findings, 'severity'),
        dispose: async () => {
          if (disposed) return;
          disposed = true;
          await f.drop();
          await release();
        },
      });
    });
  } catch (e) {
    await dropGroup().catch(() => undefined);
    throw e;
  }
}

/** The position in file `f` of dataset column `j`, or null when the file lacks it. */
function indexOf(f: PreparedFile, j: number): number | null {
  const field = f.dataset.columns[j]?.field;
  return f.columns.find((m) => m.column.field === field)?.index ?? null;
}

/** Every row accounted for (read = would load + would reject + blank), then the findings about the file as a whole. */
function account(r: FileResult, f: PreparedFile, data: number, blank: number, rejected: number, warned: number, settings: ValidateSettings): void {
  const counts = r.counts;
  counts.rowsRead = data + f.map.blankLines;
  counts.blank = blank + f.map.blankLines;
  counts.wouldReject = rejected;
  counts.wouldLoad = counts.rowsRead - counts.blank - counts.wouldReject;
  counts.warnings = warned;
  if (counts.rowsRead - counts.blank === 0) r.diagnostics.push(f.fileLevel('file.no_rows'));
  const considered = counts.rowsRead - counts.blank;
  if (considered > 0 && counts.wouldReject / considered > settings.holdThreshold) {
    const pct = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')}%`;
    r.diagnostics.push(f.fileLevel('file.held', {}, { count: counts.wouldReject, total: considered, share: pct(counts.wouldReject / considered), limit: pct(settings.holdThreshold) }));
  }
}
