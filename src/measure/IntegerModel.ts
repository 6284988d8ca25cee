// Integer unknowns with bounds and linear constraints, and an exact search over them: what disclosure control asks of
// hidden cells ("can a reader pin this one from the totals and the cells shown?") is a question about integer solutions.

/** A coefficient on an unknown. */
export interface Term {
  v: number;
  a: number;
}

interface Constraint {
  terms: Term[];
  lo: number;
  hi: number;
}

/** A bound no count reaches: finite, so sums of bounds stay exact doubles (no Infinity − Infinity). */
export const UNBOUNDED = 1e12;

/** Propagation steps and search nodes per solve: past them the search gives up (`undefined`) rather than run on. */
const MAX_STEPS = 200_000;
const MAX_NODES = 20_000;

type Bounds = { lo: Float64Array; hi: Float64Array };

export class IntegerModel {
  private readonly los: number[] = [];
  private readonly his: number[] = [];
  private readonly constraints: Constraint[] = [];
  /** Unknown → the constraints it is in. */
  private readonly uses: number[][] = [];

  get size(): number {
    return this.los.length;
  }

  /** A new unknown in [lo, hi]; its index. */
  addVar(lo: number, hi: number): number {
    this.los.push(lo);
    this.his.push(hi);
    this.uses.push([]);
    return this.los.length - 1;
  }

  /** lo ≤ Σ a·x ≤ hi (terms on one unknown are added together). */
  addConstraint(terms: readonly Term[], lo: number, hi: number): void {
    const merged = new Map<number, number>();
    for (const t of terms) merged.set(t.v, (merged.get(t.v) ?? 0) + t.a);
    const kept = [...merged].filter(([, a]) => a !== 0).map(([v, a]) => ({ v, a }));
    const index = this.constraints.length;
    this.constraints.push({ terms: kept, lo, hi });
    for (const t of kept) this.uses[t.v]?.push(index);
  }

  /**
   * An integer solution within the model's bounds narrowed by `within` (unknown → [lo, hi]), or null when there is
   * none; undefined when the search ran out of budget. `hint` values are tried first (a known solution nearby).
   */
  solve(within: ReadonlyMap<number, readonly [number, number]> = new Map(), hint?: readonly number[]): number[] | null | undefined {
    const start: Bounds = { lo: Float64Array.from(this.los), hi: Float64Array.from(this.his) };
    for (const [v, [lo, hi]] of within) {
      start.lo[v] = Math.max(start.lo[v] ?? lo, lo);
      start.hi[v] = Math.min(start.hi[v] ?? hi, hi);
      if ((start.lo[v] ?? 0) > (start.hi[v] ?? 0)) return null;
    }
    const budget = { nodes: MAX_NODES };
    return this.search(start, [...this.constraints.keys()], hint, budget);
  }

  /** The least and greatest value the unknown takes over all solutions; null when the model has none, undefined when out of budget. */
  range(v: number): { min: number; max: number } | null | undefined {
    const any = this.solve();
    if (!any) return any;
    const value = any[v] ?? 0;
    const min = this.extreme(v, value, -1);
    const max = this.extreme(v, value, 1);
    return min === undefined || max === undefined ? undefined : { min, max };
  }

  /** Whether a solution exists with unknown `v` other than `value` (true), none does (false), or the search gave up (undefined). */
  hasOtherValue(v: number, value: number, hint?: readonly number[]): boolean | undefined {
    let gaveUp = false;
    for (const side of [[-UNBOUNDED, value - 1], [value + 1, UNBOUNDED]] as const) {
      const s = this.solve(new Map([[v, side]]), hint);
      if (s) return true;
      if (s === undefined) gaveUp = true;
    }
    return gaveUp ? undefined : false;
  }

  /** Binary search from a known feasible `value` towards the lower (dir −1) or upper (dir +1) end. */
  private extreme(v: number, value: number, dir: 1 | -1): number | undefined {
    let known = value;
    // Grow the step until infeasible, then halve back: O(log range) solves.
    let step = 1;
    let bad: number;
    for (;;) {
      const probe = known + dir * step;
      if (Math.abs(probe) > UNBOUNDED) return known;
      const s = this.solve(new Map([[v, dir > 0 ? [probe, UNBOUNDED] : [-UNBOUNDED, probe]]]));
      if (s === undefined) return undefined;
      if (s === null) {
        bad = probe;
        break;
      }
      known = s[v] ?? probe;
      step *= 2;
    }
    while (Math.abs(bad - known) > 1) {
      const probe = known + dir * Math.floor(Math.abs(bad - known) / 2);
      const s = this.solve(new Map([[v, dir > 0 ? [probe, UNBOUNDED] : [-UNBOUNDED, probe]]]));
      if (s === undefined) return undefined;
      if (s === null) bad = probe;
      else known = s[v] ?? probe;
    }
    return known;
  }

