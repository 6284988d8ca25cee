// parse (dialect): which delimiter the file uses — comma, semicolon, tab or pipe — and its header row as written.
import { parse } from 'csv-parse/sync';

export const delimiters = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiters)[number];

export interface Dialect {
  delimiter: Delimiter;
  /** The header row's cells as written (not trimmed). */
  header: string[];
  /** Records before the header that are blank but for white space or delimiters (Excel's empty rows above a table). */
  leadingBlankRecords: number;
}

/** LF, CRLF and CR all end a line, in any mix (csv-parse would otherwise take the first one it meets as the only one). */
const recordDelimiter = ['\r\n', '\n', '\r'];
const lastBreak = (s: string) => Math.max(s.lastIndexOf('\n'), s.lastIndexOf('\r'));
const firstBreak = (s: string) => s.search(/[\r\n]/);

/** Parse the first records of `text` with one delimiter; tolerant, as the head may end mid-record. */
function sample(text: string, delimiter: string): string[][] {
  const cut = text.length >= 60_000 ? text.slice(0, lastBreak(text) + 1) : text;
  for (const chunk of [cut, cut.slice(0, Math.max(0, firstBreak(cut)) || cut.length)]) {
    try {
      const rows: string[][] = parse(chunk, { delimiter, record_delimiter: recordDelimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: 50 });
      return rows;
    } catch {
      // an unterminated quote in the sample: try the first line alone
    }
  }
  return [];
}

const width = (row: string[]) => {
  let n = row.length;
  while (n > 0 && (row[n - 1] ?? '').trim() === '') n--;
  return n;
};

/**
 * Choose the delimiter under which the header has the most columns and the rows agree with it.
 * Returns undefined when no delimiter gives a header of two or more columns.
 */
export function sniffDialect(headText: string): Dialect | undefined {
  let best: { score: number; dialect: Dialect } | undefined;
  for (const delimiter of delimiters) {
    const all = sample(headText, delimiter);
    const leadingBlankRecords = all.findIndex((r) => r.some((c) => c.trim() !== ''));
    if (leadingBlankRecords < 0) continue;
    const rows = all.slice(leadingBlankRecords);
    const header = rows[0];
    if (!header) continue;
    const w = width(header);
    if (w < 2) continue;
    const data = rows.slice(1).filter((r) => width(r) > 0);
    const agree = data.length ? data.filter((r) => width(r) <= header.length && r.length >= w).length / data.length : 1;
    const score = w * (0.5 + agree);
    if (!best || score > best.score) best = { score, dialect: { delimiter, header, leadingBlankRecords } };
  }
  return best?.dialect;
}
