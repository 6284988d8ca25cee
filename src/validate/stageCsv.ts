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
 * Create `table` from the file; returns the number of records read. Throws StagingMismatchError when DuckDB rejects
 * the text or, given `shape.records`, reads a different number of records than the scan found.
 */
export async function stageCsv(db: Database, table: string, utf8Path: string, delimiter: string, map: StagingShape, temp: boolean): Promise<number> {
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
  let read: number;
  try {
    // CREATE TABLE … AS answers with the number of rows it wrote.
    const created = await db.one<{ Count: number }>(`CREATE OR REPLACE ${temp ? 'TEMP ' : ''}TABLE ${ident(table)} AS SELECT * FROM read_csv(${lit(utf8Path)}, ${options})`);
    read = Number(created?.Count ?? NaN);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const line = /CSV Error on Line: (\d+)/.exec(msg);
    // DuckDB's message: "CSV Error on Line: N", the original line (personal data: never repeated), the reason, then settings.
    const lines = msg.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const noise = /CSV Error on Line|^Original Line|^Possible fixes|^\*|^[a-z_]+ = /;
    const reason = lines.slice(1).find((l) => !noise.test(l)) ?? 'its structure is inconsistent';
    throw new StagingMismatchError(reason.replace(/\.$/, ''), line ? Number(line[1]) : null);
  }
  if (map.records !== undefined) reconcileStaged(read, map.records);
  return read;
}

/** The reader read exactly the records the scan found, or StagingMismatchError. */
export function reconcileStaged(read: number, records: number): void {
  if (read !== records) throw new StagingMismatchError(`the reader found ${read} records where the line scan found ${records}`, null);
}
