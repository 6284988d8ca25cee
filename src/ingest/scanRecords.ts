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
  /**
   * Whether some record after the first might have nothing but empty or white-space values: none of its values holds
   * an ASCII character other than a space (bytes beyond ASCII might be spaces too). When false, no data row is blank.
   */
  maybeBlankRows: boolean;
  /** Records (by index, header = 0) whose field count does not fit the header: [index, fields]. */
  badFieldCounts: [number, number][];
  /** Set when the file ends inside a quoted value: the line where that quote opened. */
  unterminatedQuoteLine: number | null;
  /** Set when a record is longer than MAX_RECORD_BYTES: its first line. */
  tooLongLine: number | null;
  /** The first line where a closing quote is followed by more text (`"duty"x`), which no CSV reader accepts. */
  textAfterQuoteLine: number | null;
  /** Record terminators seen outside quotes: some of 'lf', 'crlf', 'cr'. More than one means the reader needs a normalised copy. */
  lineEndings: ('lf' | 'crlf' | 'cr')[];
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

/** Scanner state carried between chunks. The hot loop copies it into locals (closure variables are slow in V8). */
interface State {
  delim: number;
  headerWidth: number;
  special: Uint8Array;
  records: number;
  blankLines: number;
  maxFields: number;
  quotedNewlines: boolean;
  maybeBlankRows: boolean;
  line: number;
  recordLine: number;
  recordBytes: number;
  fields: number;
  extraContent: boolean;
  /** The record so far has a value with an ASCII character other than a space. */
  content: boolean;
  atFieldStart: boolean;
  inQuotes: boolean;
  quotePending: boolean;
  crPending: boolean;
  quoteLine: number;
  tooLongLine: number | null;
  textAfterQuoteLine: number | null;
  /** Bit set of record terminators seen: 1 LF, 2 CRLF, 4 CR. */
  endings: number;
  badFieldCounts: [number, number][];
  /** Change points: from record `at[k]` on, line = index + 1 + lineShift[k], excelRow = index + 1 + rowShift[k]. */
  at: number[];
  lineShift: number[];
  rowShift: number[];
}

function endRecord(s: State, recordBytes: number, fields: number, extraContent: boolean, content: boolean, recordLine: number): void {
  if (recordBytes === 0) {
    s.blankLines++;
    return;
  }
  const index = s.records++;
  if (index > 0 && !content) s.maybeBlankRows = true;
  if (fields > s.maxFields) s.maxFields = fields;
  if (index > 0 && (fields < s.headerWidth || extraContent)) s.badFieldCounts.push([index, fields]);
  const ls = recordLine - (index + 1);
  if (ls !== s.lineShift[s.lineShift.length - 1] || s.blankLines !== s.rowShift[s.rowShift.length - 1]) {
    s.at.push(index);
    s.lineShift.push(ls);
    s.rowShift.push(s.blankLines);
  }
}

/** Scan one chunk; returns false when the record limit was exceeded (scanning stops). */
function scanChunk(s: State, buf: Buffer): boolean {
  const { delim, headerWidth, special } = s;
  let { line, recordLine, recordBytes, fields, extraContent, content, atFieldStart, inQuotes, quotePending, crPending, quoteLine } = s;
  const n = buf.length;
  let ok = true;
  for (let i = 0; i < n; i++) {
    const b = buf[i] as number;
    if (special[b] === 0 && !inQuotes && !quotePending && !crPending) {
      // Fast path: a run of ordinary content outside quotes, up to the next delimiter, quote or line break.
      let end = i + 1;
      while (end < n && special[buf[end] as number] === 0) end++;
      recordBytes += end - i;
      atFieldStart = false;
      for (let k = i; !content && k < end; k++) {
        const c = buf[k] as number;
        if (c !== SPACE && c < 0x80) content = true;
      }
      for (let k = i; fields > headerWidth && !extraContent && k < end; k++) {
        const c = buf[k] as number;
        if (c !== SPACE && c !== TAB) extraContent = true;
      }
      i = end - 1;
      continue;
    }
    if (crPending) {
      crPending = false;
      if (!inQuotes) s.endings |= b === LF ? 2 : 4;
      if (b === LF) continue;
    }
    if (quotePending) {
      quotePending = false;
      if (b === QUOTE) {
        recordBytes++;
        content = true;
        if (fields > headerWidth) extraContent = true;
        continue; // an escaped quote: still inside
      }
      inQuotes = false; // the quote closed the value; handle b as unquoted
      if (b !== delim && b !== LF && b !== CR && s.textAfterQuoteLine === null) s.textAfterQuoteLine = line;
    }
    if (inQuotes) {
      recordBytes++;
      if (b === QUOTE) quotePending = true;
      else {
        if (b !== SPACE && b < 0x80) content = true; // a line break inside quotes is part of the value
        if (b === LF || b === CR) {
          line++;
          s.quotedNewlines = true;
          if (b === CR) crPending = true;
        } else if (fields > headerWidth && b !== SPACE && b !== TAB) extraContent = true;
      }
      continue;
    }
    if (b === LF || b === CR) {
      if (recordBytes > MAX_RECORD_BYTES) break;
      if (b === LF) s.endings |= 1;
      line++;
      if (b === CR) crPending = true;
      endRecord(s, recordBytes, fields, extraContent, content, recordLine);
      recordBytes = 0;
      fields = 1;
      extraContent = false;
      content = false;
      atFieldStart = true;
      recordLine = line;
      continue;
    }
    recordBytes++;
    if (b === delim) {
      fields++;
      atFieldStart = true;
    } else if (b === QUOTE && atFieldStart) {
      // Beyond the header, a quoted value counts as content only if it holds some (`""` is an empty trailing column).
      inQuotes = true;
      quoteLine = line;
      atFieldStart = false;
    } else {
      atFieldStart = false;
      if (b !== SPACE && b < 0x80) content = true;
      if (fields > headerWidth && b !== SPACE && b !== TAB) extraContent = true;
    }
  }
  if (recordBytes > MAX_RECORD_BYTES) {
    s.tooLongLine = recordLine;
    ok = false;
  }
  Object.assign(s, { line, recordLine, recordBytes, fields, extraContent, content, atFieldStart, inQuotes, quotePending, crPending, quoteLine });
  return ok;
}

