// support.* worked by hand for M = 2026-10: E = 2026-10-31, W12 = 2025-11-01..2026-10-31, FY = 2026-04-01..; partner c sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import { capacityFigures } from '../../src/measure/supportCapacity.js';
import type { MeasureResult } from '../../src/measure/types.js';
import { cleanup, fig, measure, newWarehouse, pipeline, submit } from './warehouseFixture.js';

let ms: MeasureResult[];
const v = (id: string, e: string, k: string) => fig(ms, id, e, k).value;

beforeAll(async () => {
  const db = await newWarehouse();
  // Last month's snapshot: must not count in October.
  await submit(db, { partner: 'a', period: '2026-09', dataset: 'support', rows: [{ received_date: '2026-09-05' }] });
  await submit(db, {
    partner: 'a', period: '2026-10', dataset: 'support',
    rows: [
      { request_id: 'S1', received_date: '2026-10-31', request_type: 'access_to_records' }, // on E, awaiting 0 days
      { request_id: 'S2', received_date: '2025-11-01', allocated_date: '2025-11-21', closed_date: '2026-01-10', score_start: 3, score_end: 5 }, // first day of W12; 20 days; +2
      { request_id: 'S3', received_date: '2025-10-31', allocated_date: '2025-11-30', assessed_date: '2026-01-31' }, // day before W12; 30 days; assessed after 92 days; open
      { request_id: 'S4', received_date: '2026-06-01', request_type: 'peer_support', closed_date: '2026-07-01' }, // closed unallocated
      { request_id: 'S5', received_date: '2026-07-01', asf_applied_date: '2026-04-01', asf_amount: 3500 }, // awaiting 122 days; ASF on FY start, over cap
      { request_id: 'S6', received_date: '2026-09-15', allocated_date: '2026-10-13', assessed_date: '2026-10-20', asf_applied_date: '2026-03-31', asf_amount: 1000, closed_date: '2026-10-31', score_start: 5, score_end: 4 }, // 28 days exactly; 35 days; ASF in the previous FY; closed on E, −1
      { request_id: 'S7', received_date: '2026-10-01', closed_date: '2026-10-31', asf_applied_date: '2026-10-31' }, // closed on E unallocated; ASF on E, no amount
      { request_id: 'S8', received_date: '2025-10-01', allocated_date: '2025-10-15', closed_date: '2025-12-01' }, // allocated before W12; closed in W12 without scores
    ],
  });
  // Partner b: B2 was closed in the first October file, then reopened (closed_date cleared) in a resubmission.
  await submit(db, { partner: 'b', period: '2026-10', dataset: 'support', rows: [{ request_id: 'B2', received_date: '2026-08-01', allocated_date: '2026-08-11', closed_date: '2026-10-05' }] });
  await submit(db, {
    partner: 'b', period: '2026-10', dataset: 'support',
    rows: [
      { request_id: 'B1', received_date: '2026-10-10', request_type: 'access_to_records' }, // awaiting 21 days
      { request_id: 'B2', received_date: '2026-08-01', allocated_date: '2026-08-11', assessed_date: '2026-09-01' }, // 10 days; 31 days; open again
    ],
  });
  await submit(db, {
    partner: 'a', period: '2026-10', dataset: 'workforce',
    rows: [
      { month: '2026-07', team: 'adoption_support', sw_fte: 9 }, // before the last 3 months
      { month: '2026-08', team: 'adoption_support', sw_fte: 2 },
      { month: '2026-09', team: 'adoption_support', sw_fte: 2 },
      { month: '2026-10', team: 'adoption_support', sw_fte: 3 },
      { month: '2026-10', team: 'duty', sw_fte: 7 }, // another team
    ],
  });
  ms = (await computeMeasures(db, pipeline(), '2026-10')).measures;
});
afterAll(cleanup);

