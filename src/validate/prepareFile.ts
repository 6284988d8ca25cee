// Validate one file, part 1 of 2: read → decode → recognise → parse, narrated below. A file that gets through has its
// rows in a staging table and its record map; the checks (checkFiles) then run on a group of such files at once. Every
// failure here is a file error in the result, never an exception.
import { rm } from 'node:fs/promises';
import type { Dataset } from '../../schemas/index.js';
import { columnLetter, type Diagnostic, type Severity } from '../diagnostics/Diagnostic.js';
import { message, rules, type MessageParams, type RuleCode } from '../diagnostics/rules.js';
import { decode } from '../ingest/decode.js';
import { normaliseLineEndings } from '../ingest/normaliseLineEndings.js';
import { readFile, UnreadableFileError, type FileBytes } from '../ingest/readFile.js';
import { recognise, type MappedColumn } from '../ingest/recognise.js';
import { MAX_RECORD_BYTES, scanRecords, skipRecords, type RecordMap } from '../ingest/scanRecords.js';
import { sniffDialect } from '../ingest/sniffDialect.js';
import type { Database } from '../warehouse/Database.js';
import type { FileResult, SheetInfo, Verdict } from './FileResult.js';
import { profileLap, profileStart } from './profile.js';
import { reconcileStaged, StagingMismatchError, stageCsv } from './stageCsv.js';
import { ident } from './sql.js';

export interface PrepareOptions {
  db: Database;
  /** Folder for transcoded copies (removed by the caller). */
  scratchDir: string;
  /** Unique prefix for this file's temporary tables. */
  prefix: string;
  /** The name to show for the file (defaults to its path). */
  displayName?: string;
  dataset?: Dataset;
  /** Set when the file is the CSV copy of a workbook sheet (header on its line 1): lines are then sheet rows. */
  sheet?: SheetInfo;
  /** The last day its event dates may fall on (`yyyy-mm-dd`): the end of its reporting month. */
  periodEnd: string;
}

/** A file ready for the checks: recognised, its records mapped, its rows staged (rowid 0 = the header). */
export interface PreparedFile {
  /** Filled so far: how the file was read and its header diagnostics. */
  result: FileResult;
  dataset: Dataset;
  columns: MappedColumn[];
  map: RecordMap;
  /** Header cells up to the last non-empty one. */
  headerWidth: number;
  /** The staging table: all-VARCHAR columns c0, c1, … in file order. */
  staging: string;
  /** The last day its event dates may fall on (`yyyy-mm-dd`): the end of its reporting month. */
  periodEnd: string;
  /** A file-level diagnostic of this file (held, no rows). */
  fileLevel: FileLevel;
  /** Drop the staging table and any transcoded copy. */
  drop(): Promise<void>;
}

type FileLevel = (rule: RuleCode, loc?: { line?: number | null; column?: string | null; header?: string | null; field?: string | null }, params?: MessageParams) => Diagnostic;

export const emptyResult = (file: string): FileResult => ({
  file, dataset: null, encoding: null, delimiter: null, bytes: 0, sha256: null,
  counts: { rowsRead: 0, wouldLoad: 0, wouldReject: 0, blank: 0, warnings: 0 },
  verdict: 'clean', countsByRule: {}, diagnostics: [],
});

/** Set a result's counts by rule and its verdict from its diagnostics and counts; returns it. */
export function finishResult(r: FileResult): FileResult {
  const byRule: Record<string, number> = {};
  for (const d of r.diagnostics) byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
  r.countsByRule = byRule;
  r.verdict = verdictOf(r);
  return r;
}

function verdictOf(r: FileResult): Verdict {
  const has = (s: Severity) => r.diagnostics.some((d) => d.severity === s);
  if (has('file_error')) return 'file_error';
  if (has('hold')) return 'held';
  if (r.counts.wouldReject > 0) return 'rows_rejected';
  if (has('warning')) return 'warnings';
  return 'clean';
}

