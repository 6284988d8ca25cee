// Reporting months (`YYYY-MM`): the one pattern every command, folder name and query checks them with, and their last day.

/** A reporting month, `YYYY-MM` with a month 01–12. */
export const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (s: string): boolean => monthPattern.test(s);

/** Year and month (1–12) of a `YYYY-MM`; throws on anything else. */
export function monthParts(period: string): { year: number; month: number } {
  const m = monthPattern.exec(period);
  if (!m) throw new Error(`period "${period}": expected a month as YYYY-MM, e.g. 2026-10`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

/** E: the last day of the month, `yyyy-mm-dd`. */
export function monthEnd(period: string): string {
  const { year, month } = monthParts(period);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}