  private search(b: Bounds, dirty: number[], hint: readonly number[] | undefined, budget: { nodes: number }): number[] | null | undefined {
    if (--budget.nodes < 0) return undefined;
    if (!this.propagate(b, dirty)) return null;
    // Branch on the unknown with the narrowest open domain.
    let pick = -1;
    for (let v = 0; v < b.lo.length; v++) {
      const width = (b.hi[v] ?? 0) - (b.lo[v] ?? 0);
      if (width > 0 && (pick < 0 || width < (b.hi[pick] ?? 0) - (b.lo[pick] ?? 0))) pick = v;
    }
    if (pick < 0) return Array.from(b.lo);
    const lo = b.lo[pick] ?? 0;
    const hi = b.hi[pick] ?? 0;
    const h = hint?.[pick];
    const mid = h !== undefined && h >= lo && h <= hi ? h : Math.floor((lo + hi) / 2);
    const parts: [number, number][] = h !== undefined && h >= lo && h <= hi ? [[h, h], [lo, h - 1], [h + 1, hi]] : [[lo, mid], [mid + 1, hi]];
    let gaveUp = false;
    for (const [plo, phi] of parts) {
      if (plo > phi) continue;
      const next: Bounds = { lo: b.lo.slice(), hi: b.hi.slice() };
      next.lo[pick] = plo;
      next.hi[pick] = phi;
      const s = this.search(next, this.uses[pick] ?? [], hint, budget);
      if (s) return s;
      if (s === undefined) gaveUp = true;
    }
    return gaveUp ? undefined : null;
  }

  /** Narrow every bound the constraints imply, to a fixed point; false when some domain becomes empty. */
  private propagate(b: Bounds, dirty: number[]): boolean {
    const queued = new Uint8Array(this.constraints.length);
    const queue: number[] = [];
    const enqueue = (c: number) => {
      if (queued[c]) return;
      queued[c] = 1;
      queue.push(c);
    };
    dirty.forEach(enqueue);
    let steps = 0;
    while (queue.length > 0) {
      // Out of steps: stop narrowing (sound, as narrowing only ever removes values no solution takes).
      if (++steps > MAX_STEPS) return true;
      const ci = queue.shift() as number;
      queued[ci] = 0;
      const c = this.constraints[ci] as Constraint;
      let min = 0;
      let max = 0;
      for (const { v, a } of c.terms) {
        const l = b.lo[v] ?? 0;
        const h = b.hi[v] ?? 0;
        min += a > 0 ? a * l : a * h;
        max += a > 0 ? a * h : a * l;
      }
      if (min > c.hi || max < c.lo) return false;
      for (const { v, a } of c.terms) {
        const l = b.lo[v] ?? 0;
        const h = b.hi[v] ?? 0;
        const own = a > 0 ? [a * l, a * h] : [a * h, a * l];
        // a·x ≤ c.hi − (min − own min) and a·x ≥ c.lo − (max − own max).
        const upper = c.hi - (min - (own[0] ?? 0));
        const lower = c.lo - (max - (own[1] ?? 0));
        let nl = l;
        let nh = h;
        if (a > 0) {
          nh = Math.min(nh, Math.floor(upper / a + 1e-9));
          nl = Math.max(nl, Math.ceil(lower / a - 1e-9));
        } else {
          nl = Math.max(nl, Math.ceil(upper / a - 1e-9));
          nh = Math.min(nh, Math.floor(lower / a + 1e-9));
        }
        if (nl > nh) return false;
        if (nl !== l || nh !== h) {
          b.lo[v] = nl;
          b.hi[v] = nh;
          (this.uses[v] ?? []).forEach(enqueue);
          // The sums used above are stale now; the constraint was queued again and is recomputed then.
          enqueue(ci);
          break;
        }
      }
    }
    return true;
  }
}