/** Read, decode, recognise and stage one file: a finished result when it cannot go on, else the prepared file as well. */
export async function prepareFile(path: string, opts: PrepareOptions): Promise<{ result: FileResult; prepared?: PreparedFile }> {
  profileStart();
  const file = opts.displayName ?? path;
  const result = emptyResult(file);
  if (opts.sheet) result.sheet = opts.sheet;
  // A sheet's CSV copy starts at its header row: its line k is sheet row k + shift (its records are one line each).
  const shift = opts.sheet ? opts.sheet.headerRow - 1 : 0;
  const fileLevel: FileLevel = (rule, loc = {}, params = {}) => ({
    file,
    dataset: result.dataset,
    line: loc.line == null ? null : loc.line + shift,
    excelRow: loc.line == null ? null : loc.line + shift,
    column: loc.column ?? null,
    header: loc.header ?? null,
    field: loc.field ?? null,
    value: null,
    rule,
    severity: rules[rule].severity,
    message: message(rule, { header: loc.header, ...params }),
  });
  const fail = (d: Diagnostic) => {
    result.diagnostics.push(d);
    return { result: finishResult(result) };
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
  profileLap('read');

  // 2. decode: which encoding, and a UTF-8 copy when it is not UTF-8
  const dec = await decode(bytes, opts.scratchDir);
  if (!dec.ok) return fail(fileLevel(dec.rule, { line: dec.line ?? null }, { detail: dec.detail, limit: dec.line }));
  const decoded = dec.value;
  result.encoding = decoded.encoding;
  profileLap('decode');
  const cleanupCopy = () => (decoded.utf8Path !== path ? rm(decoded.utf8Path, { force: true }) : Promise.resolve());

  // 3. recognise: the dataset, by header row
  const dialect = sniffDialect(decoded.headText);
  const header = dialect?.header ?? [decoded.headText.split(/\r\n|\r|\n/)[0] ?? ''];
  result.delimiter = dialect?.delimiter ?? null;
  const leading = /^(?:[ \t,;|]*(?:\r\n|\r|\n))*/.exec(decoded.headText)?.[0] ?? '';
  const headerLine = 1 + (leading.match(/\r\n|\r|\n/g)?.length ?? 0);
  const rec = recognise(header, opts.dataset);
  result.dataset = rec.dataset?.name ?? null;
  result.diagnostics.push(
    ...rec.findings.map((h) => fileLevel(h.rule, { line: headerLine, column: h.index === null ? null : columnLetter(h.index), header: h.header, field: h.field ?? null }, { ...h.params })),
  );
  if (!rec.ok) {
    await cleanupCopy();
    return { result: finishResult(result) };
  }
  const { dataset, columns } = rec;
  const delimiter = dialect?.delimiter ?? ',';

  // 4. parse: record structure (line numbers, blank lines, field counts, cut-short files), then DuckDB reads the rows
  let headerWidth = header.length;
  while (headerWidth > 0 && (header[headerWidth - 1] ?? '').trim() === '') headerWidth--;
  const staging = `${opts.prefix}_raw`;
  const raw0 = `${opts.prefix}_raw0`;
  // Blank rows above the header (Excel) are read, then dropped, so that rowid 0 is the header.
  const skip = dialect?.leadingBlankRecords ?? 0;
  const stageTable = skip ? raw0 : staging;
  // DuckDB reads the rows while the scan runs, assuming the usual shape (no record wider than the header, no line
  // breaks inside values); when the scan finds otherwise, the rows are read again with what it found.
  const early = stageCsv(opts.db, stageTable, decoded.utf8Path, delimiter, { maxFields: header.length, quotedNewlines: false }, true).then(
    (read) => read,
    () => null,
  );
  const scanned = await scanRecords(decoded.utf8Path, decoded.bomBytes, delimiter, headerWidth);
  const earlyRead = await early;
  profileLap('scan');
  // DuckDB's reader takes one line ending per file: a file that mixes them is read from an LF-only copy.
  const readPath = scanned.lineEndings.length > 1 ? await normaliseLineEndings(decoded.utf8Path, opts.scratchDir) : decoded.utf8Path;
  const drop = async () => {
    for (const n of [staging, raw0]) await opts.db.run(`DROP TABLE IF EXISTS temp.${ident(n)}`);
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
  const reuse = earlyRead !== null && readPath === decoded.utf8Path && scanned.maxFields <= header.length && !scanned.quotedNewlines;
  try {
    if (reuse) reconcileStaged(earlyRead, scanned.records);
    else await stageCsv(opts.db, stageTable, readPath, delimiter, scanned, true);
  } catch (e) {
    if (!(e instanceof StagingMismatchError)) throw e;
    await drop();
    return fail(fileLevel('file.parse', { line: e.line }, { detail: e.detail }));
  }
  if (skip) {
    await opts.db.run(`CREATE OR REPLACE TEMP TABLE ${ident(staging)} AS SELECT * FROM ${ident(raw0)} WHERE rowid >= ${skip} ORDER BY rowid`);
    await opts.db.run(`DROP TABLE temp.${ident(raw0)}`);
  }
  const skipped = skip ? skipRecords(scanned, skip) : scanned;
  // In a sheet every record is a row, whatever line breaks its values hold: its line is its sheet row.
  const map = opts.sheet ? { ...skipped, lineOf: (i: number) => skipped.excelRowOf(i) + shift, excelRowOf: (i: number) => skipped.excelRowOf(i) + shift } : skipped;
  profileLap('stage');
  return { result, prepared: { result, dataset, columns, map, headerWidth, staging, periodEnd: opts.periodEnd, fileLevel, drop } };
}
