// Ofsted Annex A List 10: children with a decision that they should be placed for adoption.
import { defineDataset } from './defineDataset.js';
import { ethnicity, gender, reversalReason } from './codeLists.js';

export const children = defineDataset({
  name: 'children',
  title: 'Children (Annex A List 10)',
  description: 'Every child with a decision that they should be placed for adoption, open at any time in the 12 months to the end of the reporting month, or still open.',
  key: ['child_id', 'adm_decision_date'],
  columns: [
    { field: 'child_id', header: 'Child Unique ID', type: { kind: 'text', maxLength: 50 }, required: true },
    { field: 'family_id', header: 'Family identifier', type: { kind: 'text', maxLength: 50 }, required: false },
    { field: 'gender', header: 'Gender', type: { kind: 'code', codes: gender }, required: true },
    { field: 'ethnicity', header: 'Ethnicity', type: { kind: 'code', codes: ethnicity }, required: true },
    { field: 'dob', header: 'Date of Birth', type: { kind: 'date', minimisedToMonth: true }, required: false, description: 'Reduced to the first of its month at load.' },
    { field: 'age', header: 'Age of Child (Years)', type: { kind: 'integer', min: 0, max: 25 }, required: false },
    { field: 'disability', header: 'Does the Child have a Disability', type: { kind: 'yesno' }, required: true },
    { field: 'entered_care', header: 'Date the Child Entered Care', type: { kind: 'date' }, required: true },
    { field: 'adm_decision_date', header: 'Date of Decision that Child Should be Placed for Adoption', type: { kind: 'date' }, required: true },
    { field: 'placement_order_date', header: 'Date of Placement Order', type: { kind: 'date' }, required: false },
    { field: 'matched_date', header: 'Date of Matching Child and Prospective Adopters', type: { kind: 'date' }, required: false },
    { field: 'placed_date', header: 'Date Placed for Adoption', type: { kind: 'date' }, required: false },
    { field: 'adoption_order_date', header: 'Date of Adoption Order', type: { kind: 'date' }, required: false },
    { field: 'reversal_date', header: 'Date of Decision that Child Should No Longer be Placed for Adoption', type: { kind: 'date' }, required: false },
    { field: 'reversal_reason', header: 'Reason Why Child No Longer Placed for Adoption', type: { kind: 'code', codes: reversalReason }, required: false },
    { field: 'ffa_placed_date', header: 'Date the child was placed for fostering in FFA or concurrent planning placement', type: { kind: 'date' }, required: false },
  ],
  rules: [
    { kind: 'order', fields: ['dob', 'entered_care'] },
    { kind: 'order', fields: ['entered_care', 'adm_decision_date'], severity: 'warning' },
    { kind: 'order', fields: ['adm_decision_date', 'placement_order_date'] },
    { kind: 'order', fields: ['matched_date', 'placed_date', 'adoption_order_date'] },
    { kind: 'together', fields: ['reversal_date', 'reversal_reason'] },
    { kind: 'order', fields: ['adoption_order_date', 'reversal_date'] },
    { kind: 'ageAgrees', age: 'age', dob: 'dob' },
  ],
  immutable: ['dob', 'entered_care', 'adm_decision_date'],
  closedBy: ['adoption_order_date', 'reversal_date'],
});
