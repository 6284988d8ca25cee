// Diagnostics go to a temp text table before the transaction (one appender pass), and into `diagnostic` inside it (one INSERT).
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { Database } from '../warehouse/Database.js';
import { sqlIdent as ident } from '../warehouse/sql.js';

const columns = ['file', 'dataset', 'line', 'excel_row', 'column_letter', 'header', 'field', 'value', 'record', 'rule', 'severity', 'message'] as const;

export interface StagedDiagnostics {
  /** `INSERT INTO diagnostic …` for the diagnostics of each batch entry (index) given, as the submission id it maps to. */
  insertSql: (ids: ReadonlyMap<number, number>) => string;
  drop: () => Promise<void>;
}

export async function stageDiagnostics(db: Database, table: string, entries: readonly { index: number; diagnostics: readonly Diagnostic[] }[]): Promise<StagedDiagnostics> {
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(table)} (entry VARCHAR, ${columns.map((c) => `${c} VARCHAR`).join(', ')})`);
  const int = (n: number) => String(Math.trunc(n));
  const str = (v: number | null) => (v === null ? null : String(v));
  await db.appendText(
    table,
    entries.flatMap(({ index, diagnostics }) =>
      diagnostics.map((d) => [String(index), d.file, d.dataset, str(d.line), str(d.excelRow), d.column, d.header, d.field, d.value, d.record ?? null, d.rule, d.severity, d.message]),
    ),
    { temp: true },
  );
  const select = columns.map((c) => (c === 'line' || c === 'excel_row' ? `CAST(${c} AS INTEGER)` : c)).join(', ');
  return {
    insertSql: (ids) =>
      `INSERT INTO diagnostic (submission_id, ${columns.join(', ')}) SELECT v.id, ${select}
       FROM ${ident(table)} AS d JOIN (VALUES ${[...ids].map(([entry, id]) => `('${int(entry)}', ${int(id)})`).join(', ')}) AS v(entry, id) ON v.entry = d.entry
       ORDER BY v.id, d.rowid`,
    drop: () => db.run(`DROP TABLE IF EXISTS temp.${ident(table)}`),
  };
}
