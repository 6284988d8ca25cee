// Every JSON report of the sample month — both reports, both audiences — validates against docs/report.schema.json
// (read back as a JSON Schema), the same schema is written beside the reports, and the JSON is complete for a machine
// reader: every figure's unit, direction, target, amber and window; every breakdown's and trend's total.
import { mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Figure, ReportData } from '../../src/measure/types.js';
import { raaInProcess } from '../cli/inProcess.js';
import { sampleRun } from '../sampleRun.js';

const repo = join(import.meta.dirname, '..', '..');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-schema-')));
const out = join(root, 'out');
const schemaText = readFileSync(join(repo, 'docs', 'report.schema.json'), 'utf8');
const validator = z.fromJSONSchema(JSON.parse(schemaText) as Parameters<typeof z.fromJSONSchema>[0]);
const reports: Record<string, ReportData> = {};

beforeAll(async () => {
  // The sample loaded once for the whole test run (test/globalSetup.ts), read here.
  const r = await raaInProcess('report', (await sampleRun()).pipeline, '--period', '2026-10', '--format', 'json', '--out', out);
  expect(r.status, r.stderr).toBe(0);
  for (const f of readdirSync(out).filter((x) => /^nms-.*\.json$/.test(x))) reports[f] = JSON.parse(readFileSync(join(out, f), 'utf8')) as ReportData;
}, 180_000);

const figuresOf = (d: ReportData): Figure[] =>
  d.measures.flatMap((m) =>
    [m.region, ...Object.values(m.partners)].flatMap((e) => [
      ...Object.values(e.figures),
      ...Object.values(e.breakdowns ?? {}).flatMap((b) => Object.values(b)),
      ...Object.values(e.trends ?? { _: e.trend ?? [] }).flatMap((pts) => pts.map((p) => p.figure)),
    ]),
  );

describe('the JSON report', () => {
  it('is written for both reports and audiences, with the schema beside them (the same as docs/report.schema.json)', () => {
    expect(Object.keys(reports).sort()).toEqual(['nms-25-7-internal.json', 'nms-25-7-published.json', 'nms-26-4-internal.json', 'nms-26-4-published.json']);
    expect(readFileSync(join(out, 'report.schema.json'), 'utf8')).toBe(schemaText);
  });

  it('validates against the JSON Schema, every report and audience', () => {
    for (const [file, data] of Object.entries(reports)) {
      const r = validator.safeParse(data);
      expect(r.success, `${file}: ${JSON.stringify(r.error?.issues.slice(0, 3))}`).toBe(true);
    }
  });

  it('the schema is not vacuous: an unknown key, a missing amber, a wrong unit or a bad window date fail', () => {
    const data = reports['nms-26-4-published.json'];
    const broken = (change: (f: Record<string, unknown>) => void) => {
      const copy = structuredClone(data) as ReportData;
      change(copy.measures[0]?.region.figures[copy.measures[0].headline] as unknown as Record<string, unknown>);
      return validator.safeParse(copy).success;
    };
    expect(broken(() => {})).toBe(true);
    expect(broken((f) => (f['extra'] = 1))).toBe(false);
    expect(broken((f) => delete f['amber'])).toBe(false);
    expect(broken((f) => (f['unit'] = 'furlongs'))).toBe(false);
    expect(broken((f) => (f['window'] = { kind: 'month', start: '2026-10-01', end: '2026-10-32' }))).toBe(false);
  });

  it('says for every figure its unit, direction, target and amber, and the dates it counts over', () => {
    for (const [file, data] of Object.entries(reports)) {
      for (const f of figuresOf(data)) {
        expect(Object.keys(f), file).toEqual(expect.arrayContaining(['unit', 'direction', 'target', 'amber', 'window']));
        expect((f.window?.start ?? '') <= (f.window?.end ?? ''), file).toBe(true);
      }
    }
    const support = reports['nms-26-4-internal.json']?.measures.find((m) => m.id === 'support.days_to_allocation')?.region.figures['within_target'];
    expect([support?.target, support?.amber, support?.direction, support?.timeLimit]).toEqual([80, 60, 'higher', { value: 28, unit: 'days' }]);
    const asf = reports['nms-26-4-internal.json']?.measures.find((m) => m.id === 'support.asf_fy')?.region.figures['total_gbp'];
    expect(asf?.window).toEqual({ kind: 'financial_year', start: '2026-04-01', end: '2026-10-31', financialYear: '2026-27' });
    expect(Math.round((asf?.value ?? 0) * 100)).toBe((asf?.value ?? 0) * 100);
  });

  it('says for every breakdown and trend the figure it adds up to, or null', () => {
    for (const data of Object.values(reports)) {
      for (const m of data.measures) {
        const e = m.region;
        expect(Object.keys(m.breakdownTotals ?? {}).sort(), m.id).toEqual(Object.keys(e.breakdowns ?? {}).sort());
        expect(Object.keys(m.trendTotals ?? {}).sort(), m.id).toEqual(Object.keys(e.trends ?? (e.trend ? { [m.headline]: e.trend } : {})).sort());
        for (const total of [...Object.values(m.breakdownTotals ?? {}), ...Object.values(m.trendTotals ?? {})]) if (total !== null) expect(e.figures[total], m.id).toBeDefined();
      }
    }
    const raised = reports['nms-25-7-internal.json']?.measures.find((m) => m.id === 'concerns.raised');
    expect(raised?.breakdownTotals).toEqual({ by_source: 'count_w12', by_category: 'count_w12' });
    const sum = Object.values(raised?.region.breakdowns?.['by_source'] ?? {}).reduce((a, f) => a + (f.value ?? 0), 0);
    expect(sum).toBe(raised?.region.figures['count_w12']?.value);
  });
});
