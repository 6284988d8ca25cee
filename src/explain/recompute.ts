// The figure given back from the rows `raa explain` lists, the way the measure defines it, and the words for how.
import { count, quantity, rate, stat } from '../measure/figure.js';
import { capacityFigures } from '../measure/supportCapacity.js';
import type { Figure } from '../measure/types.js';
import type { ExplainRow, Recompute, Role } from './Recipe.js';

const ofRole = (rows: readonly ExplainRow[], role: Role) => rows.filter((r) => r.role === role);
const values = (rows: readonly ExplainRow[]) => rows.map((r) => r.value).filter((v): v is number => v !== null);
const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

/** The `q` quantile with linear interpolation between the neighbours (DuckDB's quantile_cont). */
export function quantile(xs: readonly number[], q: number): number | null {
  if (xs.length === 0) return null;
  const a = [...xs].sort((x, y) => x - y);
  const pos = (a.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (a[lo] ?? 0) + ((a[hi] ?? 0) - (a[lo] ?? 0)) * (pos - lo);
}

/** The capacity inputs of one partner (or, summed, the region) from the rows listed. */
function capacityInputs(rows: readonly ExplainRow[], partners: readonly string[], last3: readonly string[]) {
  const n = (g: string) => rows.filter((r) => r.group === g).length;
  const fte = (p: string) => {
    const mine = rows.filter((r) => r.partner === p);
    const months = last3.map((m) => mine.filter((r) => r.group === 'fte_last_3_months' && r.used['month'] === m)).filter((x) => x.length > 0);
    const latest = mine.filter((r) => r.group === 'fte_latest_month');
    return {
      mean: months.length ? sum(months.map((x) => sum(values(x)))) / months.length : null,
      current: latest.length ? sum(values(latest)) : null,
    };
  };
  const each = partners.map(fte);
  const total = (k: 'mean' | 'current') => (each.length > 0 && each.every((x) => x[k] !== null) ? sum(each.map((x) => x[k] ?? 0)) : null);
  return { allocations: n('allocations'), received: n('received'), awaiting: n('awaiting'), meanFte: total('mean'), currentFte: total('current') };
}

/** The figure the rows give back (unit, value, numerator, denominator, excluded, status), before it is judged. */
export function recompute(how: Recompute, rows: readonly ExplainRow[], partners: readonly string[]): Figure {
  const excluded = ofRole(rows, 'excluded').length;
  switch (how.kind) {
    case 'count':
      return count(ofRole(rows, 'counted').length);
    case 'total':
      return count(sum(values(ofRole(rows, 'counted'))));
    case 'rate': {
      const n = ofRole(rows, 'numerator').length;
      return rate(n, n + ofRole(rows, 'denominator').length, excluded);
    }
    case 'stat': {
      const xs = values(ofRole(rows, 'counted'));
      const v =
        how.stat === 'median' ? quantile(xs, 0.5)
        : how.stat === 'p90' ? quantile(xs, 0.9)
        : how.stat === 'max' ? (xs.length ? Math.max(...xs) : null)
        : how.stat === 'mean' ? (xs.length ? sum(xs) / xs.length : null)
        : sum(xs);
      return stat(v, xs.length, how.unit, excluded);
    }
    case 'fte': {
      const counted = ofRole(rows, 'counted');
      const f = quantity(counted.length ? sum(values(counted)) : excluded > 0 ? null : 0, 'fte');
      return { ...f, excluded };
    }
    case 'distinct':
      return count(new Set(ofRole(rows, 'counted').map((r) => r.group)).size);
    case 'sum_rate': {
      const counted = ofRole(rows, 'counted');
      return rate(sum(values(counted)), sum(counted.map((r) => r.weight ?? 0)));
    }
    case 'capacity': {
      const f = capacityFigures(capacityInputs(rows, partners.filter((p) => how.eligible.includes(p)), how.last3Months), how.horizonMonths)[how.figure];
      if (!f) throw new Error(`support.capacity has no figure ${how.figure}`);
      return f;
    }
  }
}

const capacityWords: Record<string, string> = {
  allocations: 'the number of allocations listed',
  arrivals: 'the requests received listed ÷ 3 (a month’s arrivals)',
  awaiting: 'the number of requests awaiting allocation listed',
  mean_fte: 'per partner, the mean over the last three months reported of each month’s FTE listed; the region adds up the partners',
  current_fte: 'per partner, the FTE listed for its latest month; the region adds up the partners',
  rate: 'allocations ÷ (3 × mean FTE): allocations per FTE per month',
  months_to_clear: 'awaiting ÷ (rate × current FTE − arrivals); 0 when none await; "not clearing" when arrivals match or exceed what is allocated',
  extra_fte: 'max(0, (arrivals + awaiting ÷ horizon months) ÷ rate − current FTE)',
};

/** How the figure is given back from the rows, in words. */
export function howWords(how: Recompute): string {
  switch (how.kind) {
    case 'count':
      return 'the number of records listed as counted';
    case 'total':
      return 'the sum of the values listed';
    case 'rate':
      return 'numerator ÷ (numerator + denominator only) × 100, to one decimal; records left out are in neither';
    case 'stat':
      return {
        median: 'the median of the values listed (halfway between the middle two when their number is even), to one decimal',
        p90: 'the 90th percentile of the values listed (interpolated between neighbours), to one decimal',
        mean: 'the mean of the values listed, to one decimal',
        max: 'the largest value listed',
        sum: 'the sum of the values listed',
      }[how.stat] + (how.unit === 'gbp' ? ' (money to the penny)' : '');
    case 'fte':
      return 'the sum of the FTE listed (0 when the partner reported no such team)';
    case 'distinct':
      return 'the number of different categories among the records listed';
    case 'sum_rate':
      return 'the rows rejected listed ÷ the rows read listed × 100, to one decimal';
    case 'capacity':
      return capacityWords[how.figure] ?? how.figure;
  }
}
