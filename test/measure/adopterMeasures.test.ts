// adopters.* worked by hand for M = 2026-03: E = 2026-03-31, W12 = 2025-04-01..2026-03-31; b sent an empty file, c nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import type { MeasureResult } from '../../src/measure/types.js';
import { cleanup, fig, measure, newWarehouse, pipeline, submit } from './warehouseFixture.js';

let ms: MeasureResult[];
const v = (id: string, e: string, k: string) => fig(ms, id, e, k).value;

beforeAll(async () => {
  const db = await newWarehouse();
  await submit(db, {
    partner: 'a', period: '2026-03', dataset: 'adopters',
    rows: [
      { adopter_id: 'A1', enquiry_date: '2026-03-31', stage1_start: '2026-03-01' }, // enquiry on E
      { adopter_id: 'A2', enquiry_date: '2025-04-01', stage1_start: '2025-12-31', stage1_end: '2026-02-28', stage2_start: '2026-03-01' }, // 31 Dec + 2 months = 28 Feb: on time
      { adopter_id: 'A3', enquiry_date: '2025-03-31', stage1_start: '2025-04-30', stage1_end: '2025-07-01', stage2_start: '2025-07-02', stage2_end: '2025-11-02', approval_date: '2025-11-20', matched_date: '2026-02-20' },
      { adopter_id: 'A4', enquiry_date: '2025-01-10', stage1_start: '2025-02-01', stage1_end: '2025-03-31', stage2_start: '2025-04-01', stage2_end: '2025-08-15', approval_date: '2025-08-20' },
      { adopter_id: 'A5', enquiry_date: '2025-05-01', stage1_start: '2025-06-01', stage1_end: '2025-07-31', stage2_start: '2025-08-01', stage2_end: '2025-11-30', approval_date: '2025-12-01' },
      { adopter_id: 'A6', enquiry_date: '2024-01-01', approval_date: '2026-01-15' }, // no stage1_start
      { adopter_id: 'A7', approval_date: '2025-01-10', matched_date: '2025-04-01' }, // matched on the first day of W12
      { adopter_id: 'A8', approval_date: '2025-06-01', left_date: '2026-03-31', left_reason: 'withdrew' }, // left on E
      { adopter_id: 'A9', left_date: '2025-03-31', left_reason: 'refused' }, // left the day before W12
      { adopter_id: 'A10', stage1_start: '2025-07-01', left_date: '2025-09-09' }, // no reason
      { adopter_id: 'A11', matched_date: '2026-02-01' }, // no approval date
    ],
  });
  await submit(db, { partner: 'b', period: '2026-03', dataset: 'adopters', rows: [] });
  ms = (await computeMeasures(db, pipeline(), '2026-03')).measures;
});
afterAll(cleanup);

describe('adopter measures by hand', () => {
  it('adopters.flow: M, W12 and the monthly trend', () => {
    // M: enquiry A1; Stage 1 start A1; no approvals. W12 enquiries A1, A2 (1 Apr 2025), A5 = 3 (A3 on 31 Mar 2025 is out).
    // Stage 1 starts A1, A2, A3, A5, A10 = 5 (A4 Feb 2025 out); approvals A3, A4, A5, A6, A8 = 5 (A7 Jan 2025 out).
    const f = (k: string) => v('adopters.flow', 'a', k);
    expect([f('enquiries'), f('stage1_starts'), f('approvals'), f('enquiries_w12'), f('stage1_starts_w12'), f('approvals_w12')]).toEqual([1, 1, 0, 3, 5, 5]);
    const m = measure(ms, 'adopters.flow');
    expect(m.partners['a']?.trends?.['enquiries']?.map((p) => p.figure.value)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(m.partners['a']?.trend).toEqual(m.partners['a']?.trends?.['approvals']);
    expect(m.trendTotals).toEqual({ enquiries: 'enquiries_w12', stage1_starts: 'stage1_starts_w12', approvals: 'approvals_w12' });
  });
  it('adopters.stage1_on_time and stage2_on_time, with month-end clamping', () => {
    // Stage 1 ended in W12: A2 (28 Feb ≤ 31 Dec + 2m = 28 Feb), A3 (1 Jul > 30 Apr + 2m = 30 Jun), A5 (31 Jul ≤ 1 Aug) → 2/3 = 66.7% amber.
    expect(fig(ms, 'adopters.stage1_on_time', 'a', 'on_time')).toMatchObject({ value: 66.7, numerator: 2, denominator: 3, rag: 'amber', excluded: 0 });
    // Stage 2 ended in W12: A3 (2 Nov ≤ 2 Jul + 4m = 2 Nov), A4 (15 Aug > 1 Aug), A5 (30 Nov ≤ 1 Dec) → 2/3.
    expect(fig(ms, 'adopters.stage2_on_time', 'a', 'on_time')).toMatchObject({ numerator: 2, denominator: 3 });
  });
  it('adopters.approved_within_6m leaves out approvals with no Stage 1 start', () => {
    // Approved in W12: A3 (20 Nov > 30 Oct), A4 (20 Aug > 1 Aug), A5 (1 Dec ≤ 1 Dec); A6, A8 lack stage1_start → 1/3 = 33.3% red, 2 left out.
    expect(fig(ms, 'adopters.approved_within_6m', 'a', 'on_time')).toMatchObject({ value: 33.3, numerator: 1, denominator: 3, excluded: 2, rag: 'red' });
  });
  it('adopters.waiting at E and over 3 months', () => {
    // Approved, not matched, not left by E: A4, A5, A6 (A8 left on E). Over 3 months since approval: A4 (20 Nov), A5 (1 Mar) → 2; A6 (15 Apr) not.
    expect([v('adopters.waiting', 'a', 'count'), v('adopters.waiting', 'a', 'over_3_months')]).toEqual([3, 2]);
  });
  it('adopters.matched_within_3m', () => {
    // Matched in W12: A3 (20 Feb ≤ 20 Nov + 3m), A7 (1 Apr 2025 ≤ 10 Apr); A11 has no approval date → 2/2 = 100% green, 1 left out.
    expect(fig(ms, 'adopters.matched_within_3m', 'a', 'on_time')).toMatchObject({ value: 100, denominator: 2, excluded: 1, rag: 'green' });
  });
  it('adopters.left by reason', () => {
    // Left in W12: A8 (withdrew, on E), A10 (no reason); A9 left the day before W12.
    expect(v('adopters.left', 'a', 'count')).toBe(2);
    const b = measure(ms, 'adopters.left').partners['a']?.breakdowns?.['by_left_reason'] ?? {};
    expect(Object.fromEntries(Object.entries(b).map(([k, f]) => [k, f.value]))).toEqual({ withdrew: 1, on_hold: 0, refused: 0, not_recorded: 1 });
  });
  it('an empty file is submitted (zeros and no cases); no file is not submitted', () => {
    expect(fig(ms, 'adopters.waiting', 'b', 'count')).toMatchObject({ value: 0, status: 'ok' });
    expect(fig(ms, 'adopters.stage1_on_time', 'b', 'on_time')).toMatchObject({ value: null, status: 'no_cases' });
    expect(fig(ms, 'adopters.waiting', 'c', 'count')).toMatchObject({ value: null, status: 'not_submitted' });
    expect(measure(ms, 'adopters.flow').region.notSubmitted).toEqual(['c']);
    expect(measure(ms, 'adopters.flow').region.figures['approvals_w12']?.value).toBe(5);
  });
  it('support.capacity is absent without workforce', () => {
    expect(ms.some((m) => m.id === 'support.capacity')).toBe(false);
  });
});
