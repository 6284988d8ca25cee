// The submission ledger (the `submission` table and its `current_submission` view): every query and write of it, by
// what it is for, so no stage composes SQL on it. Values are always parameters ($1…); only table names (the dataset
// tables, from the schemas) are written into the text. Reads that must work on an older schema (raa check opens it
// read-only, not upgraded) name only the columns schema 1 has.
import type { Database } from './Database.js';
import type { SubmissionStatus } from './migrations.js';
import { sqlIdent } from './sql.js';

/** `$1, $2, …, $n` from `$from + 1`: one placeholder per value of a list. */
const placeholders = (n: number, from = 0): string => Array.from({ length: n }, (_, i) => `$${from + i + 1}`).join(', ');

// ——— Writing (the load, inside its transaction) ———

/** `n` new submission ids from the ledger's sequence, ascending. */
export async function nextSubmissionIds(db: Database, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const rows = await db.all<{ id: number }>(`SELECT nextval('submission_id_seq') AS id FROM range($1) ORDER BY id`, [n]);
  return rows.map((r) => r.id);
}

/** One ledger row as the load writes it. */
export interface NewSubmission {
  id: number;
  partner: string;
  period: string;
  dataset: string | null;
  fileName: string;
  /** The workbook sheet; null for a text file. */
  sheet: string | null;
  sha256: string | null;
  bytes: number | null;
  encoding: string | null;
  delimiter: string | null;
  /** When the file arrived, as `YYYY-MM-DD HH:MM:SS.sss` (UTC). */
  receivedAt: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  blank: number;
  warnings: number;
  status: SubmissionStatus;
  supersededBy: number | null;
  acceptedPartial: boolean;
  note: string | null;
}

/** Every row in one statement (each statement costs DuckDB a plan). */
export async function insertSubmissions(db: Database, rows: readonly NewSubmission[]): Promise<void> {
  if (rows.length === 0) return;
  const values: unknown[] = [];
  const tuples = rows.map((s) => {
    const row = [s.id, s.partner, s.period, s.dataset, s.fileName, s.sheet, s.sha256, s.bytes, s.encoding, s.delimiter, s.receivedAt,
      s.rowsRead, s.rowsLoaded, s.rowsRejected, s.blank, s.warnings, s.status, s.supersededBy, s.acceptedPartial, s.note];
    const at = values.length;
    values.push(...row);
    return `(${row.map((_, k) => (k === 10 ? `CAST($${at + k + 1} AS TIMESTAMP)` : `$${at + k + 1}`)).join(', ')})`;
  });
  await db.run(
    `INSERT INTO submission (id, partner, period, dataset, file_name, sheet, sha256, bytes, encoding, delimiter, received_at,
       rows_read, rows_loaded, rows_rejected, blank_rows, warnings, status, superseded_by, accepted_partial, note)
     VALUES ${tuples.join(', ')}`,
    values as never,
  );
}

/** Mark each submission `id` superseded by `by`, in one statement. */
export async function supersede(db: Database, replaced: readonly (readonly [id: number, by: number])[]): Promise<void> {
  if (replaced.length === 0) return;
  await db.run(
    `UPDATE submission SET status = 'superseded', superseded_by = v.new_id FROM (VALUES ${replaced.map((_, i) => `($${2 * i + 1}::INTEGER, $${2 * i + 2}::INTEGER)`).join(', ')}) AS v(id, new_id)
     WHERE submission.id = v.id`,
    replaced.flat(),
  );
}

// ——— The load's reads ———

/** A partner-month's ledger row as the load recognises bytes already seen. */
export interface KnownRow {
  id: number;
  sha256: string | null;
  /** The workbook sheet the submission was read from; null for a text file. */
  sheet: string | null;
  status: SubmissionStatus;
  dataset: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  blank: number;
  warnings: number;
}

