// The words measures are described in: units, which way is better, the windows figures count over. Declared once as
// zod, below everything that uses them: the catalogue describes measures in them, the report's JSON carries them.
import { z } from 'zod';

export const Unit = z.enum(['count', 'percent', 'days', 'gbp', 'months', 'fte', 'score', 'rate']).meta({
  id: 'Unit',
  description:
    'count: records; percent: 0–100 with one decimal; days: calendar days (one decimal); gbp: pounds, exact to the penny; months; fte: full-time equivalent staff; score: outcome score points; rate: per month (arrivals) or allocations per FTE per month',
});
export type Unit = z.infer<typeof Unit>;

export const Direction = z.enum(['higher', 'lower']).meta({ id: 'Direction', description: 'Which way is better: a higher or a lower value.' });
export type Direction = z.infer<typeof Direction>;

const isoDate = z.iso.date();

/** The period a figure counts over, dates inclusive. */
export const FigureWindow = z
  .strictObject({
    kind: z.enum(['month', 'twelve_months', 'financial_year', 'last_three_months', 'as_at']).meta({
      description:
        'month: the reporting month (or one month of a trend); twelve_months: the month and the eleven before it; financial_year: 1 April of the financial year containing the month end, to the month end; last_three_months: the month and the two before it; as_at: a position on one day (start = end)',
    }),
    start: isoDate,
    end: isoDate,
    financialYear: z.string().regex(/^\d{4}-\d{2}$/).optional().meta({ description: 'Financial-year figures only: the year, e.g. 2026-27 (1 April 2026 to 31 March 2027).' }),
  })
  .meta({ id: 'FigureWindow', description: 'The dates a figure counts over, both inclusive.' });
export type FigureWindow = z.infer<typeof FigureWindow>;

