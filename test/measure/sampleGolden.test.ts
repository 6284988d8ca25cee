// Golden: the sample data loaded into a real warehouse (by raa run, once per test run); headline figures for 2026-10 equal values computed here in plain JS from the rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import type { Figure, MeasureResult } from '../../src/measure/types.js';
import type { Pipeline } from '../../src/pipeline/loadPipeline.js';
import { Database } from '../../src/warehouse/Database.js';
import { pipeline } from './warehouseFixture.js';
import { sampleRun } from '../sampleRun.js';

type R = Record<string, string | null>;
const codes = ['northmoor', 'eastbridge', 'southwold', 'westholm', 'rivermead'];
const M = '2026-10';
const E = '2026-10-31';
const W12 = '2025-11-01';
let db: Database;
let p: Pipeline;
let ms: MeasureResult[];
const rows: Record<string, R[]> = {};

beforeAll(async () => {
  // The sample as loaded once per test run by `raa run` (test/globalSetup.ts), read-only.
  db = await Database.open((await sampleRun()).warehouse, { access_mode: 'READ_ONLY' });
  p = pipeline(codes);
  ms = (await computeMeasures(db, p, M)).measures;
  for (const ds of ['support', 'adopters', 'children', 'concerns']) {
    rows[ds] = await db.all<R>(`SELECT COLUMNS(*)::VARCHAR FROM ${ds} WHERE submission_id IN (SELECT max(id) FROM submission WHERE status = 'loaded' AND period = '${M}' AND dataset = '${ds}' GROUP BY partner)`);
  }
}, 120_000);
afterAll(() => db.close());

// Plain date arithmetic, independent of DuckDB.
const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
const days = (a: string, b: string) => day(b) - day(a);
function addMonths(d: string, n: number): string {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(dd, last))).toISOString().slice(0, 10);
}
const inW12 = (d: string | null | undefined): d is string => !!d && d >= W12 && d <= E;
const byE = (d: string | null | undefined) => !!d && d <= E;
function quantile(xs: number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return (s[lo] ?? 0) + ((s[Math.ceil(pos)] ?? 0) - (s[lo] ?? 0)) * (pos - lo);
}
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : null);

/** Expected figures for an entity's rows, keyed `measure/figure` → [value, numerator, denominator]. */
function expected(pick: (r: R) => boolean): Record<string, [number | null, number | null, number | null]> {
  const s = (rows['support'] ?? []).filter(pick);
  const a = (rows['adopters'] ?? []).filter(pick);
  const c = (rows['children'] ?? []).filter(pick);
  const k = (rows['concerns'] ?? []).filter(pick);
  const pct = (n: number, d: number): [number | null, number, number] => [d ? (100 * n) / d : null, n, d];
  const recvW12 = s.filter((r) => inW12(r['received_date']));
  const awaiting = s.filter((r) => byE(r['received_date']) && !byE(r['allocated_date']) && !byE(r['closed_date']));
  const alloc = s.filter((r) => inW12(r['allocated_date'])).map((r) => days(r['received_date'] ?? '', r['allocated_date'] ?? ''));
  const s1 = a.filter((r) => inW12(r['stage1_end']) && r['stage1_start']);
  const waitingA = a.filter((r) => byE(r['approval_date']) && !byE(r['matched_date']) && !byE(r['left_date']));
  const a10 = c.filter((r) => inW12(r['adoption_order_date'])).flatMap((r) => {
    const moved = [r['placed_date'], r['ffa_placed_date']].filter((x): x is string => !!x).sort()[0];
    return moved && r['entered_care'] ? [days(r['entered_care'], moved)] : [];
  });
  const a2 = c.filter((r) => inW12(r['matched_date']) && r['placement_order_date']).map((r) => Math.max(0, days(r['placement_order_date'] ?? '', r['matched_date'] ?? '')));
  const waitingC = c.filter((r) => byE(r['adm_decision_date']) && !byE(r['placed_date']) && !byE(r['reversal_date']) && !byE(r['adoption_order_date']));
  const aot = k.filter((r) => inW12(r['raised_date']) && days(r['raised_date'] ?? '', E) >= 10);
  const closed = k.filter((r) => inW12(r['closed_date'])).map((r) => days(r['raised_date'] ?? '', r['closed_date'] ?? ''));
  return {
    'support.received/count': [s.filter((r) => (r['received_date'] ?? '').startsWith(M)).length, null, null],
    'support.records_share/share': pct(recvW12.filter((r) => r['request_type'] === 'access_to_records').length, recvW12.length),
    'support.awaiting_allocation/count': [awaiting.length, null, null],
    'support.open_cases/count': [s.filter((r) => byE(r['allocated_date']) && !byE(r['closed_date'])).length, null, null],
    'support.days_to_allocation/median_days': [quantile(alloc, 0.5), null, alloc.length],
    'support.days_to_allocation/p90_days': [quantile(alloc, 0.9), null, alloc.length],
    'support.days_to_allocation/within_target': pct(alloc.filter((d) => d <= 28).length, alloc.length),
    'support.waiting_now/longest_days': [awaiting.length ? Math.max(...awaiting.map((r) => days(r['received_date'] ?? '', E))) : null, null, awaiting.length],
    'adopters.stage1_on_time/on_time': pct(s1.filter((r) => (r['stage1_end'] ?? '') <= addMonths(r['stage1_start'] ?? '', 2)).length, s1.length),
    'adopters.waiting/count': [waitingA.length, null, null],
    'adopters.waiting/over_3_months': [waitingA.filter((r) => E > addMonths(r['approval_date'] ?? '', 3)).length, null, null],
    'children.waiting/count': [waitingC.length, null, null],
    'children.a10/mean_days': [mean(a10), null, a10.length],
    'children.a2/mean_days': [mean(a2), null, a2.length],
    'concerns.raised/count_w12': [k.filter((r) => inW12(r['raised_date'])).length, null, null],
    'concerns.action_on_time/on_time': pct(aot.filter((r) => r['action_agreed_date'] && days(r['raised_date'] ?? '', r['action_agreed_date']) <= 10).length, aot.length),
    'concerns.overdue_actions/count': [k.filter((r) => r['action_due_date'] && (r['action_due_date']) < E && !byE(r['action_completed_date'])).length, null, null],
    'concerns.time_to_close/median_days': [quantile(closed, 0.5), null, closed.length],
  };
}

