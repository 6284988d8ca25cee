// Adopter recruitment measures (NMS 26.4), from the `adopters` extract.
import type { FigureDefinition, MeasureDefinition } from './MeasureDefinition.js';

/** An on-time share over a fixed statutory time limit; only the RAG thresholds are configurable. */
const onTime = (title: string, months: number): Record<string, FigureDefinition> => ({
  on_time: { title, unit: 'percent', direction: 'higher', window: 'twelve_months', judged: true, timeLimit: { value: months, unit: 'months' } },
});
const months = 'Adding months to a date keeps the day, or the month\'s last day when it has fewer (31 December + 2 months = 28 or 29 February).';

export const adoptersCatalogue: readonly MeasureDefinition[] = [
  {
    id: 'adopters.flow', title: 'Enquiries, Stage 1 starts and approvals', standard: '26.4',
    definition: 'Enquiries from prospective adopters, Stage 1 assessments started, and adopters approved.',
    window: 'Enquiry date, Stage 1 start date and approval date in the month (enquiries, stage1_starts, approvals) or in the twelve months ending with it (the _w12 figures).',
    datasets: ['adopters'], headline: 'approvals',
    figures: {
      enquiries: { title: 'enquiries in the month', unit: 'count', direction: 'higher', window: 'month' },
      enquiries_w12: { title: 'enquiries in the twelve months', unit: 'count', direction: 'higher', window: 'twelve_months' },
      stage1_starts: { title: 'Stage 1 starts in the month', unit: 'count', direction: 'higher', window: 'month' },
      stage1_starts_w12: { title: 'Stage 1 starts in the twelve months', unit: 'count', direction: 'higher', window: 'twelve_months' },
      approvals: { title: 'approvals in the month', unit: 'count', direction: 'higher', window: 'month' },
      approvals_w12: { title: 'approvals in the twelve months', unit: 'count', direction: 'higher', window: 'twelve_months' },
    },
    trends: {
      enquiries: { points: 'month', total: 'enquiries_w12' },
      stage1_starts: { points: 'month', total: 'stage1_starts_w12' },
      approvals: { points: 'month', total: 'approvals_w12' },
    },
  },
  {
    id: 'adopters.stage1_on_time', title: 'Stage 1 within 2 months', standard: '26.4',
    definition: 'The share of Stage 1 assessments completed within 2 months of starting.',
    numerator: 'Stage 1 assessments ended in the twelve months on or before start + 2 months',
    denominator: 'Stage 1 assessments ended in the twelve months',
    window: `Stage 1 end date in the twelve months ending with the month. ${months}`,
    exclusions: 'Records with no Stage 1 start date are left out, and counted as excluded.',
    datasets: ['adopters'], headline: 'on_time',
    target: { kind: 'share', green: 80, amber: 60 },
    figures: onTime('Stage 1 within 2 months', 2),
  },
  {
    id: 'adopters.stage2_on_time', title: 'Stage 2 within 4 months', standard: '26.4',
    definition: 'The share of Stage 2 assessments completed within 4 months of starting.',
    numerator: 'Stage 2 assessments ended in the twelve months on or before start + 4 months',
    denominator: 'Stage 2 assessments ended in the twelve months',
    window: `Stage 2 end date in the twelve months ending with the month. ${months}`,
    exclusions: 'Records with no Stage 2 start date are left out, and counted as excluded.',
    datasets: ['adopters'], headline: 'on_time',
    target: { kind: 'share', green: 80, amber: 60 },
    figures: onTime('Stage 2 within 4 months', 4),
  },
  {
    id: 'adopters.approved_within_6m', title: 'Approved within 6 months of starting Stage 1', standard: '26.4',
    definition: 'The share of adopters approved within 6 months of starting Stage 1.',
    numerator: 'adopters approved in the twelve months on or before their Stage 1 start + 6 months',
    denominator: 'adopters approved in the twelve months',
    window: `Approval date in the twelve months ending with the month. ${months}`,
    exclusions: 'Records with no Stage 1 start date are left out, and counted as excluded.',
    datasets: ['adopters'], headline: 'on_time',
    target: { kind: 'share', green: 80, amber: 60 },
    figures: onTime('approved within 6 months', 6),
  },
  {
    id: 'adopters.waiting', title: 'Approved adopters waiting', standard: '26.4',
    definition: 'Approved adopters not yet matched with a child and still in the process, on the last day of the month; and of those, how many have waited over 3 months since approval.',
    window: 'A position on the last day of the month: approved by then, not matched and not left by then.',
    datasets: ['adopters'], headline: 'count',
    figures: {
      count: { title: 'approved adopters waiting', unit: 'count', window: 'as_at' },
      over_3_months: { title: 'waiting over 3 months', unit: 'count', direction: 'lower', window: 'as_at', timeLimit: { value: 3, unit: 'months' } },
    },
  },
  {
    id: 'adopters.matched_within_3m', title: 'Matched within 3 months of approval', standard: '26.4',
    definition: 'The share of adopters matched with a child within 3 months of approval.',
    numerator: 'adopters matched in the twelve months on or before approval + 3 months',
    denominator: 'adopters matched in the twelve months',
    window: `Match date in the twelve months ending with the month. ${months}`,
    exclusions: 'Records with no approval date are left out, and counted as excluded.',
    datasets: ['adopters'], headline: 'on_time',
    target: { kind: 'share', green: 80, amber: 60 },
    figures: onTime('matched within 3 months', 3),
  },
  {
    id: 'adopters.left', title: 'Left the process', standard: '26.4',
    definition: 'Prospective adopters who left the process, by the reason recorded.',
    window: 'Date left in the twelve months ending with the month.',
    datasets: ['adopters'], headline: 'count',
    figures: { count: { title: 'left the process', unit: 'count', window: 'twelve_months' } },
    breakdowns: { by_left_reason: { title: 'by reason for leaving', categories: 'the left reason code list of the data specification, and not_recorded', window: 'twelve_months', total: 'count' } },
  },
];
