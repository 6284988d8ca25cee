// How every measure is computed, in plain words: the method paragraph of docs/measures.md and of each report's
// "Definitions and method" section.

export const methodNotes: readonly string[] = [
  'Each report is for one month. Its month end is the month’s last day; the twelve months are the month and the eleven before it; the financial year runs from 1 April of the year containing the month end, to the month end. A date is “by” a day when it is present and on or before it.',
  'Days are calendar days (later date minus earlier date). Medians and percentiles are continuous (interpolated). Adding months to a date keeps the day, or the month’s last day when it has fewer.',
  'Each figure is computed for every partner and for the region, from each partner’s current (newest accepted) submission for the month. The region is the union of the partners’ records, never an average of averages.',
  'A partner with no accepted file of a dataset a measure needs is “not submitted” for that measure (never zero), and the region says which partners it leaves out. Nothing is carried forward.',
  'A rate is numerator ÷ denominator as a percentage with one decimal; with a zero denominator it is “no cases”, never 0%; so is a median, mean or percentile over no records. Records lacking a date a figure needs are left out of its denominator and counted as excluded. Money is exact to the penny.',
];