/**
 * Scan `path` from byte `skip` with the given delimiter. `headerWidth` is the number of header cells up to the last
 * non-empty one: a record with fewer fields, or with content beyond the header's cells, is reported in `badFieldCounts`.
 */
export async function scanRecords(path: string, skip: number, delimiter: string, headerWidth: number): Promise<RecordMap> {
  const special = new Uint8Array(256);
  const delim = delimiter.charCodeAt(0);
  for (const c of [QUOTE, LF, CR, delim]) special[c] = 1;
  const s: State = {
    delim, headerWidth, special, records: 0, blankLines: 0, maxFields: 0, quotedNewlines: false, maybeBlankRows: false, line: 1, recordLine: 1, recordBytes: 0,
    fields: 1, extraContent: false, content: false, atFieldStart: true, inQuotes: false, quotePending: false, crPending: false, quoteLine: 0,
    tooLongLine: null, textAfterQuoteLine: null, endings: 0, badFieldCounts: [], at: [0], lineShift: [0], rowShift: [0],
  };
  let first = true;
  for await (const raw of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = first && skip ? raw.subarray(skip) : raw;
    first = false;
    if (!scanChunk(s, buf)) break;
  }
  if (s.quotePending) s.inQuotes = false;
  if (s.crPending && !s.inQuotes) s.endings |= 4;
  const unterminatedQuoteLine = s.inQuotes && s.tooLongLine === null ? s.quoteLine : null;
  if (s.recordBytes > 0 && !s.inQuotes && s.tooLongLine === null) endRecord(s, s.recordBytes, s.fields, s.extraContent, s.content, s.recordLine);

  const { at, lineShift, rowShift } = s;
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
    records: s.records,
    blankLines: s.blankLines,
    maxFields: s.maxFields,
    quotedNewlines: s.quotedNewlines,
    maybeBlankRows: s.maybeBlankRows,
    badFieldCounts: s.badFieldCounts,
    unterminatedQuoteLine,
    tooLongLine: s.tooLongLine,
    textAfterQuoteLine: s.textAfterQuoteLine,
    lineEndings: (['lf', 'crlf', 'cr'] as const).filter((_, i) => (s.endings & (1 << i)) !== 0),
    lineOf: (index) => index + 1 + (lineShift[find(index)] as number),
    excelRowOf: (index) => index + 1 + (rowShift[find(index)] as number),
  };
}

/**
 * The map as seen after dropping the first `k` records (blank rows above the header): record `i` is the old `i + k`,
 * and the dropped records count as blank lines.
 */
export function skipRecords(map: RecordMap, k: number): RecordMap {
  return {
    ...map,
    records: map.records - k,
    blankLines: map.blankLines + k,
    badFieldCounts: map.badFieldCounts.filter(([i]) => i > k).map(([i, n]): [number, number] => [i - k, n]),
    lineOf: (index) => map.lineOf(index + k),
    excelRowOf: (index) => map.excelRowOf(index + k),
  };
}
