// Schema version 2: a workbook sheet is a submission of its own, a row diagnostic names its record, and yes/no
// characteristics can be "not known".
import type { Migration } from './Migration.js';
import { addColumn, yesNoToCodes } from './steps.js';

export const v2: Migration = {
  version: 2,
  description:
    'submission.sheet: the sheet of a workbook extract (NULL for a CSV file, so every earlier submission keeps its meaning); ' +
    'diagnostic.record: the key of the record a row diagnostic is about (NULL for earlier diagnostics and file-level ones); ' +
    'children.disability, adopters.disability and adopters.ffa hold the codes yes, no and not_known (stored true/false become yes/no)',
  statements: [
    ...addColumn('submission', 'sheet', 'VARCHAR', { ledger: true }),
    ...addColumn('diagnostic', 'record', 'VARCHAR'),
    ...yesNoToCodes('children', 'disability'),
    ...yesNoToCodes('adopters', 'disability'),
    ...yesNoToCodes('adopters', 'ffa'),
  ],
};
