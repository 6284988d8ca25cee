// concerns.*, dq.* and the evidence lists worked by hand for M = 2026-10: E = 2026-10-31, W12 from 2025-11-01, action target 10 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import type { EvidenceList, MeasureResult, SubmissionUsed } from '../../src/measure/types.js';
import { cleanup, fig, measure, newWarehouse, pipeline, submit } from './warehouseFixture.js';

let ms: MeasureResult[];
let evidence: EvidenceList[];
let submissions: SubmissionUsed[];
const v = (id: string, e: string, k: string) => fig(ms, id, e, k).value;
const values = (r: Record<string, { value: number | null }> | undefined) => Object.fromEntries(Object.entries(r ?? {}).map(([k, f]) => [k, f.value]));
const nonZero = (r: Record<string, { value: number | null }> | undefined) => Object.fromEntries(Object.entries(values(r)).filter(([, x]) => x !== 0));

beforeAll(async () => {
  const db = await newWarehouse();
  await submit(db, {
    partner: 'a', period: '2026-10', dataset: 'concerns', receivedAt: '2026-11-10 23:00:00',
    rows: [
      { concern_id: 'K1', raised_date: '2026-10-31', source: 'complaint', category: 'delay', severity: 'high' }, // on E
      { concern_id: 'K2', raised_date: '2026-10-21', source: 'case_review', category: 'delay', severity: 'medium', action_agreed_date: '2026-10-31', action_due_date: '2026-11-15' }, // raised on E − 10; agreed on day 10
      { concern_id: 'K3', raised_date: '2025-11-01', source: 'staff', category: 'communication', action_agreed_date: '2025-11-12', action_due_date: '2025-12-01', action_completed_date: '2025-12-05', closed_date: '2026-01-01', outcome: 'upheld', learning_to: ['training', 'recruitment'] },
      { concern_id: 'K4', raised_date: '2025-10-31', source: 'complaint', category: 'delay', severity: 'high', action_agreed_date: '2025-11-05', action_due_date: '2026-10-30' }, // before W12; action overdue 1 day
      { concern_id: 'K5', raised_date: '2026-09-01', source: 'disruption_review', category: 'matching', severity: 'medium' }, // no action for 60 days
      { concern_id: 'K6', raised_date: '2026-06-01', source: 'complaint', category: 'delay', action_agreed_date: '2026-06-05', action_due_date: '2026-07-01', action_completed_date: '2026-10-31', closed_date: '2026-10-31', outcome: 'partially_upheld', learning_to: ['none'] },
      { concern_id: 'K7', raised_date: '2026-03-01', source: 'staff', category: 'communication', severity: 'high', action_agreed_date: '2026-03-02', action_due_date: '2026-10-31', closed_date: '2026-04-10', outcome: 'not_upheld' }, // due on E: not overdue
      { concern_id: 'K8', raised_date: '2026-10-25', source: 'other', category: 'other' }, // 6 days old
      { concern_id: 'K9', raised_date: '2026-08-01', source: 'complaint', category: 'delay', severity: 'medium', closed_date: '2026-08-20', outcome: 'upheld' }, // closed without action or learning
    ],
  });
  await submit(db, { partner: 'a', period: '2026-10', dataset: 'support', status: 'held', rowsRead: 100, rowsRejected: 40 });
  await submit(db, { partner: 'b', period: '2026-10', dataset: 'concerns', receivedAt: '2026-11-12 08:00:00', rows: [{ concern_id: 'L1', raised_date: '2026-05-01', category: 'delay' }] });
  await submit(db, {
    partner: 'b', period: '2026-10', dataset: 'concerns', receivedAt: '2026-11-13 08:00:00', rowsRead: 200, rowsRejected: 2,
    rows: [
      { concern_id: 'L1', raised_date: '2026-05-01', category: 'delay', action_agreed_date: '2026-05-03', action_due_date: '2026-06-01', action_completed_date: '2026-05-20' },
      { concern_id: 'L2', raised_date: '2026-07-01', source: 'staff', category: 'communication', action_agreed_date: '2026-07-02', action_due_date: '2026-08-01', action_completed_date: '2026-07-20' },
    ],
  });
  ({ measures: ms, evidence, submissions } = await computeMeasures(db, pipeline(), '2026-10'));
});
afterAll(cleanup);

