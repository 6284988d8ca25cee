// What every simulated dataset shares: the partner it belongs to, the snapshot window, and the canonical row shape.
import { iso, monthEnd, monthStart, pad, weekday, type Day } from '../days.js';
import type { Rng } from '../random.js';

/** The facts about a partner the simulation needs (its file habits live in ../partners.ts). */
export interface PartnerSize {
  code: string;
  /** Two-letter id prefix: `NM` gives `NM-C-00123`. */
  prefix: string;
  /** Relative size: 1.0 is an average partner; the five add up to 5. */
  scale: number;
}

/** A row in canonical form: field → ISO date, code, number as text, or '' when empty. */
export type Row = Record<string, string>;

/** A snapshot as at the end of `period` holds every record open at any time in the 12 months to that day, or still open. */
export interface Window {
  period: string;
  end: Day;
  start: Day;
}

export const windowOf = (period: string): Window => ({ period, end: monthEnd(period), start: monthStart(period, -11) });

/** Whether a record that began on `began` and closed on `closed` belongs in the snapshot. */
export const inWindow = (w: Window, began: Day, closed: Day | null): boolean => began <= w.end && (closed === null || closed >= w.start);

/** A date as the snapshot shows it: events after the snapshot day have not happened yet. */
export const shown = (w: Window, d: Day | null): string => (d !== null && d <= w.end ? iso(d) : '');

export const known = (w: Window, d: Day | null): d is Day => d !== null && d <= w.end;

export const idOf = (prefix: string, kind: string, n: number): string => `${prefix}-${kind}-${pad(n, 5)}`;

/** The next working day on or after `d` (referrals, panels and allocations happen on weekdays). */
export function workday(d: Day): Day {
  const w = weekday(d);
  return w === 6 ? d + 2 : w === 0 ? d + 1 : d;
}

/** Calls `each(day)` once per arrival on weekdays from `from` to `to`, at `perMonth` arrivals a month on average. */
export function arrivals(rng: Rng, from: Day, to: Day, perMonth: number, each: (d: Day) => void): void {
  const perWeekday = (perMonth * 12) / 261;
  for (let d = from; d <= to; d++) {
    const w = weekday(d);
    if (w === 0 || w === 6) continue;
    const n = rng.poisson(perWeekday);
    for (let i = 0; i < n; i++) each(d);
  }
}

/** DfE ethnicity codes, weighted roughly as among children adopted in England. */
export const ethnicityWeights = {
  WBRI: 72, WIRI: 1, WIRT: 0.5, WOTH: 4, WROM: 1, MWBC: 4, MWBA: 1.5, MWAS: 2, MOTH: 3.5, AIND: 0.8, APKN: 1.2, ABAN: 0.6,
  AOTH: 0.8, BCRB: 1.2, BAFR: 1.8, BOTH: 0.8, CHNE: 0.2, OOTH: 1.2, REFU: 0.4, NOBT: 0.5,
} as const;