function check(f: Figure | undefined, [value, numerator, denominator]: [number | null, number | null, number | null], where: string): void {
  expect(f, where).toBeDefined();
  if (value === null) expect(f?.value, where).toBeNull();
  else expect(Math.abs((f?.value ?? NaN) - value), `${where}: ${f?.value} vs ${value}`).toBeLessThanOrEqual(0.05 + 1e-9);
  if (numerator !== null) expect(f?.numerator, where).toBe(numerator);
  if (denominator !== null) expect(f?.denominator, where).toBe(denominator);
}

describe('sample data, 2026-10', () => {
  it('money is exact to the penny: the Adoption Support Fund total and mean in pennies, summed here as integers', () => {
    const FY = '2026-04-01';
    for (const entity of [...codes, 'region']) {
      const fy = (rows['support'] ?? []).filter((r) => (entity === 'region' || r['partner'] === entity) && !!r['asf_applied_date'] && (r['asf_applied_date'] ?? '') >= FY && (r['asf_applied_date'] ?? '') <= E);
      const pennies = fy.filter((r) => r['asf_amount'] !== null).map((r) => Math.round(Number(r['asf_amount']) * 100));
      const total = pennies.reduce((a, p) => a + p, 0);
      const m = ms.find((x) => x.id === 'support.asf_fy');
      const e = entity === 'region' ? m?.region : m?.partners[entity];
      expect(pennies.length, entity).toBeGreaterThan(0);
      expect(e?.figures['total_gbp']?.value, entity).toBe(total / 100);
      expect(e?.figures['mean_gbp']?.value, entity).toBe(Math.round(total / pennies.length) / 100);
      expect(e?.figures['applications']?.value, entity).toBe(fy.length);
    }
  });

  it('every partner and the region match plain JS over the current rows', () => {
    expect((rows['support'] ?? []).length).toBeGreaterThan(500);
    for (const entity of [...codes, 'region']) {
      const want = expected((r) => entity === 'region' || r['partner'] === entity);
      for (const [key, exp] of Object.entries(want)) {
        const [id, name] = key.split('/') as [string, string];
        const m = ms.find((x) => x.id === id);
        check((entity === 'region' ? m?.region : m?.partners[entity])?.figures[name], exp, `${entity} ${key}`);
      }
    }
  });

  it('dq.submission shows blank rows, so rows read = loaded + rejected + blank for every partner, dataset and the region', () => {
    const m = ms.find((x) => x.id === 'dq.submission');
    for (const [entity, e] of [...codes.map((c) => [c, m?.partners[c]] as const), ['region', m?.region] as const]) {
      const f = (k: string) => e?.figures[k]?.value ?? NaN;
      expect(f('rows_read'), entity).toBe(f('rows_loaded') + f('rows_rejected') + f('rows_blank'));
      const b = (k: string, ds: string) => e?.breakdowns?.[k]?.[ds]?.value ?? NaN;
      for (const ds of Object.keys(e?.breakdowns?.['rows_read'] ?? {})) expect(b('rows_read', ds), `${entity} ${ds}`).toBe(b('rows_loaded', ds) + b('rows_rejected', ds) + b('rows_blank', ds));
    }
    // westholm's children and adopters files each carry one fully blank row (sample-data/README.md).
    expect(m?.partners['westholm']?.breakdowns?.['rows_blank']).toMatchObject({ children: { value: 1 }, adopters: { value: 1 }, support: { value: 0 } });
    expect(m?.region.figures['rows_blank']?.value).toBe(2);
  });
});
