// Writing values and names into SQL text, where a statement cannot take them as parameters (inside generated
// expressions and DDL). Prefer parameters ($1) for values whenever the statement allows.

/** A SQL string literal: `it's` → `'it''s'`. */
export const sqlText = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** A comma-separated list of string literals, for `IN (…)`. */
export const sqlTextList = (values: readonly string[]): string => values.map(sqlText).join(', ');

/** A quoted identifier: `month` → `"month"` (dataset fields include words SQL reserves). */
export const sqlIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
