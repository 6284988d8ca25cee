// The rows of a validated file that load, as a temp view in the dataset table's column order (source line first, dates
// of birth reduced to their month), and the rows that do not, with their raw cells: both straight from the staged tables.
import type { Staged } from '../validate/checkFiles.js';
import type { Database } from '../warehouse/Database.js';
import { ident, rawCol } from '../validate/sql.js';
import { lineSql, type LineSql } from './lineShifts.js';

export interface Loadable {
  /** Temp view: rec, source_line, excel_row, then every dataset field. */
  view: string;
  lines: LineSql;
  /** Typed rows with a row error: `SELECT rec FROM …` */
  rejectedRecs: string;
  drop(): Promise<void>;
}

/** Create the view of loadable rows for a staged file (`name` prefixes its temp objects). */
export async function loadableRows(db: Database, staged: Staged, name: string): Promise<Loadable> {
  const lines = await lineSql(db, staged.map, `${name}_shifts`);
  const rejectedRecs = `SELECT rec FROM ${ident(staged.findings)} WHERE severity = 'row_error'`;
  const fields = staged.dataset.columns.map((c) => {
    const v = `t.${ident(c.field)}`;
    return c.type.kind === 'date' && c.type.minimisedToMonth ? `CAST(date_trunc('month', ${v}) AS DATE) AS ${ident(c.field)}` : v;
  });
  const view = `${name}_loadable`;
  await db.run(
    `CREATE OR REPLACE TEMP VIEW ${ident(view)} AS SELECT t.rec, ${lines.line} AS source_line, ${lines.excelRow} AS excel_row, ${fields.join(', ')}
     FROM ${ident(staged.typed)} AS t ${lines.join} WHERE t.rec NOT IN (${rejectedRecs})`,
  );
  return {
    view,
    lines,
    rejectedRecs,
    drop: async () => {
      await db.run(`DROP VIEW IF EXISTS temp.${ident(view)}`);
      await lines.drop();
    },
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