/** Every ledger row of the partner-month, oldest first. */
export async function submissionsFor(db: Database, partner: string, period: string): Promise<KnownRow[]> {
  return db.all<KnownRow>(
    `SELECT id, sha256, sheet, status, dataset, rows_read AS "rowsRead", rows_loaded AS "rowsLoaded", rows_rejected AS "rowsRejected",
       blank_rows AS blank, warnings FROM submission WHERE partner = $1 AND period = $2 ORDER BY id`,
    [partner, period],
  );
}

/** A loaded (not superseded) submission of a partner-month. */
export interface LoadedRow {
  id: number;
  dataset: string;
  /** When its file arrived, in ms since the epoch. */
  received: number;
}

/** The partner-month's submissions with status `loaded`, oldest first. */
export async function loadedFor(db: Database, partner: string, period: string): Promise<LoadedRow[]> {
  return db.all<LoadedRow>(
    `SELECT id, dataset, epoch_ms(received_at) AS received FROM submission WHERE partner = $1 AND period = $2 AND status = 'loaded' ORDER BY id`,
    [partner, period],
  );
}

/** How many of these ids the ledger holds. */
export async function countSubmissions(db: Database, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await db.one<{ n: number }>(`SELECT count(*) AS n FROM submission WHERE id IN (${placeholders(ids.length)})`, [...ids]))?.n ?? 0;
}

/** A dataset's current submission in the partner's latest accepted month before the one being loaded. */
export interface PreviousAccepted {
  dataset: string;
  id: number;
  period: string;
  /** Non-blank rows it had. */
  rows: number;
}

/** Per dataset, the partner's current submission in the latest month before `period` that has one. */
export async function previousAccepted(db: Database, partner: string, period: string): Promise<PreviousAccepted[]> {
  return db.all<PreviousAccepted>(
    `SELECT dataset, id, period, rows_read - blank_rows AS rows FROM current_submission WHERE partner = $1 AND period < $2
     QUALIFY row_number() OVER (PARTITION BY dataset ORDER BY period DESC) = 1`,
    [partner, period],
  );
}

// ——— Reconciliation: what the ledger records against what the tables hold ———
// These join the ledger with the dataset tables, the quarantine and the diagnostics, but their one purpose is the
// ledger's own counts checked again (the load's read-back after COMMIT, and raa check), so they live here.

/** A ledger row's counts and what the warehouse holds under its id. */
export interface StoredCounts {
  id: number;
  partner: string;
  period: string;
  dataset: string | null;
  file_name: string;
  status: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  blank_rows: number;
  /** Rows in the dataset tables named. */
  stored: number;
  quarantined: number;
  /** Diagnostics stored (counted only when asked: `diagnostics: true`). */
  diagnostics: number;
}

/**
 * Each submission's counts against the rows `datasetTables`, the quarantine and (with `diagnostics`) the diagnostics
 * hold under its id, ordered by id: the submissions `ids` (the load's read-back), or every one (raa check).
 */
export async function storedCounts(
  db: Database,
  datasetTables: readonly string[],
  options: { ids?: readonly number[]; diagnostics?: boolean } = {},
): Promise<StoredCounts[]> {
  const ids = options.ids;
  if (ids?.length === 0) return [];
  const among = ids ? ` WHERE submission_id IN (${placeholders(ids.length)})` : '';
  const countOf = (table: string) => `(SELECT submission_id, count(*) AS n FROM ${table}${among} GROUP BY 1)`;
  const rowsStored = datasetTables.length
    ? `(${datasetTables.map((d) => `SELECT * FROM ${countOf(sqlIdent(d))}`).join(' UNION ALL ')})`
    : `(SELECT NULL::INTEGER AS submission_id, 0 AS n WHERE false)`;
  return db.all<StoredCounts>(
    `SELECT s.id, s.partner, s.period, s.dataset, s.file_name, s.status, s.rows_read, s.rows_loaded, s.rows_rejected, s.blank_rows,
       coalesce(r.n, 0)::INTEGER AS stored, coalesce(q.n, 0)::INTEGER AS quarantined,
       ${options.diagnostics ? 'coalesce(d.n, 0)::INTEGER' : '0'} AS diagnostics
     FROM submission AS s LEFT JOIN ${rowsStored} AS r ON r.submission_id = s.id
       LEFT JOIN ${countOf('quarantine')} AS q ON q.submission_id = s.id
       ${options.diagnostics ? `LEFT JOIN ${countOf('diagnostic')} AS d ON d.submission_id = s.id` : ''}
     ${ids ? `WHERE s.id IN (${placeholders(ids.length)})` : ''}
     ORDER BY s.id`,
    ids ? [...ids] : undefined,
  );
}

