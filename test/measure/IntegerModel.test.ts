// The exact search disclosure control relies on: on small random systems, the ranges it finds equal those found by
// listing every integer assignment.
import { describe, expect, it } from 'vitest';
import { IntegerModel, UNBOUNDED } from '../../src/measure/IntegerModel.js';
import { Rng } from '../../scripts/sampleData/random.js';

interface System {
  bounds: [number, number][];
  constraints: { terms: { v: number; a: number }[]; lo: number; hi: number }[];
}

/** Up to 5 unknowns in [0, 7] or [1, 5], equalities and inequalities with coefficients ±1 (and a 2) around a hidden solution. */
function system(seed: number): System {
  const rng = new Rng(`case ${seed}`); // the sample data's seeded generator
  const next = () => rng.next();
  const n = 2 + Math.floor(next() * 4);
  const bounds = Array.from({ length: n }, (): [number, number] => (next() < 0.5 ? [1, 5] : [0, 7]));
  const solution = bounds.map(([lo, hi]) => lo + Math.floor(next() * (hi - lo + 1)));
  const constraints = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
    const terms = bounds.map((_, v) => ({ v, a: next() < 0.4 ? 0 : next() < 0.7 ? 1 : next() < 0.8 ? 2 : -1 })).filter((t) => t.a !== 0);
    const value = terms.reduce((s, t) => s + t.a * (solution[t.v] ?? 0), 0);
    // Mostly equalities (a table's sums); sometimes an inequality, sometimes one the hidden solution breaks.
    const shift = next() < 0.15 ? 1 : 0;
    return next() < 0.7 ? { terms, lo: value + shift, hi: value + shift } : { terms, lo: -UNBOUNDED, hi: value + shift };
  });
  return { bounds, constraints };
}

function bruteForce(s: System): ({ min: number; max: number } | null)[] {
  const ranges: ({ min: number; max: number } | null)[] = s.bounds.map(() => null);
  const x = s.bounds.map(([lo]) => lo);
  const visit = (i: number) => {
    if (i === x.length) {
      if (!s.constraints.every((c) => {
        const v = c.terms.reduce((acc, t) => acc + t.a * (x[t.v] ?? 0), 0);
        return v >= c.lo && v <= c.hi;
      })) return;
      x.forEach((value, k) => {
        const r = ranges[k];
        ranges[k] = r ? { min: Math.min(r.min, value), max: Math.max(r.max, value) } : { min: value, max: value };
      });
      return;
    }
    const [lo, hi] = s.bounds[i] as [number, number];
    for (let v = lo; v <= hi; v++) {
      x[i] = v;
      visit(i + 1);
    }
  };
  visit(0);
  return ranges;
}

describe('IntegerModel', () => {
  it.each(Array.from({ length: 300 }, (_, i) => i + 1))('system %i: ranges equal brute force', (seed) => {
    const s = system(seed);
    const model = new IntegerModel();
    for (const [lo, hi] of s.bounds) model.addVar(lo, hi);
    for (const c of s.constraints) model.addConstraint(c.terms, c.lo, c.hi);
    const expected = bruteForce(s);
    const found = s.bounds.map((_, v) => model.range(v));
    expect(found).toEqual(expected.map((r) => (expected.some((e) => e === null) ? null : r)));
    // hasOtherValue agrees: an unknown has another value exactly when its range is wider than one.
    for (const [v, r] of expected.entries()) if (r) expect(model.hasOtherValue(v, r.min)).toBe(r.max > r.min);
  });

  it('pins two cells that must add up to 2 when each is at least 1, and frees them when a zero beside them is hidden too', () => {
    const pinned = new IntegerModel();
    const a = pinned.addVar(1, 5);
    const b = pinned.addVar(1, 5);
    pinned.addConstraint([{ v: a, a: 1 }, { v: b, a: 1 }], 2, 2);
    expect(pinned.range(a)).toEqual({ min: 1, max: 1 });
    const free = new IntegerModel();
    const c = free.addVar(2, 2 + 3); // a 3 beside a hidden zero: c + z = 3
    const z = free.addVar(0, UNBOUNDED);
    free.addConstraint([{ v: c, a: 1 }, { v: z, a: 1 }], 3, 3);
    expect(free.range(c)).toEqual({ min: 2, max: 3 });
    expect(free.range(z)).toEqual({ min: 0, max: 1 });
  });
});
