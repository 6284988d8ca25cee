// Staffing (RAA format, optional): one row per team per month.
import { defineDataset } from './defineDataset.js';
import { team } from './codeLists.js';

export const workforce = defineDataset({
  name: 'workforce',
  title: 'Workforce',
  description: 'One row per team per month: social worker FTE in post, vacant and agency FTE. Optional; needed for the support capacity measure.',
  key: ['month', 'team'],
  optional: true,
  columns: [
    { field: 'month', header: 'Month', type: { kind: 'month' }, required: true },
    { field: 'team', header: 'Team', type: { kind: 'code', codes: team }, required: true },
    { field: 'sw_fte', header: 'Social worker FTE in post', type: { kind: 'decimal', min: 0 }, required: true },
    { field: 'vacant_fte', header: 'Vacant FTE', type: { kind: 'decimal', min: 0 }, required: false },
    { field: 'agency_fte', header: 'Agency FTE', type: { kind: 'decimal', min: 0 }, required: false },
  ],
});
