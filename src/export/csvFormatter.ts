// How a value of a DuckDB column (as Database.streamColumns gives it) is written in a CSV cell for spreadsheets.
import { neutraliseFormula } from './csvCell.js';

export type CsvFormatter = (value: unknown) => string;

/** Separator of list items within one cell (the data specification's separator for code lists). */
export const csvListSeparator = ';';

/**
 * The cell text for values of `duckdbType`: NULL → empty; VARCHAR → the text through `neutraliseFormula`; DATE →
 * `YYYY-MM-DD`; TIMESTAMP → `YYYY-MM-DD HH:MM:SS[.ffffff]`; DECIMAL(p,s) → exactly s decimals; BOOLEAN →
 * `true`/`false`; numbers as JavaScript writes them; a list → its items joined with `;`, the whole cell neutralised
 * (an empty list and NULL are both an empty cell). Numbers are not neutralised: a negative number stays a number.
 */
export function csvFormatter(duckdbType: string): CsvFormatter {
  if (duckdbType.endsWith('[]')) {
    const item = plainFormatter(duckdbType.slice(0, -2));
    return (v) => (v === null || v === undefined ? '' : neutraliseFormula((v as unknown[]).map(item).join(csvListSeparator)));
  }
  if (duckdbType === 'VARCHAR') return (v) => (v === null || v === undefined ? '' : neutraliseFormula(v as string));
  return plainFormatter(duckdbType);
}

/** The value's text without neutralising (list items are neutralised as one cell). */
function plainFormatter(duckdbType: string): CsvFormatter {
  const decimal = /^DECIMAL\(\d+,(\d+)\)$/.exec(duckdbType);
  const format: CsvFormatter =
    decimal ? (v) => (v as number).toFixed(Number(decimal[1]))
    : duckdbType === 'DATE' ? (v) => isoDate(v as number)
    : duckdbType === 'TIMESTAMP' ? (v) => isoTimestamp(v as bigint)
    : (v) => scalarText(v as string | number | bigint | boolean);
  return (v) => (v === null || v === undefined ? '' : format(v));
}

const scalarText = (v: string | number | bigint | boolean): string => String(v);

const msPerDay = 86_400_000;

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function isoDate(days: number): string {
  return new Date(days * msPerDay).toISOString().slice(0, 10);
}

/** Microseconds since the epoch → `YYYY-MM-DD HH:MM:SS[.ffffff]`, the fraction without trailing zeros, as DuckDB writes it. */
export function isoTimestamp(micros: bigint): string {
  let seconds = micros / 1_000_000n;
  let fraction = micros % 1_000_000n;
  if (fraction < 0n) {
    fraction += 1_000_000n;
    seconds -= 1n;
  }
  const iso = new Date(Number(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === 0n ? '' : `.${fraction.toString().padStart(6, '0').replace(/0+$/, '')}`}`;
}