/** A file the ledger knows, with the sha256 it had when loaded. */
export interface FileHashRow {
  partner: string;
  period: string;
  /** The file's name (a workbook sheet's submission: `Workbook.xlsx › Sheet`, as the load names it). */
  file_name: string;
  sha256: string;
}

/** Every ledger row that has a sha256. */
export async function fileHashes(db: Database): Promise<FileHashRow[]> {
  return db.all<FileHashRow>(`SELECT partner, period, file_name, sha256 FROM submission WHERE sha256 IS NOT NULL`);
}

// ——— The ledger for status and reports ———

/** The newest period in the ledger (any status), or null when it is empty. */
export async function latestLedgerPeriod(db: Database): Promise<string | null> {
  return (await db.one<{ p: string | null }>('SELECT max(period) AS p FROM submission'))?.p ?? null;
}

/** One ledger row of a month, for raa status. */
export interface LedgerRow {
  submissionId: number;
  partner: string;
  dataset: string | null;
  file: string;
  status: SubmissionStatus;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  received: string;
  /** Received by the end of the due day. */
  onTime: boolean;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  blank: number;
  warnings: number;
  acceptedPartial: boolean;
  supersededBy: number | null;
  note: string | null;
}

/** Every ledger row of `period` in the order received, on time when received by the end of `due` (`YYYY-MM-DD`). */
export async function ledgerRows(db: Database, period: string, due: string): Promise<LedgerRow[]> {
  return db.all<LedgerRow>(
    `SELECT id AS "submissionId", partner, dataset, file_name AS file, status, strftime(received_at, '%Y-%m-%dT%H:%M:%SZ') AS received,
       received_at < CAST($2 AS DATE) + INTERVAL 1 DAY AS "onTime", rows_read AS "rowsRead", rows_loaded AS "rowsLoaded",
       rows_rejected AS "rowsRejected", blank_rows AS blank, warnings, accepted_partial AS "acceptedPartial",
       superseded_by AS "supersededBy", note
     FROM submission WHERE period = $1 ORDER BY received_at, id`,
    [period, due],
  );
}

/** Months (`YYYY-MM`, oldest first) with at least one loaded submission of a dataset (of one of `datasets`, if given). */
export async function periodsWithData(db: Database, datasets?: readonly string[]): Promise<string[]> {
  const rows = datasets
    ? datasets.length === 0 ? [] : await db.all<{ period: string }>(
        `SELECT DISTINCT period FROM submission WHERE status = 'loaded' AND dataset IN (${placeholders(datasets.length)}) ORDER BY period`,
        [...datasets],
      )
    : await db.all<{ period: string }>(`SELECT DISTINCT period FROM submission WHERE status = 'loaded' AND dataset IS NOT NULL ORDER BY period`);
  return rows.map((r) => r.period);
}

/** The partners with a current submission of `period` of one of `datasets`, by code. */
export async function partnersWithCurrent(db: Database, period: string, datasets: readonly string[]): Promise<string[]> {
  if (datasets.length === 0) return [];
  const rows = await db.all<{ partner: string }>(
    `SELECT DISTINCT partner FROM current_submission WHERE period = $1 AND dataset IN (${placeholders(datasets.length, 1)}) ORDER BY partner`,
    [period, ...datasets],
  );
  return rows.map((r) => r.partner);
}

