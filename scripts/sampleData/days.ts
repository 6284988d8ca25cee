// Dates as whole days since 1970-01-01 (UTC): plain integers for the simulation, ISO text at the edges.

export type Day = number;
const MS = 86_400_000;

export const day = (iso: string): Day => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS;

export function iso(d: Day): string {
  const t = new Date(d * MS);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (d: Day): number => (d + 4) % 7;

/** The last day of a `YYYY-MM` month. */
export const monthEnd = (period: string): Day => Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0) / MS;

/** The first day of the month `n` months after (or before) the month of `period`. */
export function monthStart(period: string, n = 0): Day {
  return Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1 + n, 1) / MS;
}

/** `YYYY-MM` of a day. */
export const monthOf = (d: Day): string => iso(d).slice(0, 7);

/** Whole years from `dob` to `at` (an age). */
export function yearsBetween(dob: Day, at: Day): number {
  const [a, b] = [iso(dob), iso(at)];
  let years = Number(b.slice(0, 4)) - Number(a.slice(0, 4));
  if (b.slice(5) < a.slice(5)) years--;
  return years;
}
