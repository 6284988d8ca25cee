// parse (rows): DuckDB reads the UTF-8 text into an all-VARCHAR staging table, one row per record in file order
// (rowid 0 = header), with the dialect passed explicitly; the row count is reconciled with the record scan.
import type { Database } from '../warehouse/Database.js';
import type { RecordMap } from '../ingest/scanRecords.js';
import { ident, lit, rawCol } from './sql.js';

export class StagingMismatchError extends Error {
  constructor(readonly detail: string, readonly line: number | null) {
    super(detail);
  }
}

/** What the reader needs to know of the file: its widest record, whether values span lines, and (to reconcile) its record count. */
export type StagingShape = Pick<RecordMap, 'maxFields' | 'quotedNewlines'> & { records?: number };

/**
 * Create `table` from the file. Throws StagingMismatchError when DuckDB rejects the text or, given `shape.records`,
 * reads a different number of records than the scan found.
 */
export async function stageCsv(db: Database, table: string, utf8Path: string, delimiter: string, map: StagingShape, temp: boolean): Promise<void> {
  const width = Math.max(1, map.maxFields);
  const columns = `{${Array.from({ length: width }, (_, i) => `${lit(rawCol(i))}: 'VARCHAR'`).join(', ')}}`;
  // DuckDB's parallel reader cannot pad short rows across quoted line breaks; only such files are read serially.
  const options = [
    `delim=${lit(delimiter)}`,
    `quote='"'`,
    `escape='"'`,
    'header=false',
    'auto_detect=false',
    `columns=${columns}`,
    'null_padding=true',
    `parallel=${map.quotedNewlines ? 'false' : 'true'}`,
    'max_line_size=2000000',
  ].join(', ');
  try {
    await db.run(`CREATE OR REPLACE ${temp ? 'TEMP ' : ''}TABLE ${ident(table)} AS SELECT * FROM read_csv(${lit(utf8Path)}, ${options})`);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const line = /CSV Error on Line: (\d+)/.exec(msg);
    // DuckDB's message: "CSV Error on Line: N", the original line (personal data: never repeated), the reason, then settings.
    const lines = msg.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const noise = /CSV Error on Line|^Original Line|^Possible fixes|^\*|^[a-z_]+ = /;
    const reason = lines.slice(1).find((l) => !noise.test(l)) ?? 'its structure is inconsistent';
    throw new StagingMismatchError(reason.replace(/\.$/, ''), line ? Number(line[1]) : null);
  }
  if (map.records !== undefined) await reconcileStaged(db, table, map.records);
}

/** The staged table holds exactly the records the scan found, or StagingMismatchError. */
export async function reconcileStaged(db: Database, table: string, records: number): Promise<void> {
  const row = await db.one<{ n: number }>(`SELECT count(*) AS n FROM ${ident(table)}`);
  if ((row?.n ?? 0) !== records) throw new StagingMismatchError(`the reader found ${row?.n ?? 0} records where the line scan found ${records}`, null);
}
