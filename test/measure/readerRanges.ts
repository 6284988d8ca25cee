// Test helper: what a reader of published measures can work out about each hidden cell. Built here from the published
// figures themselves (a `c` is an unknown, every shown number a constant), not from disclose's own model, and solved
// exactly with IntegerModel (itself checked against brute force in IntegerModel.test.ts).
import { linkedCells } from '../../src/measure/disclosureLinks.js';
import { linesOf } from '../../src/measure/disclosureTables.js';
import { IntegerModel, UNBOUNDED } from '../../src/measure/IntegerModel.js';
import type { EntityFigures, Figure, MeasureResult } from '../../src/measure/types.js';

export interface HiddenRange {
  /** e.g. `concerns.time_to_close rivermead by_outcome.withdrawn size`. */
  cell: string;
  kind: 'primary' | 'secondary';
  /** The true value (from the internal measures). */
  value: number;
  /** The least and greatest value a reader can find consistent with everything published. */
  min: number;
  max: number;
}

type Q = 'size' | 'numerator';

/** Every figure of a measure by a path naming where it is. */
function figurePaths(m: MeasureResult): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const add = (code: string, e: EntityFigures) => {
    for (const [k, f] of Object.entries(e.figures)) out.set(`${m.id} ${code} ${k}`, f);
    for (const [b, cells] of Object.entries(e.breakdowns ?? {})) for (const [c, f] of Object.entries(cells)) out.set(`${m.id} ${code} ${b}.${c}`, f);
    for (const [i, p] of (e.trend ?? []).entries()) out.set(`${m.id} ${code} trend.${i}`, p.figure);
    for (const [s, pts] of Object.entries(e.trends ?? {})) for (const [i, p] of pts.entries()) out.set(`${m.id} ${code} trends.${s}.${i}`, p.figure);
  };
  add('region', m.region);
  for (const [code, e] of Object.entries(m.partners)) add(code, e);
  return out;
}

/** A figure's count (a count's value, else its number of records), or a percentage's numerator; undefined where it has none. */
function quantity(f: Figure, q: Q): number | undefined {
  if (q === 'numerator' && f.unit !== 'percent') return undefined;
  if (f.status === 'no_cases') return 0;
  if (f.status !== 'ok') return undefined;
  if (q === 'numerator') return f.numerator ?? undefined;
  return (f.unit === 'count' ? f.value : f.denominator) ?? undefined;
}

/**
 * The range of every hidden quantity of `published` (dq.* left out, as disclosure leaves them out). `internal` is the
 * same report for the internal audience: it says which cells are primary (a reader is granted that: stronger than the
 * published report allows) and which sums truly hold (a line that does not add up is not one a reader can use).
 * Throws when the search cannot settle a range.
 */
