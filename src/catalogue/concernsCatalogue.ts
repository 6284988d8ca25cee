// Issues of concern measures (NMS 25.7), from the `concerns` extract.
import type { BreakdownDefinition, MeasureDefinition } from './MeasureDefinition.js';

const categories = 'the concern category code list of the data specification';
const byCategory = (total: string): BreakdownDefinition => ({ title: 'by category', categories, window: 'twelve_months', total });

export const concernsCatalogue: readonly MeasureDefinition[] = [
  {
    id: 'concerns.raised', title: 'Issues of concern raised', standard: '25.7',
    definition: 'Issues of concern raised with or identified by the agency and its partner councils, by source and by category.',
    window: 'Date raised in the month (count) or in the twelve months ending with it (count_w12 and the breakdowns).',
    datasets: ['concerns'], headline: 'count',
    figures: {
      count: { title: 'raised in the month', unit: 'count', window: 'month' },
      count_w12: { title: 'raised in the twelve months', unit: 'count', window: 'twelve_months' },
    },
    breakdowns: {
      by_source: { title: 'by source', categories: 'the concern source code list of the data specification', window: 'twelve_months', total: 'count_w12' },
      by_category: byCategory('count_w12'),
    },
    trends: { count: { points: 'month', total: 'count_w12' } },
  },
  {
    id: 'concerns.action_on_time', title: 'Action agreed promptly', standard: '25.7',
    definition: 'The share of concerns with action agreed within {days} days of being raised.',
    numerator: 'concerns with an action agreed on or before the date raised + {days} days',
    denominator: 'concerns raised in the twelve months, at least {days} days before the month end',
    window: 'Date raised in the twelve months ending with the month, and at least {days} days before its last day, so every concern counted has had its full time.',
    datasets: ['concerns'], headline: 'on_time',
    target: { kind: 'share', days: 10, green: 90, amber: 75 },
    figures: { on_time: { title: 'action agreed within {days} days', unit: 'percent', direction: 'higher', window: 'twelve_months', endsBeforeTimeLimit: true, judged: true, timeLimit: 'target' } },
  },
  {
    id: 'concerns.unactioned', title: 'Concerns with no action agreed', standard: '25.7',
    definition: 'Concerns open on the last day of the month with no action agreed, raised more than {days} days before.',
    window: 'A position on the last day of the month: raised by then, not closed and no action agreed by then.',
    datasets: ['concerns'], headline: 'count',
    targetFrom: 'concerns.action_on_time',
    figures: { count: { title: 'no action agreed after {days} days', unit: 'count', direction: 'lower', window: 'as_at', timeLimit: 'target' } },
    evidence: { title: 'Concerns with no action agreed', columns: ['concern_id', 'partner', 'severity', 'days_since_raised'] },
  },
  {
    id: 'concerns.overdue_actions', title: 'Overdue actions', standard: '25.7',
    definition: 'Agreed actions due before the last day of the month and not completed by it, by severity of the concern.',
    window: 'A position on the last day of the month.',
    datasets: ['concerns'], headline: 'count',
    figures: { count: { title: 'overdue actions', unit: 'count', direction: 'lower', window: 'as_at' } },
    breakdowns: { by_severity: { title: 'by severity', categories: 'the concern severity code list of the data specification', window: 'as_at', total: 'count' } },
    evidence: { title: 'Overdue actions', columns: ['concern_id', 'partner', 'severity', 'days_overdue'] },
  },
  {
    id: 'concerns.time_to_close', title: 'Time to close', standard: '25.7',
    definition: 'For concerns closed, the median days from being raised to being closed; and how they were closed, by outcome.',
    denominator: 'concerns closed in the twelve months',
    window: 'Date closed in the twelve months ending with the month.',
    datasets: ['concerns'], headline: 'median_days',
    figures: {
      median_days: { title: 'median days to close', unit: 'days', direction: 'lower', window: 'twelve_months' },
      closed: { title: 'closed', unit: 'count', window: 'twelve_months' },
    },
    breakdowns: { by_outcome: { title: 'by outcome', categories: 'the concern outcome code list of the data specification, and not_recorded', window: 'twelve_months', total: 'closed' } },
  },
  {
    id: 'concerns.learning_loop', title: 'Learning fed back', standard: '25.7',
    definition: 'Of the concerns closed as upheld or partially upheld, the share whose learning was fed back into the service; and where it went.',
    numerator: 'those with a learning destination other than "none"',
    denominator: 'concerns closed in the twelve months as upheld or partially upheld',
    window: 'Date closed in the twelve months ending with the month.',
    datasets: ['concerns'], headline: 'fed_back',
    figures: { fed_back: { title: 'learning fed back', unit: 'percent', direction: 'higher', window: 'twelve_months' } },
    breakdowns: {
      by_destination: {
        title: 'by destination', categories: 'the learning destination code list of the data specification, except none', window: 'twelve_months',
        total: null, why: "one concern's learning may go to several destinations",
      },
    },
  },
  {
    id: 'concerns.regional_themes', title: 'Recurring themes across partners', standard: '25.7',
    definition: 'Themes: categories with at least 3 concerns raised in the twelve months, from at least 2 partners. For a partner, the themes it has concerns in.',
    window: 'Date raised in the twelve months ending with the month.',
    datasets: ['concerns'], headline: 'themes',
    figures: {
      themes: { title: 'recurring themes', unit: 'count', window: 'twelve_months' },
      concerns_in_themes: { title: 'concerns in those themes', unit: 'count', window: 'twelve_months' },
    },
    breakdowns: { by_category: { ...byCategory('concerns_in_themes'), categories: 'the categories that are regional themes this month' } },
  },
  {
    id: 'concerns.case_review_findings', title: 'What case reviews found', standard: '25.7',
    definition: 'Concerns that came from case reviews and disruption reviews, by category.',
    window: 'Date raised in the twelve months ending with the month.',
    datasets: ['concerns'], headline: 'count',
    figures: { count: { title: 'from case and disruption reviews', unit: 'count', window: 'twelve_months' } },
    breakdowns: { by_category: byCategory('count') },
  },
];
