// Adoption support requests (RAA format): one row per referral or request for support.
import { defineDataset } from './defineDataset.js';
import { closureReason, provider, requester, requestType } from './codeLists.js';

export const support = defineDataset({
  name: 'support',
  title: 'Adoption support requests',
  description: 'One row per referral or request for adoption support received for a family or person in the partner’s area.',
  key: ['request_id'],
  columns: [
    { field: 'request_id', header: 'Request ID', type: { kind: 'text', maxLength: 50 }, required: true },
    { field: 'family_id', header: 'Family identifier', type: { kind: 'text', maxLength: 50 }, required: false },
    { field: 'requester', header: 'Requester', type: { kind: 'code', codes: requester }, required: true },
    { field: 'request_type', header: 'Request type', type: { kind: 'code', codes: requestType }, required: true },
    { field: 'received_date', header: 'Date received', type: { kind: 'date' }, required: true },
    { field: 'allocated_date', header: 'Date allocated', type: { kind: 'date' }, required: false },
    { field: 'assessed_date', header: 'Date assessment completed', type: { kind: 'date' }, required: false },
    { field: 'asf_applied_date', header: 'ASF application date', type: { kind: 'date' }, required: false },
    { field: 'asf_amount', header: 'ASF amount approved', type: { kind: 'money', min: 0 }, required: false },
    { field: 'provider', header: 'Service provider', type: { kind: 'code', codes: provider }, required: false },
    { field: 'closed_date', header: 'Date closed', type: { kind: 'date' }, required: false },
    { field: 'closure_reason', header: 'Closure reason', type: { kind: 'code', codes: closureReason }, required: false },
    { field: 'score_start', header: 'Outcome score at start', type: { kind: 'integer', min: 0, max: 10 }, required: false },
    { field: 'score_end', header: 'Outcome score at close', type: { kind: 'integer', min: 0, max: 10 }, required: false },
  ],
  rules: [
    { kind: 'order', fields: ['received_date', 'allocated_date', 'assessed_date'] },
    { kind: 'needs', field: 'assessed_date', requires: 'allocated_date' },
    { kind: 'needs', field: 'asf_amount', requires: 'asf_applied_date' },
    { kind: 'order', fields: ['received_date', 'asf_applied_date'] },
    { kind: 'order', fields: ['received_date', 'closed_date'] },
    { kind: 'requiredWhen', field: 'closure_reason', when: 'closed_date' },
    { kind: 'needs', field: 'score_end', requires: 'closed_date' },
    { kind: 'atMostSetting', field: 'asf_amount', setting: 'asfCap' },
  ],
  immutable: ['received_date'],
  closedBy: ['closed_date'],
});
