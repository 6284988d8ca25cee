// The one shape of every finding, from any stage: where it is, which rule, how bad, and what to do.
import type { RuleCode } from './rules.js';

/**
 * - `file_error`: nothing from the file is loaded.
 * - `row_error`: the row is not loaded; it goes to the quarantine.
 * - `warning`: the row is loaded and flagged.
 * - `hold`: the file as a whole is held because too many rows failed.
 */
export type Severity = 'file_error' | 'row_error' | 'warning' | 'hold';

export interface Diagnostic {
  /** The file as the analyst named it (path as given). */
  file: string;
  dataset: string | null;
  /** Physical line in the file, 1-based, header = 1; for a record spanning lines, its first line. */
  line: number | null;
  /** The row Excel shows for this record (differs from `line` after quoted newlines). */
  excelRow: number | null;
  /** Column letter as Excel shows it: A, B, … AA. */
  column: string | null;
  /** The header as written in the file. */
  header: string | null;
  field: string | null;
  /** The raw cell value, as written. */
  value: string | null;
  /**
   * The record a row diagnostic is about, by its identifier as the file has it (`Child Unique ID C1043`), so an officer
   * can find it in their system; absent for findings about the file as a whole.
   */
  record?: string | null;
  rule: RuleCode;
  severity: Severity;
  message: string;
}

export type Location = Partial<Pick<Diagnostic, 'dataset' | 'line' | 'excelRow' | 'column' | 'header' | 'field' | 'value'>>;

/** Excel column letter for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const isError = (d: Pick<Diagnostic, 'severity'>): boolean => d.severity === 'file_error' || d.severity === 'row_error';
