// Disclosure control holds: no hidden cell of the published measures can be pinned to one value from the tables'
// totals, the cells shown, the links between tables and the bounds of a `c` (primary 1–5, secondary 0 or more), on the
// sample data and on generated tables with zeros and small margins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclose, markSuppression } from '../../src/measure/disclose.js';
import { count, rate } from '../../src/measure/figure.js';
import type { EntityFigures, Figure, MeasureResult } from '../../src/measure/types.js';
import { readerRanges, type HiddenRange } from './readerRanges.js';
import { sampleMeasures } from './sampleMeasures.js';
import { cleanup } from './warehouseFixture.js';
import { Rng } from '../../scripts/sampleData/random.js';

const rule = { minCount: 1, maxCount: 5 };
afterAll(cleanup);

const pinned = (ranges: HiddenRange[]) => ranges.filter((r) => r.max <= r.min);

/** Checks every range contains the true value (the solver's own sanity) and returns those pinned to one value. */
function check(internal: MeasureResult[], published: MeasureResult[]): { ranges: HiddenRange[]; pinned: HiddenRange[] } {
  const ranges = readerRanges(internal, published, rule);
  for (const r of ranges) expect(r.min <= r.value && r.value <= r.max, `${r.cell}: ${r.value} outside [${r.min}, ${r.max}]`).toBe(true);
  return { ranges, pinned: pinned(ranges) };
}

describe('the range solver', () => {
  it("finds what the old rule let a reader work out: two hidden cells that must add up to 2 are both 1", () => {
    // Rivermead's time to close by outcome, published as before: total 35, every cell but two shown, zeros as 0.
    const cells = { upheld: 9, partially_upheld: 9, not_upheld: 8, resolved: 7, referred_on: 1, withdrawn: 1, not_recorded: 0 };
    const internal: MeasureResult = {
      id: 'x.close', title: 'x', standard: '25.7', headline: 'closed', breakdownTotals: { by_outcome: 'closed' }, partners: {},
      region: { figures: { closed: count(35) }, breakdowns: { by_outcome: Object.fromEntries(Object.entries(cells).map(([k, n]) => [k, count(n)])) }, submissions: [] },
    };
    const marked = structuredClone(internal);
    const published = structuredClone(internal);
    for (const k of ['referred_on', 'withdrawn']) {
      (marked.region.breakdowns?.['by_outcome']?.[k] as Figure).suppression = 'primary';
      Object.assign(published.region.breakdowns?.['by_outcome']?.[k] as Figure, { value: null, suppressed: true });
    }
    const r = check([marked], [published]);
    expect(r.pinned.map((x) => [x.cell, x.min, x.max])).toEqual([
      ['x.close region by_outcome.referred_on size', 1, 1],
      ['x.close region by_outcome.withdrawn size', 1, 1],
    ]);
  });
});

describe.each(['2026-10', '2026-09'])('on the sample data for %s', (month) => {
  let internal: MeasureResult[];
  let published: MeasureResult[];
  beforeAll(async () => {
    const { computed } = await sampleMeasures(month);
    internal = markSuppression(computed.measures, rule);
    published = disclose(computed.measures, rule);
  }, 120_000);

  it('no hidden cell can be pinned, and the published figures hide exactly those the internal ones mark', () => {
    const { ranges, pinned } = check(internal, published);
    expect(pinned).toEqual([]);
    expect(ranges.length).toBeGreaterThan(100);
    expect(ranges.some((r) => r.kind === 'secondary')).toBe(true);
    const hidden = (ms: MeasureResult[], pick: (f: Figure) => boolean) =>
      ms.flatMap((m) => [m.region, ...Object.values(m.partners)].flatMap((e) => allFigures(e).filter(pick).length));
    expect(hidden(published, (f) => f.suppressed)).toEqual(hidden(internal, (f) => f.suppression !== undefined));
    expect(JSON.stringify(published)).not.toContain('"suppression"');
  });

  it.runIf(month === '2026-10')("Rivermead's time to close by outcome and children's reversals by reason are protected", () => {
    const { ranges } = check(internal, published);
    const rivermead = ranges.filter((r) => r.cell.startsWith('concerns.time_to_close rivermead by_outcome.'));
    expect(rivermead.length).toBeGreaterThanOrEqual(3);
    for (const r of rivermead) expect(r.max, r.cell).toBeGreaterThan(r.min);
    const reversals = ranges.filter((r) => r.cell.startsWith('children.reversals '));
    expect(reversals.length).toBeGreaterThan(0);
    for (const r of reversals) expect(r.max, r.cell).toBeGreaterThan(r.min);
  });
});

