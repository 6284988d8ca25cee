// The catalogue is the single source: the measures the SQL computes on the sample data are exactly the catalogue's
// (ids, figures, breakdowns, trends, units), the pipeline's target keys and defaults are the catalogue's, and every
// figure says how it is judged and which dates it counts over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeasure } from '../../src/measure/buildMeasure.js';
import { catalogue, defaultNumbers, measureDefinition } from '../../src/catalogue/catalogue.js';
import { count } from '../../src/measure/figure.js';
import { measureContext } from '../../src/measure/MeasureContext.js';
import type { EvidenceList, Figure, MeasureResult } from '../../src/measure/types.js';
import { Targets } from '../../src/config/PipelineConfig.js';
import { sampleMeasures } from './sampleMeasures.js';
import { cleanup, fig, newWarehouse, pipeline, submit } from './warehouseFixture.js';

let measures: MeasureResult[];
let evidence: EvidenceList[];
beforeAll(async () => {
  ({ measures, evidence } = (await sampleMeasures('2026-10')).computed);
}, 120_000);
afterAll(cleanup);

const keys = (r: Record<string, unknown> | undefined) => Object.keys(r ?? {}).sort();

describe('the measure catalogue', () => {
  it('declares exactly the measures, figures, breakdowns and trends the SQL computes on the sample data', () => {
    expect(measures.map((m) => m.id).sort()).toEqual(catalogue.map((m) => m.id).sort());
    for (const m of measures) {
      const d = measureDefinition(m.id);
      expect([m.title, m.standard, m.headline], m.id).toEqual([d.title, d.standard, d.headline]);
      for (const e of [m.region, ...Object.values(m.partners)]) {
        expect(keys(e.figures), m.id).toEqual(keys(d.figures));
        expect(keys(e.breakdowns), m.id).toEqual(keys(d.breakdowns));
        expect(keys(e.trends ?? (e.trend ? { [m.headline]: e.trend } : {})), m.id).toEqual(keys(d.trends));
        for (const [k, f] of Object.entries(e.figures)) expect(f.unit, `${m.id} ${k}`).toBe(d.figures[k]?.unit);
      }
      expect(m.breakdownTotals ?? {}, m.id).toEqual(Object.fromEntries(Object.entries(d.breakdowns ?? {}).map(([k, b]) => [k, b.total])));
      expect(m.trendTotals ?? {}, m.id).toEqual(Object.fromEntries(Object.entries(d.trends ?? {}).map(([k, t]) => [k, t.total])));
    }
  });

  it('declares the evidence lists the internal report carries, with their titles and columns', () => {
    const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(evidence.map((e) => [e.id, e.title, e.columns]).sort(byId)).toEqual(catalogue.filter((m) => m.evidence).map((m) => [m.id, m.evidence?.title, m.evidence?.columns]).sort(byId));
    expect(evidence.some((e) => e.rows.length > 0)).toBe(true);
  });

  it('is consistent in itself: unique ids, headline and totals name figures, a total of none says why, targets where figures are judged', () => {
    expect(new Set(catalogue.map((m) => m.id)).size).toBe(catalogue.length);
    for (const m of catalogue) {
      expect(m.figures[m.headline], m.id).toBeDefined();
      for (const [name, b] of Object.entries(m.breakdowns ?? {})) {
        if (b.total === null) expect(b.why, `${m.id} ${name}`).toBeTruthy();
        else expect(m.figures[b.total], `${m.id} ${name}`).toBeDefined();
      }
      for (const [name, t] of Object.entries(m.trends ?? {})) {
        expect(m.figures[name], `${m.id} trend ${name}`).toBeDefined();
        if (t.total === null) expect(t.why, `${m.id} ${name}`).toBeTruthy();
        else expect(m.figures[t.total], `${m.id} ${name}`).toBeDefined();
      }
      const judged = Object.values(m.figures).some((f) => f.judged);
      expect(judged, m.id).toBe(m.target !== undefined && m.target.kind !== 'horizon');
      const usesTarget = [m.definition, m.numerator ?? '', m.denominator ?? '', m.window, ...Object.values(m.figures).map((f) => f.title)].join(' ');
      if (/\{days\}|\{months\}/.test(usesTarget)) expect(m.target ?? m.targetFrom, m.id).toBeDefined();
      if (m.targetFrom) expect(measureDefinition(m.targetFrom).target, m.id).toBeDefined();
    }
  });

  it("gives the pipeline file's targets: the same keys, and the catalogue's numbers as defaults", () => {
    const defaults = Targets.parse({}) as Record<string, Record<string, Record<string, number>>>;
    const fromCatalogue: Record<string, Record<string, Record<string, number>>> = {};
    for (const m of catalogue) {
      if (!m.target) continue;
      const [group = '', name = ''] = m.id.split('.');
      (fromCatalogue[group] ??= {})[name] = defaultNumbers(m.target) as Record<string, number>;
    }
    expect(defaults).toEqual(fromCatalogue);
  });

  it('refuses a figure the catalogue does not declare, and a declared one the SQL left out', async () => {
    const db = await newWarehouse();
    await submit(db, { partner: 'a', period: '2026-10', dataset: 'support', rows: [] });
    const ctx = await measureContext(db, pipeline(['a']), '2026-10');
    const counts = (extra: Record<string, Figure>) => () => ({ figures: { count: count(1), ...extra }, trends: { count: Array.from({ length: 12 }, () => count(0)) } });
    expect(() => buildMeasure(ctx, 'support.received', counts({ count_w12: count(2), count_m3: count(3) }))).toThrow(
      'measure support.received: figures computed [count, count_m3, count_w12] but the catalogue declares [count, count_w12]',
    );
    expect(() => buildMeasure(ctx, 'support.received', counts({}))).toThrow('figures computed [count] but the catalogue declares [count, count_w12]');
    expect(() => buildMeasure(ctx, 'support.nonsense', counts({}))).toThrow('measure support.nonsense is not in the catalogue');
  });
});

