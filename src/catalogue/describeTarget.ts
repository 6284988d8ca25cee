// Words for a measure's target, a figure's unit, direction and window: shared by docs/measures.md and each report's
// definitions section, so the two say the same thing.
import type { Direction, Unit } from './vocabulary.js';
import type { MeasureDefinition, TargetNumbers, WindowKind } from './catalogue.js';

export const unitText: Record<Unit, string> = {
  count: 'number',
  percent: 'per cent (one decimal)',
  days: 'days (one decimal)',
  gbp: '£, exact to the penny',
  months: 'months',
  fte: 'full-time equivalent staff',
  score: 'score points',
  rate: 'per month',
};

export const windowText: Record<WindowKind, string> = {
  month: 'the month',
  twelve_months: 'the twelve months to the month end',
  financial_year: 'the financial year to the month end',
  last_three_months: 'the last three months',
  as_at: 'on the month’s last day',
};

export const directionText = (d: Direction | undefined): string => (d === 'higher' ? 'higher is better' : d === 'lower' ? 'lower is better' : 'neither');

/** The target in force in words, e.g. "green at or above 80%, amber at or above 60%, else red", or undefined when none. */
export function describeTarget(m: MeasureDefinition, t: TargetNumbers | undefined): string | undefined {
  if (!m.target || !t) return undefined;
  switch (m.target.kind) {
    case 'share':
      return `green at or above ${t.green}%, amber at or above ${t.amber}%, else red`;
    case 'lower_share':
      return `green at or under ${t.green}%, amber at or under ${t.amber}%, else red`;
    case 'ceiling':
      return `green at or under ${t.days} days, else red (no amber band)`;
    case 'horizon':
      return `clear the backlog within ${t.horizonMonths} months (not a RAG rating)`;
  }
}