/** Partners × categories of counts, mostly 0–6, some large; each entity's total, the region's sums; a 12-point trend per entity adding up to its W12 total; a rate per entity (numerators and denominators add up). */
function generated(seed: number): MeasureResult {
  const rng = new Rng(`case ${seed}`); // the sample data's seeded generator
  const next = () => rng.next();
  const cell = () => {
    const r = next();
    return r < 0.3 ? 0 : r < 0.75 ? 1 + Math.floor(next() * 5) : r < 0.85 ? 6 + Math.floor(next() * 3) : 9 + Math.floor(next() * 60);
  };
  const partners = 2 + Math.floor(next() * 4);
  const categories = 2 + Math.floor(next() * 5);
  const grid = Array.from({ length: partners }, () => Array.from({ length: categories }, cell));
  const points = Array.from({ length: partners }, () => Array.from({ length: 12 }, () => (next() < 0.5 ? 0 : cell())));
  const shares = Array.from({ length: partners }, () => {
    const den = cell();
    return [Math.floor(next() * (den + 1)), den] as const;
  });
  const entity = (row: number[], trend: number[], share: readonly [number, number]): EntityFigures => ({
    figures: { count: count(row.reduce((a, b) => a + b, 0)), count_w12: count(trend.reduce((a, b) => a + b, 0)), month: count(trend[11] ?? 0), share: rate(...share) },
    breakdowns: { by_kind: Object.fromEntries(row.map((n, i) => [`k${i}`, count(n)])) },
    trend: trend.map((n, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, figure: count(n) })),
    submissions: [],
  });
  const sum = (rows: number[][], i: number) => rows.reduce((a, r) => a + (r[i] ?? 0), 0);
  return {
    id: `gen.${seed}`, title: 'generated', standard: '25.7', headline: 'month',
    breakdownTotals: { by_kind: 'count' }, trendTotals: { month: 'count_w12' },
    partners: Object.fromEntries(grid.map((row, p) => [`p${p}`, entity(row, points[p] ?? [], shares[p] ?? [0, 0])])),
    region: entity(grid[0]?.map((_, i) => sum(grid, i)) ?? [], Array.from({ length: 12 }, (_, i) => sum(points, i)), [sum(shares.map((x) => [...x]), 0), sum(shares.map((x) => [...x]), 1)]),
  };
}

describe('on generated tables with zeros and small margins', () => {
  const seen: HiddenRange[] = [];
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i: no hidden cell can be pinned', (seed) => {
    const m = generated(seed);
    const { ranges, pinned } = check(markSuppression([m], rule), disclose([m], rule));
    expect(pinned).toEqual([]);
    // The generator makes small cells: there is something to protect.
    expect(ranges.length).toBeGreaterThan(0);
    seen.push(...ranges);
  });
  it('exercised secondary cells, hidden zeros and rates', () => {
    expect(seen.some((r) => r.kind === 'secondary' && r.value > 5)).toBe(true);
    expect(seen.some((r) => r.kind === 'secondary' && r.value === 0)).toBe(true);
    expect(seen.some((r) => r.cell.endsWith('numerator'))).toBe(true);
  });
});

function allFigures(e: EntityFigures): Figure[] {
  return [
    ...Object.values(e.figures),
    ...Object.values(e.breakdowns ?? {}).flatMap((b) => Object.values(b)),
    ...(e.trend ?? []).map((p) => p.figure),
    ...Object.values(e.trends ?? {}).flatMap((pts) => pts.map((p) => p.figure)),
  ];
}
