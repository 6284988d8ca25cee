// Helpers that write the SQL of common additive migration steps. Each returns literal statements that are safe to run
// again (IF NOT EXISTS, OR REPLACE, or a USING clause that maps an already-converted value to itself), so a migration
// built from them is idempotent. Their output for given arguments must never change once a migration using it has
// shipped: test/warehouse/migrations.test.ts pins every shipped migration's text.

/** Quote an identifier (dataset fields include words like `month` and `source`). */
const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A SQL string literal. */
const lit = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** One column of a new table: name, DuckDB type, and whether it is NOT NULL. */
export type ColumnDef = readonly [name: string, type: string, notNull?: boolean];

/**
 * The view of a dataset's rows from the current submission per (partner, period, dataset). DuckDB binds a view's
 * columns when it is created, so a view over a table that gained or changed a column is created again.
 */
export const currentView = (dataset: string): string =>
  `CREATE OR REPLACE VIEW ${q(`current_${dataset}`)} AS\n` +
  `SELECT t.* FROM ${q(dataset)} t\n` +
  `WHERE t.submission_id IN (SELECT id FROM current_submission WHERE dataset = ${lit(dataset)})`;

/** The newest loaded submission per (partner, period, dataset): created again after `submission` gains a column. */
export const currentSubmissionView = (): string => `CREATE OR REPLACE VIEW current_submission AS
SELECT * EXCLUDE (rn) FROM (
  SELECT *, row_number() OVER (PARTITION BY partner, period, dataset ORDER BY id DESC) AS rn
  FROM submission WHERE status = 'loaded' AND dataset IS NOT NULL
) WHERE rn = 1`;

/** A new dataset: its typed table (provenance columns first, as every dataset table has them) and its current view. */
export function addDatasetTable(dataset: string, columns: readonly ColumnDef[]): string[] {
  const provenance: ColumnDef[] = [['submission_id', 'INTEGER', true], ['partner', 'VARCHAR', true], ['period', 'VARCHAR', true], ['source_line', 'INTEGER', true]];
  const cols = [...provenance, ...columns].map(([name, type, notNull]) => `  ${q(name)} ${type}${notNull ? ' NOT NULL' : ''}`);
  return [`CREATE TABLE IF NOT EXISTS ${q(dataset)} (\n${cols.join(',\n')}\n)`, currentView(dataset)];
}

/**
 * A new nullable column on an existing table. Rows already stored get NULL, which for a dataset column means "not
 * given": say in the migration's description what that means for old submissions. For a dataset table, pass
 * `{ dataset: true }` so its current view is created again; for `submission`, pass `{ ledger: true }`.
 */
export function addColumn(table: string, column: string, type: string, views: { dataset?: boolean; ledger?: boolean } = {}): string[] {
  const out = [`ALTER TABLE ${q(table)} ADD COLUMN IF NOT EXISTS ${q(column)} ${type}`];
  if (views.ledger) out.push(currentSubmissionView());
  if (views.dataset) out.push(currentView(table));
  return out;
}

/**
 * A yes/no column (BOOLEAN) becomes a code column (VARCHAR holding `yes` or `no`) so that it can take further codes,
 * such as `not_known`. Stored values keep their meaning: true → `yes`, false → `no`; a value already converted maps
 * to itself, so the step can run twice. (A code added to a code column that is already VARCHAR needs no migration:
 * the warehouse does not constrain codes; validation does.)
 */
export function yesNoToCodes(dataset: string, column: string): string[] {
  const c = q(column);
  return [
    `ALTER TABLE ${q(dataset)} ALTER COLUMN ${c} SET DATA TYPE VARCHAR USING CASE CAST(${c} AS VARCHAR) WHEN 'true' THEN 'yes' WHEN 'false' THEN 'no' ELSE CAST(${c} AS VARCHAR) END`,
    currentView(dataset),
  ];
}
