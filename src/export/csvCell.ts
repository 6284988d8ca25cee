// CSV cells for people's spreadsheets: `neutraliseFormula` stops a text cell being run as a formula; `csvLine` quotes per RFC 4180.
import { visibleInCsv } from '../diagnostics/visible.js';

/**
 * The characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) treat a cell as a formula or DDE
 * command: `=`, `+`, `-`, `@`, tab and carriage return (OWASP, "CSV Injection").
 */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * it gets a leading single quote (`=HYPERLINK("x")` → `'=HYPERLINK("x")`), so the spreadsheet shows it as text
 * instead of running it; anything else is returned unchanged.
 *
 * Apply it to cells that hold text (names, identifiers, codes, free text, joined lists), not to numbers written by
 * the program: `-2` from a numeric column is a number and must stay one. The quote is visible to a program that
 * reads the CSV back, so a CSV meant for programs rather than people should be written without it (or the reader
 * told to strip a leading `'` before one of those characters).
 */
export function neutraliseFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** Line ending of every CSV line this project writes (RFC 4180 says CRLF; every spreadsheet and CSV reader accepts it). */
export const csvEol = '\r\n';

/**
 * One field as RFC 4180 writes it: quoted when it contains a comma, a double quote, CR or LF, with each double
 * quote doubled; otherwise as it is. Control and bidi characters other than tab, CR and LF are written as escapes
 * (`\u001B`). `null` and `undefined` are an empty field. The field is not neutralised: call `neutraliseFormula` first
 * for text cells.
 */
export function csvField(raw: string | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  const value = visibleInCsv(raw);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV record, fields joined by commas and ended with CRLF (`csvEol`); each field as `csvField` writes it. */
export function csvLine(cells: readonly (string | null | undefined)[]): string {
  return cells.map(csvField).join(',') + csvEol;
}
