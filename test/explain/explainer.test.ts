// raa explain on the sample data: for every measure, every figure, breakdown cell and trend point, for every partner
// and the region, in both months, the records listed give the report's figure back. The figure is worked out again
// here from the rows alone (roles and values), independently of explain's own check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainer, figureNames, type Explanation } from '../../src/explain/explainer.js';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import type { Figure, MeasureResult } from '../../src/measure/types.js';
import type { Pipeline } from '../../src/pipeline/loadPipeline.js';
import { Database } from '../../src/warehouse/Database.js';
import { sampleCodes } from '../measure/sampleMeasures.js';
import { pipeline } from '../measure/warehouseFixture.js';
import { sampleRun } from '../sampleRun.js';

let db: Database;
let p: Pipeline;
beforeAll(async () => {
  db = await Database.open((await sampleRun()).warehouse, { access_mode: 'READ_ONLY' });
  p = pipeline(sampleCodes);
});
afterAll(() => db.close());

const r1 = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
function q(xs: number[], p: number): number {
  const a = [...xs].sort((x, y) => x - y);
  const pos = (a.length - 1) * p;
  const lo = Math.floor(pos);
  return a[lo]! + (a[Math.ceil(pos)]! - a[lo]!) * (pos - lo);
}

/** The figure's value (and numerator/denominator) from the rows listed, by the measure's definition, written out plainly. */
function fromRows(m: string, name: string, e: Explanation): { value: number | null; numerator?: number; denominator?: number; excluded?: number } {
  const rows = e.rows;
  const role = (r: string) => rows.filter((x) => x.role === r);
  const vals = role('counted').map((x) => x.value!);
  const excluded = role('excluded').length;
  const f = e.reported;
  if (m === 'dq.rejected_share') {
    const n = sum(rows.map((x) => x.value!));
    const d = sum(rows.map((x) => x.weight!));
    return { value: d ? r1((100 * n) / d) : null, numerator: n, denominator: d };
  }
  if (m === 'support.capacity') {
    // Worked from the inputs listed: counts of the support rows, FTE from the workforce rows.
    const n = (g: string) => rows.filter((x) => x.group === g).length;
    const parts = [...new Set(rows.map((x) => x.partner))];
    const meanOf = (pp: string) => {
      const byMonth = new Map<string, number>();
      for (const x of rows.filter((y) => y.partner === pp && y.group === 'fte_last_3_months')) byMonth.set(x.used['month']!, (byMonth.get(x.used['month']!) ?? 0) + x.value!);
      return byMonth.size ? sum([...byMonth.values()]) / byMonth.size : 0;
    };
    const meanFte = sum(parts.map(meanOf));
    const currentFte = sum(rows.filter((x) => x.group === 'fte_latest_month').map((x) => x.value!));
    const rate = meanFte > 0 ? n('allocations') / (3 * meanFte) : null;
    switch (name) {
      case 'allocations': return { value: n('allocations') };
      case 'awaiting': return { value: n('awaiting') };
      case 'arrivals': return { value: r2(n('received') / 3), numerator: n('received') };
      case 'mean_fte': return { value: r2(meanFte) };
      case 'current_fte': return { value: r2(currentFte) };
      case 'rate': return { value: rate === null ? null : r2(rate), numerator: n('allocations') };
      case 'months_to_clear': {
        if (rate === null) return { value: null };
        if (n('awaiting') === 0) return { value: 0 };
        const net = rate * currentFte - n('received') / 3;
        return { value: net > 0 ? r2(n('awaiting') / net) : null };
      }
      case 'extra_fte': return { value: rate ? r2(Math.max(0, (n('received') / 3 + n('awaiting') / p.targets.support.capacity.horizonMonths) / rate - currentFte)) : null };
    }
  }
  switch (f.unit) {
    case 'percent': {
      const n = role('numerator').length;
      const d = n + role('denominator').length;
      return { value: d ? r1((100 * n) / d) : null, numerator: n, denominator: d, excluded };
    }
    case 'fte':
      return { value: vals.length ? r2(sum(vals)) : excluded ? null : 0, excluded };
    case 'count':
      if (m === 'concerns.regional_themes' && name === 'themes') return { value: new Set(rows.map((x) => x.group)).size };
      if (rows.some((x) => x.value !== null)) return { value: sum(vals) }; // rows of files, not-known values
      return { value: rows.length };
    default: {
      const stat = name.startsWith('median') ? q(vals, 0.5) : name.startsWith('p90') ? q(vals, 0.9) : name.startsWith('longest') ? Math.max(...vals) : name.startsWith('total') ? sum(vals) : sum(vals) / vals.length;
      const value = vals.length === 0 ? null : f.unit === 'gbp' ? Math.round(stat * 100 + 1e-7) / 100 : r1(stat);
      return { value, denominator: vals.length, excluded };
    }
  }
}