describe('support measures by hand', () => {
  it('support.received: in M, and each month of W12', () => {
    // a: S1 (31 Oct), S7 (1 Oct) = 2; b: B1 = 1; region 3. W12: a S1,S2,S4,S5,S6,S7 = 6 (S3 on 31 Oct 2025 and S8 are before W12); b 2.
    expect([v('support.received', 'a', 'count'), v('support.received', 'b', 'count'), v('support.received', 'region', 'count')]).toEqual([2, 1, 3]);
    expect([v('support.received', 'a', 'count_w12'), v('support.received', 'region', 'count_w12')]).toEqual([6, 8]);
    const trend = measure(ms, 'support.received').partners['a']?.trend ?? [];
    expect(trend.map((p) => p.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    // Nov 2025: S2; Jun: S4; Jul: S5; Sep: S6; Oct: S1, S7.
    expect(trend.map((p) => p.figure.value)).toEqual([1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 2]);
  });
  it('support.records_share and peer_support over W12', () => {
    // a: S1 of 6 = 16.7%; b: B1 of 2 = 50%; region 2 of 8 = 25%.
    expect(fig(ms, 'support.records_share', 'a', 'share')).toMatchObject({ value: 16.7, numerator: 1, denominator: 6 });
    expect(v('support.records_share', 'b', 'share')).toBe(50);
    expect(fig(ms, 'support.records_share', 'region', 'share')).toMatchObject({ value: 25, numerator: 2, denominator: 8 });
    expect([v('support.peer_support', 'a', 'count'), v('support.peer_support', 'b', 'count')]).toEqual([1, 0]);
  });
  it('support.awaiting_allocation and open_cases at E and each month end', () => {
    // a awaiting: S1, S5 (S4 and S7 closed by E, S7 on E itself); b: B1. Open: a S3 (S6 closed on E); b B2 (reopened).
    expect([v('support.awaiting_allocation', 'a', 'count'), v('support.awaiting_allocation', 'b', 'count'), v('support.awaiting_allocation', 'region', 'count')]).toEqual([2, 1, 3]);
    expect([v('support.open_cases', 'a', 'count'), v('support.open_cases', 'b', 'count'), v('support.open_cases', 'region', 'count')]).toEqual([1, 1, 2]);
    // Awaiting at month ends for a: Jun S4; Jul, Aug S5; Sep S5, S6; Oct S1, S5. At 30 Nov 2025 S3 was allocated that day.
    expect(measure(ms, 'support.awaiting_allocation').partners['a']?.trend?.map((p) => p.figure.value)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
    // Open at month ends for a: Nov S2, S3, S8 (closed 1 Dec); Dec S2, S3; from Jan (S2 closed 10 Jan) S3 only.
    expect(measure(ms, 'support.open_cases').partners['a']?.trend?.map((p) => p.figure.value)).toEqual([3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
  it('support.days_to_allocation: median, p90 and within 28 days', () => {
    // a: allocated in W12: S2 20, S3 30, S6 28 → median 28; p90 at position 1.8 of [20,28,30] = 28 + 0.8×2 = 29.6; within 2/3 = 66.7% amber.
    expect(v('support.days_to_allocation', 'a', 'median_days')).toBe(28);
    expect(v('support.days_to_allocation', 'a', 'p90_days')).toBe(29.6);
    expect(fig(ms, 'support.days_to_allocation', 'a', 'within_target')).toMatchObject({ value: 66.7, numerator: 2, denominator: 3, rag: 'amber', target: 80 });
    // region [10,20,28,30]: median 24; p90 at 2.7 = 28 + 0.7×2 = 29.4; within 3/4 = 75% amber. b: 1/1 green.
    expect([v('support.days_to_allocation', 'region', 'median_days'), v('support.days_to_allocation', 'region', 'p90_days')]).toEqual([24, 29.4]);
    expect(fig(ms, 'support.days_to_allocation', 'region', 'within_target')).toMatchObject({ value: 75, rag: 'amber' });
    expect(fig(ms, 'support.days_to_allocation', 'b', 'within_target')).toMatchObject({ value: 100, rag: 'green' });
  });
  it('support.waiting_now', () => {
    // a: S1 0 days, S5 122 days (31 Jul − 1 Jul … 31 Oct: 30+31+31+30) → median 61, longest 122, over 90: 1. Region adds B1 21 → median 21.
    expect([v('support.waiting_now', 'a', 'median_days'), v('support.waiting_now', 'a', 'longest_days'), v('support.waiting_now', 'a', 'over_90_days')]).toEqual([61, 122, 1]);
    expect([v('support.waiting_now', 'region', 'median_days'), v('support.waiting_now', 'region', 'longest_days')]).toEqual([21, 122]);
  });
  it('support.assessment_timeliness', () => {
    // a: S3 92 days (late), S6 35 → 1/2 = 50% red; b: B2 31 → 100%; region 2/3 = 66.7% amber.
    expect(fig(ms, 'support.assessment_timeliness', 'a', 'within_target')).toMatchObject({ value: 50, rag: 'red' });
    expect(fig(ms, 'support.assessment_timeliness', 'region', 'within_target')).toMatchObject({ value: 66.7, numerator: 2, denominator: 3, rag: 'amber' });
  });
  it('support.asf_fy: FY from 1 April to E', () => {
    // S5 on 1 Apr 2026 (£3,500, over the £3,000 cap), S7 on E (no amount: counted, left out of total and mean); S6 on 31 Mar 2026 is last FY.
    expect(v('support.asf_fy', 'a', 'applications')).toBe(2);
    expect(fig(ms, 'support.asf_fy', 'a', 'total_gbp')).toMatchObject({ value: 3500, denominator: 1, excluded: 1 });
    expect([v('support.asf_fy', 'a', 'mean_gbp'), v('support.asf_fy', 'a', 'over_cap')]).toEqual([3500, 1]);
    // b: no applications: the total is "no cases", never 0.
    expect(fig(ms, 'support.asf_fy', 'b', 'total_gbp')).toMatchObject({ value: null, status: 'no_cases' });
  });
  it('support.outcome_improved', () => {
    // Closed in W12: S2 (+2), S4, S6 (−1), S7, S8; scored S2, S6 → improved 1/2 = 50%, mean change (2 − 1)/2 = 0.5, 3 left out.
    expect(fig(ms, 'support.outcome_improved', 'a', 'improved')).toMatchObject({ value: 50, numerator: 1, denominator: 2, excluded: 3 });
    expect(v('support.outcome_improved', 'a', 'mean_change')).toBe(0.5);
    expect(fig(ms, 'support.outcome_improved', 'b', 'improved')).toMatchObject({ status: 'no_cases', value: null, excluded: 0 });
  });
  it('a partner that sent nothing is not submitted, and the region says so', () => {
    for (const m of ms.filter((x) => x.id.startsWith('support.'))) {
      for (const f of Object.values(m.partners['c']?.figures ?? {})) expect(f).toMatchObject({ status: 'not_submitted', value: null });
      expect(m.region.notSubmitted).toContain('c');
    }
  });
  it('support.capacity: only where workforce was submitted', () => {
    // a: last 3 months Aug–Oct: allocations S6 = 1; received S6, S7, S1 = 3 → arrivals 1/month; mean FTE (2+2+3)/3 = 7/3; current 3.
    // rate = 1 / (3 × 7/3) = 1/7 = 0.14; net = 3/7 − 1 < 0 → not clearing; extra = (1 + 2/6) ÷ (1/7) − 3 = 28/3 − 3 = 6.33.
    const c = (k: string) => fig(ms, 'support.capacity', 'a', k);
    expect([c('allocations').value, c('arrivals').value, c('mean_fte').value, c('current_fte').value, c('rate').value, c('awaiting').value]).toEqual([1, 1, 2.33, 3, 0.14, 2]);
    expect(c('months_to_clear')).toMatchObject({ value: null, note: 'not clearing' });
    expect(c('extra_fte').value).toBe(6.33);
    expect(fig(ms, 'support.capacity', 'b', 'rate').status).toBe('not_submitted');
    expect(measure(ms, 'support.capacity').region.notSubmitted).toEqual(['b', 'c']);
    expect(fig(ms, 'support.capacity', 'region', 'extra_fte').value).toBe(6.33);
  });
  it('support.capacity clearing: 30 allocations by 5 FTE, 15 arrivals, 20 waiting', () => {
    // rate 30/(3×5) = 2; arrivals 5; net 2×5 − 5 = 5 → 20/5 = 4 months; extra = max(0, (5 + 20/6)/2 − 5) = 0.
    const f = capacityFigures({ allocations: 30, received: 15, awaiting: 20, meanFte: 5, currentFte: 5 }, 6);
    expect([f['rate']?.value, f['arrivals']?.value, f['months_to_clear']?.value, f['extra_fte']?.value]).toEqual([2, 5, 4, 0]);
  });
});
