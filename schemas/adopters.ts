// Ofsted Annex A List 11: adopters and prospective adopters.
import { defineDataset } from './defineDataset.js';
import { ethnicity, gender, leftReason } from './codeLists.js';

export const adopters = defineDataset({
  name: 'adopters',
  title: 'Adopters (Annex A List 11)',
  description: 'Every adopter and prospective adopter from enquiry to adoption order or leaving the process, open at any time in the 12 months to the end of the reporting month, or still open.',
  key: ['adopter_id', 'enquiry_date'],
  columns: [
    { field: 'adopter_id', header: 'Individual adopter identifier', type: { kind: 'text', maxLength: 50 }, required: true },
    { field: 'family_id', header: 'Family identifier', type: { kind: 'text', maxLength: 50 }, required: false },
    { field: 'gender', header: 'Gender', type: { kind: 'code', codes: gender }, required: true },
    { field: 'ethnicity', header: 'Ethnicity', type: { kind: 'code', codes: ethnicity }, required: true },
    { field: 'disability', header: 'Disability', type: { kind: 'yesno' }, required: true },
    { field: 'ffa', header: 'Is the (prospective) adopter fostering for adoption?', type: { kind: 'yesno' }, required: true },
    { field: 'enquiry_date', header: 'Date enquiry received', type: { kind: 'date' }, required: true },
    { field: 'stage1_start', header: 'Date Stage 1 started', type: { kind: 'date' }, required: false },
    { field: 'stage1_end', header: 'Date Stage 1 ended', type: { kind: 'date' }, required: false },
    { field: 'stage2_start', header: 'Date Stage 2 started', type: { kind: 'date' }, required: false },
    { field: 'stage2_end', header: 'Date Stage 2 ended', type: { kind: 'date' }, required: false },
    { field: 'application_date', header: 'Date application submitted', type: { kind: 'date' }, required: false },
    { field: 'approval_date', header: 'Date application approved', type: { kind: 'date' }, required: false },
    { field: 'matched_date', header: 'Date adopter matched with child(ren)', type: { kind: 'date' }, required: false },
    { field: 'placed_date', header: 'Date child/children placed with adopter(s)', type: { kind: 'date' }, required: false },
    { field: 'children_placed', header: 'No. of children placed', type: { kind: 'integer', min: 0, max: 10 }, required: false },
    { field: 'adoption_order_date', header: 'Date of Adoption Order', type: { kind: 'date' }, required: false },
    { field: 'left_date', header: 'Date of leaving adoption process', type: { kind: 'date' }, required: false },
    { field: 'left_reason', header: 'Reason for leaving adoption process', type: { kind: 'code', codes: leftReason }, required: false },
  ],
  rules: [
    { kind: 'order', fields: ['enquiry_date', 'stage1_start', 'stage1_end', 'stage2_start', 'stage2_end'] },
    { kind: 'order', fields: ['stage2_start', 'approval_date'] },
    { kind: 'order', fields: ['approval_date', 'matched_date', 'placed_date', 'adoption_order_date'] },
    { kind: 'together', fields: ['left_date', 'left_reason'] },
    { kind: 'needs', field: 'stage1_end', requires: 'stage1_start' },
    { kind: 'needs', field: 'stage2_end', requires: 'stage2_start' },
    { kind: 'atLeastWhen', field: 'children_placed', min: 1, when: 'placed_date' },
  ],
  immutable: ['enquiry_date'],
  closedBy: ['adoption_order_date', 'left_date'],
});
