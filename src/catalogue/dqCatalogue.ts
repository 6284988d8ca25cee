// Data quality and compliance measures (NMS 26.4), from the submission ledger rather than any extract's rows.
import type { BreakdownDefinition, FigureDefinition, MeasureDefinition } from './MeasureDefinition.js';

const files = (title: string, direction?: 'lower'): FigureDefinition => ({ title, unit: 'count', window: 'month', ...(direction ? { direction } : {}) });
const byDataset = (title: string, total: string | null): BreakdownDefinition => ({
  title,
  categories: 'the datasets of the data specification',
  window: 'month',
  total,
  ...(total === null ? { why: 'it counts files per dataset, and no figure counts files in all' } : {}),
});

export const dqCatalogue: readonly MeasureDefinition[] = [
  {
    id: 'dq.submission', title: 'What each partner sent', standard: '26.4',
    definition:
      'For each partner and dataset, the extract for the month: on time or late (due by the due day of the next month set in the pipeline file, judged on the first file received: when it arrived in the inbox, from its modification time unless the inbox manifest records it), missing (no accepted file of a required dataset; workforce is optional), resubmitted (more than one file received), and the rows read, loaded, rejected and blank (read = loaded + rejected + blank) and the warnings of the file in effect.',
    window: 'The extracts for the month, whenever they arrived.',
    datasets: [], headline: 'missing',
    figures: {
      on_time: files('extracts on time'),
      late: files('extracts late', 'lower'),
      missing: files('required extracts missing', 'lower'),
      resubmitted: files('extracts resubmitted', 'lower'),
      rows_read: files('rows read'),
      rows_loaded: files('rows loaded'),
      rows_rejected: files('rows rejected', 'lower'),
      rows_blank: files('blank rows (read, neither loaded nor rejected: rows read = loaded + rejected + blank)'),
      warnings: files('warnings', 'lower'),
    },
    breakdowns: {
      rows_read: byDataset('rows read by dataset', 'rows_read'),
      rows_loaded: byDataset('rows loaded by dataset', 'rows_loaded'),
      rows_rejected: byDataset('rows rejected by dataset', 'rows_rejected'),
      rows_blank: byDataset('blank rows by dataset', 'rows_blank'),
      warnings: byDataset('warnings by dataset', 'warnings'),
      versions: byDataset('files received by dataset', null),
    },
    labels: {
      state: 'per dataset: loaded, missing, not_sent (optional and not sent), or the status of the newest file (held, rejected)',
      timeliness: 'per dataset: on_time, late or none',
    },
  },
  {
    id: 'dq.not_known', title: 'Characteristics not known', standard: '26.4',
    definition:
      "The characteristics (gender, ethnicity, disability and, for adopters, fostering for adoption) that the records of each partner's children's and adopters' extracts for the month give as not known, not stated or refused. Each was stored as its list's not-known (or refused) code with a warning, and the record still counts in every measure that does not need that characteristic.",
    window: "The children's and adopters' records of the files in effect for the month.",
    exclusions: "A partner without an accepted children's and adopters' extract for the month is not submitted.",
    datasets: ['children', 'adopters'], headline: 'not_known',
    figures: {
      not_known: files('characteristics not known', 'lower'),
      records: files('records with a characteristic not known', 'lower'),
    },
    breakdowns: {
      by_characteristic: { title: 'characteristics not known, by characteristic', categories: 'the characteristics of the data specification: gender, ethnicity, disability, FFA', window: 'month', total: 'not_known' },
    },
  },
  {
    id: 'dq.rejected_share', title: 'Rows rejected', standard: '26.4',
    definition: 'The share of rows read from the extracts for the month that were rejected.',
    numerator: 'rows rejected', denominator: 'rows read',
    window: 'The files in effect for the month.',
    datasets: [], headline: 'rejected_share',
    target: { kind: 'lower_share', green: 1, amber: 5 },
    figures: { rejected_share: { title: 'rows rejected', unit: 'percent', direction: 'lower', window: 'month', judged: true } },
  },
];
