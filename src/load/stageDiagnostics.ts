// Diagnostics go to a temp text table before the transaction (one appender pass), and into `diagnostic` inside it (one INSERT per file).
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { Database } from '../warehouse/Database.js';
import { ident } from '../validate/sql.js';

const columns = ['file', 'dataset', 'line', 'excel_row', 'column_letter', 'header', 'field', 'value', 'rule', 'severity', 'message'] as const;

export interface StagedDiagnostics {
  /** `INSERT INTO diagnostic …` for the diagnostics of batch entry `index`, as submission `$1`. */
  insertSql: (index: number) => string;
  drop: () => Promise<void>;
}

export async function stageDiagnostics(db: Database, table: string, entries: readonly { index: number; diagnostics: readonly Diagnostic[] }[]): Promise<StagedDiagnostics> {
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(table)} (entry VARCHAR, ${columns.map((c) => `${c} VARCHAR`).join(', ')})`);
  const str = (v: number | null) => (v === null ? null : String(v));
  await db.appendText(
    table,
    entries.flatMap(({ index, diagnostics }) =>
      diagnostics.map((d) => [String(index), d.file, d.dataset, str(d.line), str(d.excelRow), d.column, d.header, d.field, d.value, d.rule, d.severity, d.message]),
    ),
    { temp: true },
  );
  const select = columns.map((c) => (c === 'line' || c === 'excel_row' ? `CAST(${c} AS INTEGER)` : c)).join(', ');
  return {
    insertSql: (index) => `INSERT INTO diagnostic (submission_id, ${columns.join(', ')}) SELECT $1, ${select} FROM ${ident(table)} WHERE entry = '${index}' ORDER BY rowid`,
    drop: () => db.run(`DROP TABLE IF EXISTS temp.${ident(table)}`),
  };
}
