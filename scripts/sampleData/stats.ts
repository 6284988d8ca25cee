// The region's figures at a month end, computed from the canonical rows: what the README reports and the volumes aim at.
import { iso } from './days.js';
import type { Row, Window } from './world/common.js';
import { asfCap } from './world/support.js';

export interface MonthStats {
  supportRows: number;
  received12: number;
  recordsFromAdultsShare: number;
  awaitingAllocation: number;
  openAllocated: number;
  asfApplications12: number;
  asfSpend12: number;
  asfOverCap12: number;
  adopterRows: number;
  enquiries12: number;
  approvals12: number;
  householdsApproved12: number;
  childRows: number;
  decisions12: number;
  placed12: number;
  orders12: number;
  reversals12: number;
  childrenWaiting: number;
  concernRows: number;
  raised12: number;
  openConcerns: number;
  overdueActions: number;
  unactioned: number;
}

export type DatasetRows = { children: Row[]; adopters: Row[]; support: Row[]; concerns: Row[] };

export function monthStats(w: Window, rows: DatasetRows): MonthStats {
  const [start, end] = [iso(w.start), iso(w.end)];
  const inW12 = (d: string | undefined) => d !== undefined && d !== '' && d >= start && d <= end;
  const by = (d: string | undefined) => d !== undefined && d !== '' && d <= end;
  const { support, adopters, children, concerns } = rows;
  const received = support.filter((r) => inW12(r.received_date));
  const asf = support.filter((r) => inW12(r.asf_applied_date) && r.asf_amount !== '');
  const approved = adopters.filter((r) => inW12(r.approval_date));
  return {
    supportRows: support.length,
    received12: received.length,
    recordsFromAdultsShare: received.filter((r) => r.request_type === 'access_to_records' && r.requester === 'adopted_adult').length / Math.max(1, received.length),
    awaitingAllocation: support.filter((r) => !by(r.allocated_date) && !by(r.closed_date)).length,
    openAllocated: support.filter((r) => by(r.allocated_date) && !by(r.closed_date)).length,
    asfApplications12: asf.length,
    asfSpend12: asf.reduce((s, r) => s + Number(r.asf_amount), 0),
    asfOverCap12: asf.filter((r) => Number(r.asf_amount) > asfCap).length,
    adopterRows: adopters.length,
    enquiries12: adopters.filter((r) => inW12(r.enquiry_date)).length,
    approvals12: approved.length,
    householdsApproved12: new Set(approved.map((r) => r.family_id)).size,
    childRows: children.length,
    decisions12: children.filter((r) => inW12(r.adm_decision_date)).length,
    placed12: children.filter((r) => inW12(r.placed_date)).length,
    orders12: children.filter((r) => inW12(r.adoption_order_date)).length,
    reversals12: children.filter((r) => inW12(r.reversal_date)).length,
    childrenWaiting: children.filter((r) => !by(r.placed_date) && !by(r.reversal_date) && !by(r.adoption_order_date)).length,
    concernRows: concerns.length,
    raised12: concerns.filter((r) => inW12(r.raised_date)).length,
    openConcerns: concerns.filter((r) => !by(r.closed_date)).length,
    overdueActions: concerns.filter((r) => r.action_due_date !== '' && (r.action_due_date ?? '') < end && !by(r.action_completed_date)).length,
    unactioned: concerns.filter((r) => !by(r.closed_date) && !by(r.action_agreed_date) && (r.raised_date ?? '') <= iso(w.end - 10)).length,
  };
}

export function addStats(a: MonthStats, b: MonthStats): MonthStats {
  const sum = { ...a };
  for (const k of Object.keys(a) as (keyof MonthStats)[]) sum[k] = a[k] + b[k];
  sum.recordsFromAdultsShare = (a.recordsFromAdultsShare * a.received12 + b.recordsFromAdultsShare * b.received12) / Math.max(1, a.received12 + b.received12);
  return sum;
}
