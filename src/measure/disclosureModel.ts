// What a reader can work out about hidden cells, as integer models: every hidden count (and every hidden figure's number
// of records, and a hidden percentage's numerator) is an unknown; the tables' totals and the links between cells are
// constraints. A hidden cell is pinned when the model leaves it one value.
import type { Line } from './disclosureTables.js';
import { IntegerModel, UNBOUNDED, type Term } from './IntegerModel.js';
import type { Figure, SuppressionKind } from './types.js';

export type Quantity = 'size' | 'numerator';

/** The number of people or records a figure stands for: a count's value, else its denominator; `no_cases` is 0. */
export function sizeOf(f: Figure): number | undefined {
  if (f.status === 'no_cases') return 0;
  if (f.status !== 'ok') return undefined;
  return (f.unit === 'count' ? f.value : f.denominator) ?? undefined;
}

/** A percentage's numerator (it adds up across partners like its denominator); undefined for other figures. */
export function numeratorOf(f: Figure): number | undefined {
  if (f.unit !== 'percent') return undefined;
  if (f.status === 'no_cases') return 0;
  return f.status === 'ok' ? (f.numerator ?? undefined) : undefined;
}

const quantityOf = (f: Figure, q: Quantity) => (q === 'size' ? sizeOf(f) : numeratorOf(f));

/** One hidden quantity in a component's model. */
export interface Unknown {
  figure: Figure;
  quantity: Quantity;
  /** Its true value (the figures given to `disclosureModel` are the internal, unrounded-by-disclosure ones). */
  value: number;
}

/** A connected part of the model: unknowns that constrain one another. */
export interface Component {
  model: IntegerModel;
  unknowns: Unknown[];
  /** The true values, index by index (a known solution, tried first by searches). */
  truth: number[];
}

export interface Rule {
  minCount: number;
  maxCount: number;
}

/**
 * The reader's models of the hidden cells of `figures` (internal figures: true values), split into independent
 * components. `kindOf` says which figures are hidden and why. A reader is assumed to know which hidden cells are
 * primary (1–5 in their small quantity) — stronger than what the published report tells — and that a hidden rate or
 * statistic has at least one record (its status is not `no_cases`). Lines and links that do not hold on the true
 * values (figures not additive) are left out.
 */
export function disclosureModel(lines: readonly Line[], links: readonly (readonly [Figure, Figure])[], kindOf: (f: Figure) => SuppressionKind | undefined, rule: Rule): Component[] {
  const ids = new Map<Figure, number>();
  const keyOf = (f: Figure, q: Quantity) => {
    let id = ids.get(f);
    if (id === undefined) ids.set(f, (id = ids.size));
    return id * 2 + (q === 'numerator' ? 1 : 0);
  };
  const unknowns = new Map<number, Unknown>();
  /** Constraints over keys: lo ≤ Σ a·x ≤ hi. */
  const constraints: { terms: { key: number; a: number }[]; lo: number; hi: number }[] = [];

  /** Σ a·quantity over `parts` = 0, with known parts folded into the bound; skipped unless it holds and has an unknown. */
  const addSum = (parts: readonly (readonly [Figure, number])[], q: Quantity) => {
    let known = 0;
    let check = 0;
    const terms: { key: number; a: number }[] = [];
    for (const [f, a] of parts) {
      const n = quantityOf(f, q);
      if (n === undefined) return;
      check += a * n;
      if (kindOf(f)) {
        const key = keyOf(f, q);
        if (!unknowns.has(key)) unknowns.set(key, { figure: f, quantity: q, value: n });
        terms.push({ key, a });
      } else known += a * n;
    }
    if (check !== 0 || terms.length === 0) return;
    constraints.push({ terms, lo: -known, hi: -known });
  };
  for (const l of lines) {
    for (const q of ['size', 'numerator'] as const) addSum([...l.components.map((f) => [f, 1] as const), [l.total, -1]], q);
  }
  for (const [a, b] of links) for (const q of ['size', 'numerator'] as const) addSum([[a, 1], [b, -1]], q);
  // A percentage's numerator is at most its denominator.
  for (const u of [...unknowns.values()]) {
    if (u.quantity !== 'numerator') continue;
    const den = sizeOf(u.figure);
    if (den === undefined) continue;
    const key = keyOf(u.figure, 'size');
    if (!unknowns.has(key)) unknowns.set(key, { figure: u.figure, quantity: 'size', value: den });
    constraints.push({ terms: [{ key: keyOf(u.figure, 'numerator'), a: 1 }, { key, a: -1 }], lo: -UNBOUNDED, hi: 0 });
  }

  // Components: unknowns joined by a constraint.
  const parent = new Map<number, number>([...unknowns.keys()].map((k) => [k, k]));
  const find = (k: number): number => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r) as number;
    parent.set(k, r);
    return r;
  };
  for (const c of constraints) for (const t of c.terms.slice(1)) parent.set(find(t.key), find(c.terms[0]?.key ?? t.key));
  const groups = new Map<number, { keys: number[]; constraints: typeof constraints }>();
  for (const k of unknowns.keys()) {
    const r = find(k);
    const g = groups.get(r) ?? { keys: [], constraints: [] };
    g.keys.push(k);
    groups.set(r, g);
  }
  for (const c of constraints) groups.get(find(c.terms[0]?.key ?? -1))?.constraints.push(c);

  const small = (n: number | null) => n !== null && n >= rule.minCount && n <= rule.maxCount;
  return [...groups.values()].map((g) => {
    const model = new IntegerModel();
    const index = new Map<number, number>();
    const list: Unknown[] = [];
    for (const key of g.keys) {
      const u = unknowns.get(key) as Unknown;
      const f = u.figure;
      // The primary quantity is the one that is 1–5: a count, else the denominator, else (a rate over many) the numerator.
      const primaryQuantity: Quantity = f.unit === 'count' || small(f.denominator) ? 'size' : 'numerator';
      const lo = kindOf(f) === 'primary' && u.quantity === primaryQuantity ? rule.minCount : u.quantity === 'size' && f.unit !== 'count' ? 1 : 0;
      const hi = kindOf(f) === 'primary' && u.quantity === primaryQuantity ? rule.maxCount : UNBOUNDED;
      index.set(key, model.addVar(lo, hi));
      list.push(u);
    }
    for (const c of g.constraints) {
      const terms: Term[] = c.terms.map((t) => ({ v: index.get(t.key) as number, a: t.a }));
      model.addConstraint(terms, c.lo, c.hi);
    }
    return { model, unknowns: list, truth: list.map((u) => u.value) };
  });
}

/** The unknowns a reader can pin to one value (or that the search could not clear within its budget). */
export function pinnedUnknowns(c: Component): Unknown[] {
  return c.unknowns.filter((u, i) => c.model.hasOtherValue(i, u.value, c.truth) !== true);
}