describe('concern measures by hand', () => {
  it('concerns.raised: M, W12, by source, by category, trend', () => {
    // M: K1, K2, K8 = 3. W12: all but K4 = 8. b: L1, L2.
    expect([v('concerns.raised', 'a', 'count'), v('concerns.raised', 'a', 'count_w12'), v('concerns.raised', 'region', 'count_w12')]).toEqual([3, 8, 10]);
    const a = measure(ms, 'concerns.raised').partners['a'];
    expect(nonZero(a?.breakdowns?.['by_source'])).toEqual({ complaint: 3, case_review: 1, disruption_review: 1, staff: 2, other: 1 });
    expect(nonZero(a?.breakdowns?.['by_category'])).toEqual({ communication: 2, delay: 4, matching: 1, other: 1 });
    // Nov 2025 K3; Mar K7; Jun K6; Aug K9; Sep K5; Oct K1, K2, K8.
    expect(a?.trend?.map((p) => p.figure.value)).toEqual([1, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 3]);
  });
  it('concerns.action_on_time over concerns raised in W12 up to E − 10 days', () => {
    // In scope: K2 (raised on E − 10), K3, K5, K6, K7, K9 (K1, K8 too recent). On time: K2 (10 days), K6 (4), K7 (1) → 3/6 = 50% red.
    expect(fig(ms, 'concerns.action_on_time', 'a', 'on_time')).toMatchObject({ value: 50, numerator: 3, denominator: 6, rag: 'red', target: 90 });
    // Region adds L1 (2 days), L2 (1 day): 5/8 = 62.5% red (amber from 75).
    expect(fig(ms, 'concerns.action_on_time', 'region', 'on_time')).toMatchObject({ value: 62.5, rag: 'red' });
  });
  it('concerns.unactioned and overdue_actions at E, with evidence', () => {
    // Unactioned: K5 (60 days); K1 (0 days) and K8 (6) are within the target, K9 closed.
    expect(v('concerns.unactioned', 'a', 'count')).toBe(1);
    expect(evidence.find((e) => e.id === 'concerns.unactioned')?.rows).toEqual([['K5', 'a', 'medium', 60]]);
    // Overdue: K4 (due 30 Oct); K7 is due on E itself, K6 completed on E.
    expect(v('concerns.overdue_actions', 'a', 'count')).toBe(1);
    expect(nonZero(measure(ms, 'concerns.overdue_actions').region.breakdowns?.['by_severity'])).toEqual({ high: 1 });
    expect(evidence.find((e) => e.id === 'concerns.overdue_actions')).toMatchObject({ columns: ['concern_id', 'partner', 'severity', 'days_overdue'], rows: [['K4', 'a', 'high', 1]] });
  });
  it('concerns.time_to_close and outcomes', () => {
    // Closed in W12: K9 19, K7 40, K3 61, K6 152 → median (40 + 61)/2 = 50.5.
    expect(fig(ms, 'concerns.time_to_close', 'a', 'median_days')).toMatchObject({ value: 50.5, denominator: 4 });
    expect(nonZero(measure(ms, 'concerns.time_to_close').partners['a']?.breakdowns?.['by_outcome'])).toEqual({ upheld: 2, partially_upheld: 1, not_upheld: 1 });
    expect(fig(ms, 'concerns.time_to_close', 'b', 'median_days').status).toBe('no_cases');
  });
  it('concerns.learning_loop', () => {
    // Upheld or partly upheld, closed in W12: K3 (training, recruitment), K6 (none), K9 (nothing) → 1/3 = 33.3%.
    expect(fig(ms, 'concerns.learning_loop', 'a', 'fed_back')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3 });
    expect(nonZero(measure(ms, 'concerns.learning_loop').partners['a']?.breakdowns?.['by_destination'])).toEqual({ recruitment: 1, training: 1 });
  });
  it('concerns.regional_themes: ≥ 3 raised in W12 from ≥ 2 partners', () => {
    // delay: a 4 + b 1 = 5 from 2 partners; communication: a 2 + b 1 = 3 from 2; matching and other: 1 each.
    const m = measure(ms, 'concerns.regional_themes');
    expect(values(m.region.breakdowns?.['by_category'])).toEqual({ communication: 3, delay: 5 });
    expect([v('concerns.regional_themes', 'region', 'themes'), v('concerns.regional_themes', 'region', 'concerns_in_themes')]).toEqual([2, 8]);
    expect(v('concerns.regional_themes', 'a', 'concerns_in_themes')).toBe(6);
  });
  it('concerns.case_review_findings', () => {
    // K2 (case review, delay), K5 (disruption review, matching).
    expect(v('concerns.case_review_findings', 'a', 'count')).toBe(2);
    expect(nonZero(measure(ms, 'concerns.case_review_findings').partners['a']?.breakdowns?.['by_category'])).toEqual({ delay: 1, matching: 1 });
  });
  it('partner c is not submitted; the submissions used are the current ones', () => {
    expect(fig(ms, 'concerns.raised', 'c', 'count').status).toBe('not_submitted');
    expect(submissions.map((s) => [s.partner, s.dataset])).toEqual([['a', 'concerns'], ['b', 'concerns']]);
    expect(measure(ms, 'concerns.raised').partners['b']?.submissions).toEqual([submissions[1]?.id]);
  });
});