export function readerRanges(internal: readonly MeasureResult[], published: readonly MeasureResult[], rule: { minCount: number; maxCount: number }): HiddenRange[] {
  const truth = new Map<Figure, Figure>();
  for (const pm of published) {
    const im = internal.find((m) => m.id === pm.id);
    if (!im) throw new Error(`internal has no ${pm.id}`);
    const ip = figurePaths(im);
    for (const [path, f] of figurePaths(pm)) truth.set(f, ip.get(path) as Figure);
  }
  const names = new Map<Figure, string>();
  for (const pm of published) for (const [path, f] of figurePaths(pm)) if (!names.has(f)) names.set(f, path);
  const measures = published.filter((m) => !m.id.startsWith('dq.'));

  const vars: { f: Figure; q: Q }[] = [];
  const varOf = new Map<string, number>();
  const unknown = (f: Figure, q: Q) => {
    const key = `${names.get(f)} ${q}`;
    let v = varOf.get(key);
    if (v === undefined) {
      varOf.set(key, (v = vars.length));
      vars.push({ f, q });
    }
    return v;
  };
  const sums: { terms: { v: number; a: number }[]; rhs: number }[] = [];
  const ineqs: { terms: { v: number; a: number }[]; hi: number }[] = [];
  const addSum = (parts: [Figure, number][]) => {
    for (const q of ['size', 'numerator'] as const) {
      // Usable when every part has the quantity and the sum holds on the true values.
      const truths = parts.map(([f]) => quantity(truth.get(f) as Figure, q));
      if (truths.some((t) => t === undefined) || truths.reduce((acc: number, t, i) => acc + (parts[i]?.[1] ?? 0) * (t ?? 0), 0) !== 0) continue;
      let rhs = 0;
      const terms: { v: number; a: number }[] = [];
      for (const [f, a] of parts) {
        if (f.suppressed) terms.push({ v: unknown(f, q), a });
        else rhs -= a * (quantity(f, q) ?? NaN);
      }
      if (Number.isNaN(rhs)) throw new Error(`a shown figure of ${parts.map(([f]) => names.get(f)).join(' + ')} has no ${q}`);
      if (terms.length > 0) sums.push({ terms, rhs });
    }
  };
  for (const m of measures) for (const l of linesOf(m)) addSum([...l.components.map((f): [Figure, number] => [f, 1]), [l.total, -1]]);
  for (const [a, b] of linkedCells(measures)) addSum([[a, 1], [b, -1]]);
  for (const [i, { f, q }] of [...vars.entries()]) if (q === 'numerator') ineqs.push({ terms: [{ v: i, a: 1 }, { v: unknown(f, 'size'), a: -1 }], hi: 0 });

  const bounds = vars.map(({ f, q }) => {
    const t = truth.get(f) as Figure;
    if (!t.suppression) throw new Error(`${names.get(f)} is hidden in the published measures but not marked in the internal ones`);
    const small = (n: number | null) => n !== null && n >= rule.minCount && n <= rule.maxCount;
    const primaryQ: Q = t.unit === 'count' || small(t.denominator) ? 'size' : 'numerator';
    if (t.suppression === 'primary' && q === primaryQ) return [rule.minCount, rule.maxCount] as const;
    // A hidden rate or statistic is not `no cases`: it has at least one record.
    return [q === 'size' && t.unit !== 'count' ? 1 : 0, UNBOUNDED] as const;
  });

  // Solve each connected group of unknowns on its own.
  const parent = vars.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  for (const c of [...sums, ...ineqs]) for (const t of c.terms) parent[find(t.v)] = find(c.terms[0]?.v ?? t.v);
  const out: HiddenRange[] = [];
  for (const root of new Set(vars.map((_, i) => find(i)))) {
    const members = vars.map((_, i) => i).filter((i) => find(i) === root);
    const local = new Map(members.map((v, j) => [v, j]));
    const model = new IntegerModel();
    for (const v of members) model.addVar(bounds[v]?.[0] ?? 0, bounds[v]?.[1] ?? UNBOUNDED);
    const map = (terms: { v: number; a: number }[]) => terms.map((t) => ({ v: local.get(t.v) as number, a: t.a }));
    for (const c of sums) if (local.has(c.terms[0]?.v ?? -1)) model.addConstraint(map(c.terms), c.rhs, c.rhs);
    for (const c of ineqs) if (local.has(c.terms[0]?.v ?? -1)) model.addConstraint(map(c.terms), -UNBOUNDED, c.hi);
    for (const v of members) {
      const { f, q } = vars[v] as { f: Figure; q: Q };
      const t = truth.get(f) as Figure;
      const r = model.range(local.get(v) as number);
      if (!r) throw new Error(`${names.get(f)} ${q}: ${r === null ? 'no solution: the published figures contradict each other' : 'search gave up'}`);
      out.push({ cell: `${names.get(f)} ${q}`, kind: t.suppression as 'primary' | 'secondary', value: quantity(t, q) as number, ...r });
    }
  }
  return out;
}
