// `raa explain` on the loaded sample warehouse: the real process for the table output and its exit code, the rest
// in-process (JSON, CSV, breakdown cells, trend points, a partner that sent nothing, and every usage error: exit 2).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { raaInProcess } from './inProcess.js';
import { sampleRun } from '../sampleRun.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
let samplePipeline = '';
beforeAll(async () => {
  samplePipeline = (await sampleRun()).pipeline;
});
const sample = () => samplePipeline;
const raa = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('raa explain (process)', () => {
  it("lists the records behind a partner's rate and says they give the figure back", () => {
    const r = raa('explain', sample(), 'support.days_to_allocation', '--period', '2026-10', '--partner', 'rivermead', '--figure', 'within_target');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^INTERNAL: .*Not for publication/);
    const shows = /The report shows: ([\d.]+)% \((\d+) of (\d+)\)/.exec(r.stdout);
    expect(shows).not.toBeNull();
    const [, , numerator, denominator] = shows!;
    expect(r.stdout).toContain(`give back: ${shows![1]}% (${numerator} of ${denominator}) — the same figure`);
    // One line per record: the numerator's, then those only in the denominator, each with its file and line.
    const recordLines = lines.filter((l) => /^(numerator|denominator only)\s+rivermead\s+support\s+request_id=/.test(l));
    expect(recordLines.filter((l) => l.startsWith('numerator')).length).toBe(Number(numerator));
    expect(recordLines.length).toBe(Number(denominator));
    expect(recordLines.every((l) => /RM_SUPPORT_202610\.txt\s+[0-9a-f]{12}\s+\d+/.test(l))).toBe(true);
    expect(r.stdout).toContain('Numerator: requests allocated in the twelve months within 28 days of being received');
  });

  it('--format json: the whole explanation, the notice on stderr; the region lists every partner', async () => {
    const r = await raaInProcess('explain', sample(), 'concerns.time_to_close', '--period', '2026-10', '--figure', 'median_days', '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^INTERNAL: /);
    const e = JSON.parse(r.stdout) as { audience: string; entity: string; agrees: boolean; reported: { value: number; denominator: number }; rows: { partner: string; value: number; sha256: string; role: string }[] };
    expect(e.audience).toBe('internal');
    expect(e.entity).toBe('region');
    expect(e.agrees).toBe(true);
    expect(e.rows.length).toBe(e.reported.denominator);
    expect(new Set(e.rows.map((x) => x.partner)).size).toBe(5);
    const days = e.rows.map((x) => x.value).sort((a, b) => a - b);
    const mid = (days.length - 1) / 2;
    expect((days[Math.floor(mid)]! + days[Math.ceil(mid)]!) / 2).toBe(e.reported.value);
    expect(e.rows.every((x) => /^[0-9a-f]{64}$/.test(x.sha256))).toBe(true);
  });
});

describe('raa explain (in-process)', () => {
  it('--format csv: one line per record with the full sha256, the notice on stderr', async () => {
    const r = await raaInProcess('explain', sample(), 'children.placed', '--period', '2026-10', '--partner', 'northmoor', '--figure', 'adoption_orders', '--format', 'csv');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^INTERNAL: /);
    const lines = r.stdout.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('role,partner,source,record,file,sha256,line,adoption_order_date,value,group,reason');
    const json = JSON.parse((await raaInProcess('explain', sample(), 'children.placed', '--period', '2026-10', '--partner', 'northmoor', '--figure', 'adoption_orders', '--format', 'json')).stdout) as { reported: { value: number } };
    expect(lines.length - 1).toBe(json.reported.value);
    expect(lines.slice(1).every((l) => /^counted,northmoor,children,child_id=[^,]+ · adm_decision_date=\d{4}-\d\d-\d\d,[^,]+,[0-9a-f]{64},\d+,\d{4}-\d\d-\d\d,,,/.test(l))).toBe(true);
  });

  it('explains a breakdown cell and a trend point', async () => {
    const cell = await raaInProcess('explain', sample(), 'concerns.raised', '--period', '2026-10', '--figure', 'by_source.complaint', '--format', 'json');
    expect(cell.status).toBe(0);
    const c = JSON.parse(cell.stdout) as { reported: { value: number }; rows: { used: { source: string } }[]; agrees: boolean };
    expect(c.agrees).toBe(true);
    expect(c.rows.length).toBe(c.reported.value);
    expect(c.rows.every((x) => x.used.source === 'complaint')).toBe(true);
    const point = await raaInProcess('explain', sample(), 'support.awaiting_allocation', '--period', '2026-10', '--partner', 'eastbridge', '--figure', 'count@2026-05');
    expect(point.status).toBe(0);
    expect(point.stdout).toMatch(/awaiting allocation, 2026-05 — eastbridge/);
    expect(point.stdout).toContain('— the same figure');
  });

  it('a partner that sent no workforce file: not submitted, no records', async () => {
    const r = await raaInProcess('explain', sample(), 'workforce.fte', '--period', '2026-10', '--partner', 'southwold');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The report shows: not submitted');
    expect(r.stdout).toContain('southwold sent no accepted file of a dataset this measure needs for 2026-10');
  });

  it.each([
    [['--audience', 'published'], /internal audience only and never runs for "published"/],
    [['--format', 'csv,json'], /one at a time/],
    [['--figure', 'nonsense'], /support.days_to_allocation has no figure "nonsense"; it has: median_days, p90_days, within_target/],
    [['--partner', 'atlantis'], /no partner "atlantis"/],
  ])('usage error %j: exit 2 and one line', async (extra, message) => {
    const r = await raaInProcess('explain', sample(), 'support.days_to_allocation', '--period', '2026-10', ...extra);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown measure or a month with no data: exit 2', async () => {
    const m = await raaInProcess('explain', sample(), 'support.nonsense', '--period', '2026-10');
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/no measure "support.nonsense"/);
    const p = await raaInProcess('explain', sample(), 'support.received', '--period', '2030-01');
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/no data for 2030-01.*2026-10/);
  });
});