describe('every figure says how it is judged and over which dates', () => {
  it('target, amber and direction as the pipeline sets them; the time limit in its unit', () => {
    const f = fig(measures, 'support.days_to_allocation', 'region', 'within_target');
    expect([f.direction, f.target, f.amber, f.timeLimit]).toEqual(['higher', 80, 60, { value: 28, unit: 'days' }]);
    expect(f.rag).toBe(f.value === null ? null : f.value >= 80 ? 'green' : f.value >= 60 ? 'amber' : 'red');
    const a10 = fig(measures, 'children.a10', 'region', 'mean_days');
    expect([a10.direction, a10.target, a10.amber]).toEqual(['lower', 426, null]);
    const dq = fig(measures, 'dq.rejected_share', 'region', 'rejected_share');
    expect([dq.direction, dq.target, dq.amber]).toEqual(['lower', 1, 5]);
    const volume = fig(measures, 'support.received', 'region', 'count');
    expect([volume.direction, volume.target, volume.amber, volume.rag]).toEqual([null, null, null, null]);
  });

  it('a target set in the pipeline file overrides the default, in the figure and its RAG', async () => {
    const db = await newWarehouse();
    const rows = [{ received_date: '2026-10-01', allocated_date: '2026-10-20' }, { received_date: '2026-10-01', allocated_date: '2026-10-05' }];
    await submit(db, { partner: 'a', period: '2026-10', dataset: 'support', rows });
    const p = pipeline(['a'], 'targets:\n  support:\n    days_to_allocation: { days: 10, green: 50, amber: 40 }\n');
    const ctx = await measureContext(db, p, '2026-10');
    const { supportMeasures } = await import('../../src/measure/supportMeasures.js');
    const f = fig(await supportMeasures(ctx), 'support.days_to_allocation', 'a', 'within_target');
    expect([f.value, f.target, f.amber, f.rag, f.timeLimit]).toEqual([50, 50, 40, 'green', { value: 10, unit: 'days' }]);
  });

  it('windows: the month, twelve months, the financial year, as at the month end, and each trend point its month', () => {
    expect(fig(measures, 'support.received', 'region', 'count').window).toEqual({ kind: 'month', start: '2026-10-01', end: '2026-10-31' });
    expect(fig(measures, 'support.received', 'northmoor', 'count_w12').window).toEqual({ kind: 'twelve_months', start: '2025-11-01', end: '2026-10-31' });
    expect(fig(measures, 'support.asf_fy', 'region', 'total_gbp').window).toEqual({ kind: 'financial_year', start: '2026-04-01', end: '2026-10-31', financialYear: '2026-27' });
    expect(fig(measures, 'support.awaiting_allocation', 'region', 'count').window).toEqual({ kind: 'as_at', start: '2026-10-31', end: '2026-10-31' });
    expect(fig(measures, 'support.capacity', 'region', 'allocations').window).toEqual({ kind: 'last_three_months', start: '2026-08-01', end: '2026-10-31' });
    // Concerns raised in the last 10 days have not had their time: the window ends 10 days before the month end.
    expect(fig(measures, 'concerns.action_on_time', 'region', 'on_time').window).toEqual({ kind: 'twelve_months', start: '2025-11-01', end: '2026-10-21' });
    const m = measures.find((x) => x.id === 'support.awaiting_allocation');
    expect(m?.region.trend?.[0]?.figure.window).toEqual({ kind: 'as_at', start: '2025-11-30', end: '2025-11-30' });
    const r = measures.find((x) => x.id === 'support.received');
    expect(r?.region.trend?.[3]?.figure.window).toEqual({ kind: 'month', start: '2026-02-01', end: '2026-02-28' });
    for (const x of measures) {
      for (const e of [x.region, ...Object.values(x.partners)]) {
        const all = [...Object.values(e.figures), ...Object.values(e.breakdowns ?? {}).flatMap((b) => Object.values(b)), ...(e.trend ?? []).map((p) => p.figure)];
        for (const f of all) expect(f.window, x.id).toBeDefined();
      }
    }
  });
});
