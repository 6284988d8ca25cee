// children.* worked by hand for M = 2026-03: E = 2026-03-31, W12 = 2025-04-01..2026-03-31; b and c sent no children file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import type { EvidenceList, MeasureResult } from '../../src/measure/types.js';
import { cleanup, fig, measure, newWarehouse, pipeline, submit } from './warehouseFixture.js';

let ms: MeasureResult[];
let evidence: EvidenceList[];
const v = (id: string, e: string, k: string) => fig(ms, id, e, k).value;

beforeAll(async () => {
  const db = await newWarehouse();
  await submit(db, {
    partner: 'a', period: '2026-03', dataset: 'children',
    rows: [
      { child_id: 'C1', adm_decision_date: '2025-01-01', placement_order_date: '2025-12-01' }, // PO 120 days at E, no match
      { child_id: 'C2', adm_decision_date: '2025-06-01', placement_order_date: '2026-01-01' }, // PO 89 days
      { child_id: 'C3', adm_decision_date: '2025-06-01', placement_order_date: '2025-12-31', matched_date: '2026-02-01' }, // PO 90 days, matched: A2 32
      { child_id: 'C4', entered_care: '2024-01-01', adm_decision_date: '2024-05-01', placement_order_date: '2024-09-01', matched_date: '2025-04-01', placed_date: '2025-05-01', adoption_order_date: '2025-11-01' },
      { child_id: 'C5', entered_care: '2025-01-01', placement_order_date: '2025-05-10', matched_date: '2025-05-01', ffa_placed_date: '2025-02-01', placed_date: '2025-06-01', adoption_order_date: '2026-03-31' },
      { child_id: 'C6', placed_date: '2024-12-01', adoption_order_date: '2025-03-31' }, // order the day before W12
      { child_id: 'C7', adoption_order_date: '2025-10-10' }, // no placement dates: left out of A10
      { child_id: 'C8', adm_decision_date: '2025-02-01', placed_date: '2025-07-01', reversal_date: '2025-09-01', reversal_reason: 'RD1' }, // disruption
      { child_id: 'C9', reversal_date: '2026-03-31' }, // reversed on E, no reason
      { child_id: 'C10', adm_decision_date: '2024-06-01', reversal_date: '2025-03-31', reversal_reason: 'RD3' }, // the day before W12
      { child_id: 'C11', matched_date: '2025-08-01' }, // matched without a placement order: not in A2
    ],
  });
  const r = await computeMeasures(db, pipeline(), '2026-03');
  ms = r.measures;
  evidence = r.evidence;
});
afterAll(cleanup);

describe('children measures by hand', () => {
  it('children.waiting at E, with a placement order, and over 90 days with no match', () => {
    // Waiting: C1, C2, C3, C11 (C9 reversed on E, C7 adopted, C4/C5/C6/C8 placed, C10 reversed). With PO: C1, C2, C3.
    // PO over 90 days and no match: C1 (120 days); C2 is 89, C3 is exactly 90 and matched.
    const f = (k: string) => v('children.waiting', 'a', k);
    expect([f('count'), f('with_placement_order'), f('placement_order_over_90_days_no_match')]).toEqual([4, 3, 1]);
    expect(evidence.find((e) => e.id === 'children.waiting')?.rows).toEqual([['C1', 'a', 120]]);
  });
  it('children.a10: mean of min(placed, FFA placed) − entered care over orders in W12', () => {
    // C4: 1 May 2025 − 1 Jan 2024 = 366 + 120 = 486; C5: FFA 1 Feb 2025 − 1 Jan 2025 = 31 (order on E); C7 left out; C6 before W12.
    // (486 + 31) / 2 = 258.5 ≤ 426 → green.
    expect(fig(ms, 'children.a10', 'a', 'mean_days')).toMatchObject({ value: 258.5, denominator: 2, excluded: 1, rag: 'green', target: 426 });
  });
  it('children.a2: mean of max(0, match − placement order) over matches in W12 with an order', () => {
    // C3: 1 Feb 2026 − 31 Dec 2025 = 32; C4: 1 Apr 2025 − 1 Sep 2024 = 212; C5: matched before the order → 0. (32 + 212 + 0)/3 = 81.3.
    expect(fig(ms, 'children.a2', 'a', 'mean_days')).toMatchObject({ value: 81.3, denominator: 3, rag: 'green', target: 121 });
  });
  it('children.placed and children.reversals', () => {
    // Placed in W12: C4, C5, C8 (C6 in 2024). Orders: C4, C5 (on E), C7 (C6 the day before W12).
    expect([v('children.placed', 'a', 'placed'), v('children.placed', 'a', 'adoption_orders')]).toEqual([3, 3]);
    // Reversed in W12: C8 (RD1, after placement: a disruption), C9 (on E, no reason); C10 the day before W12.
    expect([v('children.reversals', 'a', 'count'), v('children.reversals', 'a', 'disruptions')]).toEqual([2, 1]);
    const b = measure(ms, 'children.reversals').region.breakdowns?.['by_reversal_reason'] ?? {};
    expect(Object.fromEntries(Object.entries(b).map(([k, f]) => [k, f.value]))).toEqual({ RD1: 1, RD2: 0, RD3: 0, RD4: 0, not_recorded: 1 });
  });
  it('partners without a children file are not submitted; the region is partner a alone and says so', () => {
    expect(fig(ms, 'children.a10', 'b', 'mean_days').status).toBe('not_submitted');
    expect(measure(ms, 'children.a10').region.notSubmitted).toEqual(['b', 'c']);
    expect(v('children.a10', 'region', 'mean_days')).toBe(258.5);
  });
});
