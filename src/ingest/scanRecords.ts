// parse (structure): one streaming, quote-aware pass over UTF-8 text → how many records, where each starts, which are
// blank lines, which have the wrong number of fields, and whether the file is cut short. Memory grows only with anomalies.
import { createReadStream } from 'node:fs';

export const MAX_RECORD_BYTES = 1_000_000;

export interface RecordMap {
  /** Non-empty records including the header: exactly the rows DuckDB's reader produces. */
  records: number;
  /** Empty lines (skipped by the reader; counted as blank rows). */
  blankLines: number;
  /** Most fields in any record. */
  maxFields: number;
  /** Whether any quoted value contains a line break. */
  quotedNewlines: boolean;
  /** Records (by index, header = 0) whose field count does not fit the header: [index, fields]. */
  badFieldCounts: [number, number][];
  /** Set when the file ends inside a quoted value: the line where that quote opened. */
  unterminatedQuoteLine: number | null;
  /** Set when a record is longer than MAX_RECORD_BYTES: its first line. */
  tooLongLine: number | null;
  /** Physical first line (1-based) of record `index`. */
  lineOf(index: number): number;
  /** The row Excel shows record `index` on (blank lines are rows; quoted line breaks are not). */
  excelRowOf(index: number): number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Scan `path` from byte `skip` with the given delimiter. `headerWidth` is the number of header cells up to the last
 * non-empty one: a record with fewer fields, or with content beyond the header's cells, is reported in `badFieldCounts`.
 */
export async function scanRecords(path: string, skip: number, delimiter: string, headerWidth: number): Promise<RecordMap> {
  const delim = delimiter.charCodeAt(0);
  // change points: from record `at` on, line = index + 1 + lineShift, excelRow = index + 1 + rowShift
  const at: number[] = [0];
  const lineShift: number[] = [0];
  const rowShift: number[] = [0];
  const badFieldCounts: [number, number][] = [];
  let records = 0;
  let blankLines = 0;
  let maxFields = 0;
  let quotedNewlines = false;
  let line = 1; // current physical line
  let recordLine = 1; // first line of the record being read
  let recordBytes = 0;
  let fields = 1;
  let extraContent = false;
  let atFieldStart = true;
  let inQuotes = false;
  let quotePending = false; // saw a quote inside quotes: closing, or the first of an escaped pair
  let crPending = false; // saw CR: a following LF belongs to it
  let quoteLine = 0;
  let tooLongLine: number | null = null;

  const endRecord = () => {
    if (recordBytes === 0) {
      blankLines++;
    } else {
      const index = records++;
      if (fields > maxFields) maxFields = fields;
      if (index > 0 && (fields < headerWidth || extraContent)) badFieldCounts.push([index, fields]);
      const ls = recordLine - (index + 1);
      const rs = blankLines;
      if (ls !== lineShift[lineShift.length - 1] || rs !== rowShift[rowShift.length - 1]) {
        at.push(index);
        lineShift.push(ls);
        rowShift.push(rs);
      }
    }
    recordBytes = 0;
    fields = 1;
    extraContent = false;
    atFieldStart = true;
    recordLine = line;
  };

  let first = true;
  outer: for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = first && skip ? raw.subarray(skip) : raw;
    first = false;
    const n = buf.length;
    for (let i = 0; i < n; i++) {
      const b = buf[i] as number;
      if (crPending) {
        crPending = false;
        if (b === LF) continue;
      }
      if (quotePending) {
        quotePending = false;
        if (b === QUOTE) {
          recordBytes++;
          continue; // escaped quote, still inside
        }
        inQuotes = false; // the quote closed the value; fall through to handle b unquoted
      }
      if (inQuotes) {
        if (++recordBytes > MAX_RECORD_BYTES) {
          tooLongLine = recordLine;
          break outer;
        }
        if (b === QUOTE) quotePending = true;
        else if (b === LF || b === CR) {
          line++;
          quotedNewlines = true;
          if (b === CR) crPending = true;
        }
        continue;
      }
      if (b === LF || b === CR) {
        line++;
        if (b === CR) crPending = true;
        endRecord();
        continue;
      }
      if (++recordBytes > MAX_RECORD_BYTES) {
        tooLongLine = recordLine;
        break outer;
      }
      if (b === delim) {
        fields++;
        atFieldStart = true;
      } else if (b === QUOTE && atFieldStart) {
        inQuotes = true;
        quoteLine = line;
        atFieldStart = false;
        if (fields > headerWidth) extraContent = true;
      } else {
        atFieldStart = false;
        if (fields > headerWidth && b !== SPACE && b !== TAB) extraContent = true;
      }
    }
    if (recordBytes > MAX_RECORD_BYTES) {
      tooLongLine = recordLine;
      break;
    }
  }
  if (quotePending) inQuotes = false;
  const unterminatedQuoteLine = inQuotes && tooLongLine === null ? quoteLine : null;
  if (recordBytes > 0 && !inQuotes) endRecord();

  const find = (index: number) => {
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((at[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    records,
    blankLines,
    maxFields,
    quotedNewlines,
    badFieldCounts,
    unterminatedQuoteLine,
    tooLongLine,
    lineOf: (index) => index + 1 + (lineShift[find(index)] as number),
    excelRowOf: (index) => index + 1 + (rowShift[find(index)] as number),
  };
}