describe('data quality by hand', () => {
  it('dq.submission: on time, late, missing, resubmitted, rows', () => {
    // a: concerns on the due day (10 Nov 23:00), support held (arrived 28 Oct); children, adopters, support not loaded → 3 missing.
    const a = (k: string) => v('dq.submission', 'a', k);
    expect([a('on_time'), a('late'), a('missing'), a('resubmitted'), a('rows_read'), a('rows_rejected'), a('rows_loaded')]).toEqual([2, 0, 3, 0, 109, 40, 9]);
    expect(measure(ms, 'dq.submission').partners['a']?.labels?.['state']).toEqual({ children: 'missing', adopters: 'missing', support: 'held', concerns: 'loaded', workforce: 'not_sent' });
    // b: concerns first arrived 12 Nov (late), resubmitted; the second file's rows count.
    const b = (k: string) => v('dq.submission', 'b', k);
    expect([b('on_time'), b('late'), b('missing'), b('resubmitted'), b('rows_read')]).toEqual([0, 1, 3, 1, 200]);
    // Region: missing 3 + 3 + 4 (c sent nothing).
    expect(v('dq.submission', 'region', 'missing')).toBe(10);
    expect(measure(ms, 'dq.submission').region.notSubmitted).toEqual(['c']);
  });
  it('dq.rejected_share: lower is better', () => {
    // a: 40/109 = 36.7% red; b: 2/200 = 1.0% green; region 42/309 = 13.6% red; c sent nothing.
    expect(fig(ms, 'dq.rejected_share', 'a', 'rejected_share')).toMatchObject({ value: 36.7, rag: 'red' });
    expect(fig(ms, 'dq.rejected_share', 'b', 'rejected_share')).toMatchObject({ value: 1, rag: 'green' });
    expect(fig(ms, 'dq.rejected_share', 'region', 'rejected_share')).toMatchObject({ value: 13.6, numerator: 42, denominator: 309 });
    expect(fig(ms, 'dq.rejected_share', 'c', 'rejected_share').status).toBe('not_submitted');
  });
});
