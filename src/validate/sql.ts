// SQL text helpers for the checks' generated statements: literals and identifiers are written by the one helper in
// src/warehouse/sql.ts (under the short names the checks use); staging columns are named here.
export { sqlIdent as ident, sqlText as lit } from '../warehouse/sql.js';
/** The staging column holding file column `index`. */
export const rawCol = (index: number): string => `c${index}`;
