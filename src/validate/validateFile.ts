// Validate one file: read → decode → recognise → parse → normalise → validate, narrated below. Every outcome is a
// FileResult (a broken file is a file error, never an exception); the staged tables are kept for a load when asked.
import { rm } from 'node:fs/promises';
import type { Dataset } from '../../schemas/index.js';
import { columnLetter, type Diagnostic, type Severity } from '../diagnostics/Diagnostic.js';
import { message, rules, type MessageParams, type RuleCode } from '../diagnostics/rules.js';
import { decode, type Decoded } from '../ingest/decode.js';
import { readFile, UnreadableFileError, type FileBytes } from '../ingest/readFile.js';
import { recognise, type MappedColumn } from '../ingest/recognise.js';
import { MAX_RECORD_BYTES, scanRecords, skipRecords, type RecordMap } from '../ingest/scanRecords.js';
import { normaliseLineEndings } from '../ingest/normaliseLineEndings.js';
import { monthEnd } from '../period/month.js';
import { sniffDialect } from '../ingest/sniffDialect.js';
import type { Database } from '../warehouse/Database.js';
import { buildLookups } from './buildLookups.js';
import { collectDiagnostics } from './collectDiagnostics.js';
import { blankTableSql, findingsTableSql, typedTableSql } from './compileChecks.js';
import type { FileCounts, FileResult, Verdict } from './FileResult.js';
import { reconcileStaged, StagingMismatchError, stageCsv } from './stageCsv.js';
import { ident } from './sql.js';
import { defaultSettings, type ValidateSettings } from './ValidateSettings.js';
export { defaultSettings, type ValidateSettings } from './ValidateSettings.js';

export interface ValidateOptions {
  db: Database;
  /** Folder for transcoded copies (removed by the caller). */
  scratchDir: string;
  /** Unique prefix for this file's temporary tables. */
  prefix: string;
  /** The name to show for the file (defaults to its path). */
  displayName?: string;
  dataset?: Dataset;
  /** Reporting month `YYYY-MM`; without it, event dates are checked against today. */
  period?: string;
  settings?: ValidateSettings;
}

/**
 * The staged tables of a validated file, for the load. `typed` holds the non-blank data rows (`rec` = staging rowid,
 * then each field's typed value); those whose `rec` has no `row_error` in `findings` load. `staging` holds the raw cells.
 */
export interface Staged {
  dataset: Dataset;
  columns: MappedColumn[];
  map: RecordMap;
  staging: string;
  typed: string;
  blank: string;
  cells: string;
  findings: string;
  decoded: Decoded;
  bytes: FileBytes;
  /** Drop the temporary tables and any transcoded copy. */
  dispose(): Promise<void>;
}

/** The last day events may fall on: the end of the reporting month, or today when no month is given. */
export function periodEnd(period: string | undefined, today = new Date()): string {
  return period ? monthEnd(period) : today.toISOString().slice(0, 10);
}

const emptyCounts = (): FileCounts => ({ rowsRead: 0, wouldLoad: 0, wouldReject: 0, blank: 0, warnings: 0 });

function countByRule(diagnostics: Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of diagnostics) out[d.rule] = (out[d.rule] ?? 0) + 1;
  return out;
}

const profiling = process.env.RAA_PROFILE === '1';
let mark = 0;
const lap = (what: string) => {
  if (!profiling) return;
  const now = performance.now();
  process.stderr.write(`[profile] ${what}: ${Math.round(now - mark)} ms\n`);
  mark = now;
};

