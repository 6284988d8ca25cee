// The rows of a validated file that load, as a query in the dataset table's column order (source line first, dates
// of birth reduced to their month), and the rows that do not, with their raw cells: both straight from the staged tables.
import type { Staged } from '../validate/checkFiles.js';
import type { Database } from '../warehouse/Database.js';
import { ident, rawCol } from '../validate/sql.js';
import { lineSql, type LineSql } from '../validate/lineShifts.js';

export interface Loadable {
  /** The rows that load, as a parenthesised query to put after FROM: rec, source_line, excel_row, then every dataset field. */
  rows: string;
  lines: LineSql;
  /** Typed rows with a row error: `SELECT rec FROM …` */
  rejectedRecs: string;
  drop(): Promise<void>;
}

/** The loadable rows of a staged file (`name` prefixes the temp table of its line shifts, when it needs one). */
export async function loadableRows(db: Database, staged: Staged, name: string): Promise<Loadable> {
  const lines = await lineSql(db, staged.map, `${name}_shifts`);
  const rejectedRecs = `SELECT rec FROM ${staged.findings} WHERE severity = 'row_error'`;
  const fields = staged.dataset.columns.map((c) => {
    const v = `t.${ident(c.field)}`;
    return c.type.kind === 'date' && c.type.minimisedToMonth ? `CAST(date_trunc('month', ${v}) AS DATE) AS ${ident(c.field)}` : v;
  });
  return {
    rows: `(SELECT t.rec, ${lines.line} AS source_line, ${lines.excelRow} AS excel_row, ${fields.join(', ')}
      FROM ${staged.typed} AS t ${lines.join} WHERE t.rec NOT IN (${rejectedRecs}))`,
    lines,
    rejectedRecs,
    drop: () => lines.drop(),
  };
}

/** `INSERT INTO quarantine …` for a staged file: every rejected row's raw cells, with the file's headers. */
export function quarantineSql(staged: Staged, loadable: Loadable): string {
  const width = Math.max(1, staged.map.maxFields);
  const cells = (alias: string) => `[${Array.from({ length: width }, (_, i) => `${alias}.${rawCol(i)}`).join(', ')}]`;
  const staging = ident(staged.staging);
  const { lines } = loadable;
  return `INSERT INTO quarantine (submission_id, line, excel_row, raw, headers)
    SELECT $1, ${lines.line}, ${lines.excelRow}, ${cells('s')}, (SELECT ${cells('h')} FROM ${staging} AS h WHERE h.rowid = 0)
    FROM (SELECT DISTINCT rec FROM (${loadable.rejectedRecs})) AS t ${lines.join} JOIN ${staging} AS s ON s.rowid = t.rec
    ORDER BY t.rec`;
}
