// Children measures (NMS 26.4), from the `children` extract.
import type { MeasureDefinition } from './MeasureDefinition.js';

export const childrenCatalogue: readonly MeasureDefinition[] = [
  {
    id: 'children.waiting', title: 'Children waiting', standard: '26.4',
    definition: 'Children with a decision that they should be adopted who have not yet moved in with an adoptive family, on the last day of the month; of those, how many have a placement order, and how many have had one for over 90 days with no match.',
    window: 'A position on the last day of the month: decision by then; not placed, reversed or adopted by then.',
    datasets: ['children'], headline: 'count',
    figures: {
      count: { title: 'children waiting', unit: 'count', direction: 'lower', window: 'as_at' },
      with_placement_order: { title: 'with a placement order', unit: 'count', window: 'as_at' },
      placement_order_over_90_days_no_match: { title: 'placement order over 90 days, no match', unit: 'count', direction: 'lower', window: 'as_at', timeLimit: { value: 90, unit: 'days' } },
    },
    evidence: { title: 'Children waiting over 90 days since placement order with no match', columns: ['child_id', 'partner', 'days_since_placement_order'] },
  },
  {
    id: 'children.a10', title: 'A10: entering care to moving in with the adoptive family', standard: '26.4',
    definition: 'For children adopted, the mean days from entering care to moving in with the adoptive family (the earlier of the placement date and the fostering-for-adoption placement date). Green at or under {days} days, else red.',
    denominator: 'children with an adoption order in the twelve months',
    window: 'Adoption order date in the twelve months ending with the month.',
    exclusions: 'Children with no date entered care or no placement date are left out, and counted as excluded.',
    datasets: ['children'], headline: 'mean_days',
    target: { kind: 'ceiling', days: 426 },
    figures: { mean_days: { title: 'mean days', unit: 'days', direction: 'lower', window: 'twelve_months', judged: true } },
  },
  {
    id: 'children.a2', title: 'A2: placement order to match', standard: '26.4',
    definition: 'For children matched, the mean days from placement order to match (a match before the order counts as 0 days). Green at or under {days} days, else red.',
    denominator: 'children matched in the twelve months who have a placement order',
    window: 'Match date in the twelve months ending with the month.',
    exclusions: 'Children matched without a placement order are not counted.',
    datasets: ['children'], headline: 'mean_days',
    target: { kind: 'ceiling', days: 121 },
    figures: { mean_days: { title: 'mean days', unit: 'days', direction: 'lower', window: 'twelve_months', judged: true } },
  },
  {
    id: 'children.matched', title: 'Children matched', standard: '26.4',
    definition: 'Children matched with prospective adopters.',
    window: 'Date of matching in the month (count) or in the twelve months ending with it (count_w12).',
    datasets: ['children'], headline: 'count',
    figures: {
      count: { title: 'matched in the month', unit: 'count', direction: 'higher', window: 'month' },
      count_w12: { title: 'matched in the twelve months', unit: 'count', direction: 'higher', window: 'twelve_months' },
    },
    trends: { count: { points: 'month', total: 'count_w12' } },
  },
  {
    id: 'children.placed', title: 'Placements and adoption orders', standard: '26.4',
    definition: 'Children placed with adoptive families, and adoption orders made.',
    window: 'Placement date, and adoption order date, in the twelve months ending with the month.',
    datasets: ['children'], headline: 'placed',
    figures: {
      placed: { title: 'placed', unit: 'count', direction: 'higher', window: 'twelve_months' },
      adoption_orders: { title: 'adoption orders', unit: 'count', direction: 'higher', window: 'twelve_months' },
    },
  },
  {
    id: 'children.reversals', title: 'Decisions reversed, and disruptions', standard: '26.4',
    definition: 'Decisions for adoption reversed, by reason; of those, disruptions: reversals after the child had moved in.',
    window: 'Reversal date in the twelve months ending with the month.',
    datasets: ['children'], headline: 'count',
    figures: {
      count: { title: 'decisions reversed', unit: 'count', window: 'twelve_months' },
      disruptions: { title: 'disruptions', unit: 'count', direction: 'lower', window: 'twelve_months' },
    },
    breakdowns: { by_reversal_reason: { title: 'by reason', categories: 'the reversal reason code list of the data specification, and not_recorded', window: 'twelve_months', total: 'count' } },
  },
];
