// A workbook cell as the text a CSV export of it would hold, so that the CSV checks read it the same way: dates as
// ISO dates, numbers as Excel shows them (15 significant digits: no 0.30000000000000004), formulas as their cached
// value, rich text as its text, errors as Excel writes them (#N/A), which the checks then reject with the cell named.

/** What exceljs gives for a cell's value (the shapes its reader produces). */
export type CellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { richText: { text: string }[] }
  | { text: string; hyperlink?: string }
  | { error: string }
  | { formula?: string; sharedFormula?: string; result?: CellValue };

export interface CellText {
  text: string;
  /** A formula saved without its value (written by a program that does not calculate): there is nothing to read. */
  noCachedValue?: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date cell: the day alone when it has no time of day (the usual case), else the date and time to the second. */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  // exceljs builds the date from Excel's day number at UTC; rounding to the second absorbs the float in that number.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const day = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const time = t.getUTCHours() * 3600 + t.getUTCMinutes() * 60 + t.getUTCSeconds();
  return time === 0 ? day : `${day} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** A number as Excel displays it in General format: at most 15 significant digits, no exponent for ordinary sizes. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Excel's day number → date (1900 system: day 1 is 1900-01-01, with the 29 February 1900 Excel counts; or 1904). */
export function excelDay(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * The text of one cell. `dateFormat`: the cell's number format shows a date, so a number (as a formula's result is
 * given) is a day number.
 */
export function cellText(value: CellValue, dateFormat: boolean, date1904: boolean): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: dateFormat ? isoDate(excelDay(value, date1904)) : numberText(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: isoDate(value) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text ?? '').join('') };
  if ('error' in value) return { text: value.error };
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    if (!('result' in value) || value.result === undefined) return { text: '', noCachedValue: true };
    if (typeof value.result === 'number' && Number.isNaN(value.result)) return { text: '', noCachedValue: true };
    return cellText(value.result, dateFormat, date1904);
  }
  if ('text' in value) return { text: String(value.text ?? '') };
  // A shape exceljs has not been seen to give: its content as JSON rather than "[object Object]".
  return { text: JSON.stringify(value) };
}

/** Whether a number format shows a date or time (as Excel decides: a y, m, d, h or s outside quotes and brackets). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare);
}
