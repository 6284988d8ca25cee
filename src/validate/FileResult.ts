// What validating one file produces: where it came from, how it was read, the counts that must reconcile, every diagnostic.
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import type { Encoding } from '../ingest/decode.js';

export type { Encoding };

/** `rowsRead = wouldLoad + wouldReject + blank`, always. */
export interface FileCounts {
  rowsRead: number;
  wouldLoad: number;
  wouldReject: number;
  blank: number;
  /** Rows loaded with at least one warning. */
  warnings: number;
}

/**
 * - `clean`: every row would load, no warnings.
 * - `warnings`: every non-blank row would load; some are flagged.
 * - `rows_rejected`: some rows have row errors; the rest would load.
 * - `held`: too many rows have errors: the file would not be loaded (hold threshold).
 * - `file_error`: nothing from the file would load.
 */
export type Verdict = 'clean' | 'warnings' | 'rows_rejected' | 'held' | 'file_error';

/** Where a workbook sheet's extract came from: its sheet, the row of its header, and the sheets beside it not read. */
export interface SheetInfo {
  /** The workbook as named (path or file name). */
  workbook: string;
  sheet: string;
  /** The sheet row of the header row; the rows above it with values are titles, not read. */
  headerRow: number;
  titleRows: number;
  /** The workbook's sheets that are not extracts, each with the reason. */
  notRead: { sheet: string; reason: string }[];
}

export interface FileResult {
  /** The file as named; for a workbook sheet, `Workbook.xlsx › Sheet`. */
  file: string;
  /** Set for an extract read from a workbook sheet. */
  sheet?: SheetInfo;
  dataset: string | null;
  encoding: Encoding | null;
  delimiter: string | null;
  bytes: number;
  sha256: string | null;
  counts: FileCounts;
  verdict: Verdict;
  /** Count of diagnostics per rule code (all of them, whatever the output shows). */
  countsByRule: Record<string, number>;
  diagnostics: Diagnostic[];
}
