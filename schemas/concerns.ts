// Issues of concern and the action taken (RAA format): the evidence for NMS 25.7.
import { defineDataset } from './defineDataset.js';
import { concernCategory, concernOutcome, concernSeverity, concernSource, learningDestination } from './codeLists.js';

export const concerns = defineDataset({
  name: 'concerns',
  title: 'Issues of concern',
  description: 'Every issue of concern the agency identified or that was raised with it: complaints, allegations, case review and disruption review findings, audits, panel feedback, Ofsted recommendations.',
  key: ['concern_id'],
  columns: [
    { field: 'concern_id', header: 'Concern ID', type: { kind: 'text', maxLength: 50 }, required: true },
    { field: 'raised_date', header: 'Date raised', type: { kind: 'date' }, required: true },
    { field: 'source', header: 'Source', type: { kind: 'code', codes: concernSource }, required: true },
    { field: 'category', header: 'Category', type: { kind: 'code', codes: concernCategory }, required: true },
    { field: 'severity', header: 'Severity', type: { kind: 'code', codes: concernSeverity }, required: true },
    { field: 'related_id', header: 'Related child or adopter ID', type: { kind: 'text', maxLength: 50 }, required: false },
    { field: 'action_agreed_date', header: 'Date action agreed', type: { kind: 'date' }, required: false },
    { field: 'action_due_date', header: 'Action due date', type: { kind: 'date', planned: true }, required: false },
    { field: 'action_completed_date', header: 'Date action completed', type: { kind: 'date' }, required: false },
    { field: 'closed_date', header: 'Date closed', type: { kind: 'date' }, required: false },
    { field: 'outcome', header: 'Outcome', type: { kind: 'code', codes: concernOutcome }, required: false },
    { field: 'learning_to', header: 'Learning fed back to', type: { kind: 'codes', codes: learningDestination, separator: ';' }, required: false },
    { field: 'learning_date', header: 'Date learning fed back', type: { kind: 'date' }, required: false },
  ],
  rules: [
    { kind: 'order', fields: ['raised_date', 'action_agreed_date', 'action_due_date'] },
    { kind: 'requiredWhen', field: 'action_due_date', when: 'action_agreed_date' },
    { kind: 'order', fields: ['action_agreed_date', 'action_completed_date'] },
    { kind: 'order', fields: ['raised_date', 'closed_date'] },
    { kind: 'requiredWhen', field: 'outcome', when: 'closed_date' },
    { kind: 'needs', field: 'learning_date', requires: 'learning_to' },
  ],
  immutable: ['raised_date'],
  closedBy: ['closed_date'],
  // A related id names a child or an adopter of the same partner and month; one that names neither is a warning at load.
  references: [{ field: 'related_id', targets: [{ dataset: 'children', field: 'child_id' }, { dataset: 'adopters', field: 'adopter_id' }] }],
});