/** A current submission (newest loaded per partner, period and dataset). */
export interface CurrentRow {
  id: number;
  partner: string;
  dataset: string;
}

/** The current submissions of `period`, by id. */
export async function currentFor(db: Database, period: string): Promise<CurrentRow[]> {
  return db.all<CurrentRow>(`SELECT id, partner, dataset FROM current_submission WHERE period = $1 ORDER BY id`, [period]);
}

/** A current submission as a report names its source. */
export interface SubmissionUsedRow {
  id: number;
  partner: string;
  dataset: string;
  fileName: string;
  sha256: string | null;
  /** `YYYY-MM-DDTHH:MM:SSZ`, or null. */
  receivedAt: string | null;
  rowsLoaded: number;
}

/** The current submissions of `period`, by partner and dataset. */
export async function submissionsUsed(db: Database, period: string): Promise<SubmissionUsedRow[]> {
  return db.all<SubmissionUsedRow>(
    `SELECT id, partner, dataset, file_name AS "fileName", sha256, strftime(received_at, '%Y-%m-%dT%H:%M:%SZ') AS "receivedAt", rows_loaded AS "rowsLoaded"
     FROM current_submission WHERE period = $1 ORDER BY partner, dataset`,
    [period],
  );
}

/** Per partner and dataset of a month: every version received, and the one in effect. */
export interface SubmissionInEffect {
  partner: string;
  dataset: string;
  versions: number;
  /** Some version is loaded. */
  loaded: boolean;
  /** The status of the newest version. */
  newest_status: string;
  /** The first version arrived (or, with no arrival time, was loaded) by the end of the due day. */
  on_time: boolean;
  /** The submission in effect: the newest loaded one, else the newest. */
  pick_id: number;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_blank: number;
  warnings: number;
}

/** For the data-quality measures: per partner and dataset of `period`, by partner then dataset; due by the end of `due`. */
export async function submissionsInEffect(db: Database, period: string, due: string): Promise<SubmissionInEffect[]> {
  return db.all<SubmissionInEffect>(
    `WITH s AS (SELECT * FROM submission WHERE period = $1 AND dataset IS NOT NULL),
     p AS (SELECT partner, dataset, count(*) AS versions, bool_or(status = 'loaded') AS loaded, arg_max(status, id) AS newest_status,
             min(coalesce(received_at, loaded_at)) < CAST($2 AS DATE) + INTERVAL 1 DAY AS on_time,
             arg_max(id, CASE WHEN status = 'loaded' THEN id + 1000000000 ELSE id END) AS pick_id
           FROM s GROUP BY partner, dataset)
     SELECT p.*, s.rows_read, s.rows_loaded, s.rows_rejected, s.blank_rows AS rows_blank, s.warnings FROM p JOIN s ON s.id = p.pick_id ORDER BY p.partner, p.dataset`,
    [period, due],
  );
}

/** A submission as `raa explain` names a record's source. */
export interface SubmissionFile {
  id: number;
  fileName: string;
  sheet: string | null;
  sha256: string | null;
}

/** The file (and sheet) and sha256 of each submission `ids` names (any status). */
export async function submissionFiles(db: Database, ids: readonly number[]): Promise<SubmissionFile[]> {
  const list = [...new Set(ids)].filter((id) => Number.isSafeInteger(id));
  if (list.length === 0) return [];
  return db.all<SubmissionFile>(`SELECT id, file_name AS "fileName", sheet, sha256 FROM submission WHERE id IN (${list.join(', ')}) ORDER BY id`);
}

// ——— The export ———

/** A query and its parameters. */
export interface Query {
  sql: string;
  params: string[];
}

/** Every ledger row (every column, every status), optionally of one `period`, by partner, period and id: what raa export writes. */
export function ledgerExportQuery(period?: string): Query {
  return period === undefined
    ? { sql: `SELECT * FROM submission ORDER BY partner, period, id`, params: [] }
    : { sql: `SELECT * FROM submission WHERE period = $1 ORDER BY partner, period, id`, params: [period] };
}