export async function validateFile(path: string, opts: ValidateOptions): Promise<{ result: FileResult; staged?: Staged }> {
  mark = performance.now();
  const file = opts.displayName ?? path;
  const settings = opts.settings ?? defaultSettings;
  const end = periodEnd(opts.period);
  const result: FileResult = { file, dataset: null, encoding: null, delimiter: null, bytes: 0, sha256: null, counts: emptyCounts(), verdict: 'clean', countsByRule: {}, diagnostics: [] };
  const fileLevel = (rule: RuleCode, loc: { line?: number | null; column?: string | null; header?: string | null; field?: string | null } = {}, params: MessageParams = {}): Diagnostic => ({
    file,
    dataset: result.dataset,
    line: loc.line ?? null,
    excelRow: loc.line ?? null,
    column: loc.column ?? null,
    header: loc.header ?? null,
    field: loc.field ?? null,
    value: null,
    rule,
    severity: rules[rule].severity,
    message: message(rule, { header: loc.header, ...params }),
  });
  const finish = (staged?: Staged) => {
    result.countsByRule = countByRule(result.diagnostics);
    result.verdict = verdictOf(result);
    return staged ? { result, staged } : { result };
  };
  const fail = (d: Diagnostic) => {
    result.diagnostics.push(d);
    return finish();
  };

  // 1. read: bytes, size, sha256
  let bytes: FileBytes;
  try {
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof UnreadableFileError) return fail(fileLevel('file.unreadable', {}, { detail: e.message }));
    throw e;
  }
  Object.assign(result, { bytes: bytes.bytes, sha256: bytes.sha256 });
  lap('read');

  // 2. decode: which encoding, and a UTF-8 copy when it is not UTF-8
  const dec = await decode(bytes, opts.scratchDir);
  if (!dec.ok) return fail(fileLevel(dec.rule, { line: dec.line ?? null }, { detail: dec.detail, limit: dec.line }));
  const decoded = dec.value;
  result.encoding = decoded.encoding;
  lap('decode');
  const cleanupCopy = () => (decoded.utf8Path !== path ? rm(decoded.utf8Path, { force: true }) : Promise.resolve());

  // 3. recognise: the dataset, by header row
  const dialect = sniffDialect(decoded.headText);
  const header = dialect?.header ?? [decoded.headText.split(/\r\n|\r|\n/)[0] ?? ''];
  result.delimiter = dialect?.delimiter ?? null;
  const leading = /^(?:[ \t,;|]*(?:\r\n|\r|\n))*/.exec(decoded.headText)?.[0] ?? '';
  const headerLine = 1 + (leading.match(/\r\n|\r|\n/g)?.length ?? 0);
  const rec = recognise(header, opts.dataset);
  result.dataset = rec.dataset?.name ?? null;
  const headerDiagnostics = rec.findings.map((h) =>
    fileLevel(h.rule, { line: headerLine, column: h.index === null ? null : columnLetter(h.index), header: h.header, field: h.field ?? null }, { ...h.params }),
  );
  result.diagnostics.push(...headerDiagnostics);
  if (!rec.ok) {
    await cleanupCopy();
    return finish();
  }
  const { dataset, columns } = rec;
  const delimiter = dialect?.delimiter ?? ',';

  // 4. parse: record structure (line numbers, blank lines, field counts, cut-short files), then DuckDB reads the rows
  let headerWidth = header.length;
  while (headerWidth > 0 && (header[headerWidth - 1] ?? '').trim() === '') headerWidth--;
  const t = (name: string) => `${opts.prefix}_${name}`;
  const names = { staging: t('raw'), typed: t('typed'), blank: t('blank'), cells: t('cells'), findings: t('findings'), fieldCounts: t('fieldcounts') };
  // Blank rows above the header (Excel) are read, then dropped, so that rowid 0 is the header.
  const skip = dialect?.leadingBlankRecords ?? 0;
  const stageTable = skip ? t('raw0') : names.staging;
  // DuckDB reads the rows while the scan runs, assuming the usual shape (no record wider than the header, no line
  // breaks inside values); when the scan finds otherwise, the rows are read again with what it found.
  const early = stageCsv(opts.db, stageTable, decoded.utf8Path, delimiter, { maxFields: header.length, quotedNewlines: false }, true).then(
    () => true,
    () => false,
  );
  const scanned = await scanRecords(decoded.utf8Path, decoded.bomBytes, delimiter, headerWidth);
  const earlyOk = await early;
  lap('scan');
  // DuckDB's reader takes one line ending per file: a file that mixes them is read from an LF-only copy.
  const readPath = scanned.lineEndings.length > 1 ? await normaliseLineEndings(decoded.utf8Path, opts.scratchDir) : decoded.utf8Path;
  const drop = async () => {
    for (const n of [...Object.values(names), t('raw0'), t('fieldcounts_raw')]) await opts.db.run(`DROP TABLE IF EXISTS temp.${ident(n)}`);
    if (readPath !== decoded.utf8Path) await rm(readPath, { force: true });
    await cleanupCopy();
  };
  const structural = scanned.tooLongLine !== null ? fileLevel('file.line_too_long', { line: scanned.tooLongLine }, { limit: MAX_RECORD_BYTES.toLocaleString('en-GB') })
    : scanned.unterminatedQuoteLine !== null ? fileLevel('file.unterminated_quote', { line: scanned.unterminatedQuoteLine })
    : scanned.textAfterQuoteLine !== null ? fileLevel('file.parse', { line: scanned.textAfterQuoteLine }, { detail: 'a quoted value is followed by more text before the next delimiter (like "duty"x); put the whole value in quotes and double any quote inside it' })
    : null;
  if (structural) {
    await drop();
    return fail(structural);
  }
  const reuse = earlyOk && readPath === decoded.utf8Path && scanned.maxFields <= header.length && !scanned.quotedNewlines;
  try {
    if (reuse) await reconcileStaged(opts.db, stageTable, scanned.records);
    else await stageCsv(opts.db, stageTable, readPath, delimiter, scanned, true);
  } catch (e) {
    if (!(e instanceof StagingMismatchError)) throw e;
    await drop();
    return fail(fileLevel('file.parse', { line: e.line }, { detail: e.detail }));
  }
  if (skip) {
    await opts.db.run(`CREATE OR REPLACE TEMP TABLE ${ident(names.staging)} AS SELECT * FROM ${ident(t('raw0'))} WHERE rowid >= ${skip} ORDER BY rowid`);
    await opts.db.run(`DROP TABLE temp.${ident(t('raw0'))}`);
  }
  const map = skip ? skipRecords(scanned, skip) : scanned;

  // 5. normalise: each distinct typed value once, into lookups
  lap('stage');
  const lookups = await buildLookups(opts.db, names.staging, opts.prefix, columns, end);
  lap('lookups');

  // 6. validate: typed rows, then every cell rule, row rule and key check as one findings table
  const ctx = { dataset, columns, staging: names.staging, rawWidth: Math.max(1, map.maxFields), lookups, periodEnd: end, settings };
  await opts.db.run(blankTableSql(ctx, names.blank));
  await opts.db.run(typedTableSql(ctx, names.typed, names.blank));
  lap('typed');
  const misaligned = map.badFieldCounts.length > 0;
  if (misaligned) {
    await opts.db.run(`CREATE OR REPLACE TEMP TABLE ${ident(t('fieldcounts_raw'))} (rec VARCHAR, fields VARCHAR)`);
    await opts.db.appendText(t('fieldcounts_raw'), map.badFieldCounts.map(([r, n]) => [String(r), String(n)]), { temp: true });
    await opts.db.run(`CREATE OR REPLACE TEMP TABLE ${ident(names.fieldCounts)} AS SELECT CAST(rec AS BIGINT) AS rec, CAST(fields AS INTEGER) AS fields FROM ${ident(t('fieldcounts_raw'))}`);
  }
  for (const sql of findingsTableSql(ctx, { ...names, fieldCounts: misaligned ? names.fieldCounts : null })) await opts.db.run(sql);
  lap('findings');
  if (lookups) await opts.db.run(`DROP TABLE IF EXISTS temp.${ident(lookups.table)}`);

  // 7. every diagnostic, and an account of every row: read = would load + would reject + blank
  const collected = await collectDiagnostics(opts.db, names.staging, names.findings, { file, dataset, columns, map, headerWidth, periodEnd: end });
  lap('collect');
  const c = await opts.db.one<{ data: number; blank: number }>(
    `SELECT (SELECT count(*) FROM ${ident(names.staging)}) - 1 AS data, (SELECT count(*) FROM ${ident(names.blank)}) AS blank`,
  );
  const counts = result.counts;
  counts.rowsRead = (c?.data ?? 0) + map.blankLines;
  counts.blank = (c?.blank ?? 0) + map.blankLines;
  counts.wouldReject = collected.rejected;
  counts.wouldLoad = counts.rowsRead - counts.blank - counts.wouldReject;
  counts.warnings = collected.warned;
  result.diagnostics.push(...collected.diagnostics);
  lap('counts');
  if (counts.rowsRead - counts.blank === 0) result.diagnostics.push(fileLevel('file.no_rows'));
  const considered = counts.rowsRead - counts.blank;
  if (considered > 0 && counts.wouldReject / considered > settings.holdThreshold) {
    const pct = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')}%`;
    result.diagnostics.push(fileLevel('file.held', {}, { count: counts.wouldReject, total: considered, share: pct(counts.wouldReject / considered), limit: pct(settings.holdThreshold) }));
  }
  const staged: Staged = { dataset, columns, map, ...names, decoded, bytes, dispose: drop };
  return finish(staged);
}

function verdictOf(r: FileResult): Verdict {
  const has = (s: Severity) => r.diagnostics.some((d) => d.severity === s);
  if (has('file_error')) return 'file_error';
  if (has('hold')) return 'held';
  if (r.counts.wouldReject > 0) return 'rows_rejected';
  if (has('warning')) return 'warnings';
  return 'clean';
}
