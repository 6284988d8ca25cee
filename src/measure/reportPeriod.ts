// The dates a reporting month M defines (docs/measures.md): E, the first day of W12, the start of FY, the months of W12; and the months with data.
import { UsageError } from '../errors/RaaError.js';
import { monthEnd, monthParts } from '../period/month.js';
import type { Database } from '../warehouse/Database.js';
import { periodsWithData } from '../warehouse/ledger.js';

export interface ReportPeriod {
  /** `YYYY-MM`. */
  period: string;
  /** First day of M, `yyyy-mm-dd`. */
  monthStart: string;
  /** E: the last day of M. */
  end: string;
  /** First day of W12 (the first day of the 11th month before M). */
  w12Start: string;
  /** 1 April of the financial year containing E. */
  fyStart: string;
  /** The twelve months of W12, oldest first, `YYYY-MM`. */
  months: string[];
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

export function reportPeriod(period: string): ReportPeriod {
  const { year: y, month: mo } = monthParts(period);
  const months = Array.from({ length: 12 }, (_, i) => iso(y, mo - 11 + i, 1).slice(0, 7));
  return {
    period,
    monthStart: iso(y, mo, 1),
    end: monthEnd(period),
    w12Start: iso(y, mo - 11, 1),
    fyStart: iso(mo >= 4 ? y : y - 1, 4, 1),
    months,
  };
}

/** Asked for a month with no loaded submission: the message lists the months that have data. */
export class NoDataForPeriodError extends UsageError {
  constructor(readonly period: string, readonly available: readonly string[]) {
    super(
      available.length === 0
        ? `no data for ${period}: the warehouse has no loaded submissions yet; load some first (raa load or raa run)`
        : `no data for ${period}: the warehouse has loaded submissions for ${available.join(', ')}; choose one of these with --period`,
    );
  }
}

/** Months (`YYYY-MM`, oldest first) with at least one loaded submission. */
export async function availablePeriods(db: Database): Promise<string[]> {
  return periodsWithData(db);
}