function expectGivesBack(m: MeasureResult, name: string, e: Explanation): void {
  const f: Figure = e.reported;
  const where = `${m.id} ${name} ${e.entity} ${e.period}`;
  expect(e.agrees, `${where}: explain's own check`).toBe(true);
  if (f.status === 'not_submitted') {
    expect(e.rows, where).toEqual([]);
    return;
  }
  const got = fromRows(m.id, name, e);
  expect(got.value, `${where}: value`).toBe(f.value);
  if (f.numerator !== null && got.numerator !== undefined) expect(got.numerator, `${where}: numerator`).toBe(f.numerator);
  if (f.denominator !== null && got.denominator !== undefined) expect(got.denominator, `${where}: denominator`).toBe(f.denominator);
  if (f.excluded !== undefined) expect(got.excluded, `${where}: excluded`).toBe(f.excluded);
  for (const r of e.rows) {
    if (e.entity === 'region') expect(sampleCodes, where).toContain(r.partner);
    else expect(r.partner, where).toBe(e.entity);
    if (r.submissionId !== null) {
      expect(r.file, where).toBeTruthy();
      expect(r.sha256, where).toMatch(/^[0-9a-f]{64}$/);
    }
    if (r.source !== 'submission') expect(r.line, where).toBeGreaterThan(0);
    expect(r.reason.length, where).toBeGreaterThan(3);
  }
}

describe.each(['2026-10', '2026-09'])('raa explain, sample data, %s', (period) => {
  // Trend points in 2026-10 only: 2026-09's series cover the same months from the earlier submissions.
  it('gives back every figure, breakdown cell (and in 2026-10 trend point) of every measure, for the region and, from its rows, every partner', async () => {
    const { measures } = await computeMeasures(db, p, period);
    const explain = await explainer(db, p, period);
    const key = (r: Explanation['rows'][number]) => `${r.role}|${r.partner}|${r.key}|${r.group ?? ''}|${r.submissionId ?? ''}`;
    let checked = 0;
    let own = 0;
    for (const m of measures) {
      for (const name of figureNames(m, m.region).filter((n) => period === '2026-10' || !n.includes('@'))) {
        const region = await explain({ measure: m.id, figure: name });
        expectGivesBack(m, name, region);
        for (const partner of sampleCodes) {
          // Each partner's figure from the region's rows of that partner: the region's figure is over the union of theirs.
          const reported = m.partners[partner]!.figures[name] ?? cellOf(m, partner, name);
          const ofPartner = reported.status === 'not_submitted' ? [] : region.rows.filter((r) => r.partner === partner);
          expectGivesBack(m, name, { ...region, entity: partner, reported, agrees: true, rows: ofPartner });
          checked++;
          // `--partner P` lists exactly P's rows of the region's list (checked for every figure of 2026-10, not cells or trend points).
          if (period === '2026-10' && name in m.region.figures) {
            const listed = await explain({ measure: m.id, figure: name, partner });
            expect(listed.agrees, `${m.id} ${name} ${partner}`).toBe(true);
            expect(listed.rows.map(key).sort(), `${m.id} ${name} ${partner}`).toEqual(ofPartner.map(key).sort());
            own++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(period === '2026-10' ? 1200 : 800);
    if (period === '2026-10') expect(own).toBeGreaterThan(200);
  }, 240_000);
});

/** A partner's breakdown cell or trend point by its explain name. */
function cellOf(m: MeasureResult, partner: string, name: string): Figure {
  const e = m.partners[partner]!;
  const at = name.indexOf('@');
  if (at > 0) {
    const series = name.slice(0, at);
    const points = e.trends?.[series] ?? e.trend ?? [];
    return points.find((x) => x.month === name.slice(at + 1))!.figure;
  }
  const dot = name.indexOf('.');
  return e.breakdowns![name.slice(0, dot)]![name.slice(dot + 1)]!;
}
