// `raa report` as a process on a real warehouse of the sample data: files written, usage errors (exit 2), published output free of record ids, re-rendering stable.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/measure/types.js';
import { raaInProcess } from '../cli/inProcess.js';
import { sampleRun } from '../sampleRun.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-report-')));
const pipeline = join(root, 'sample.yaml');

const raa = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const raaWith = (env: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ReportData;

beforeAll(async () => {
  // A copy of the sample warehouse loaded once for the whole test run (test/globalSetup.ts), so that this file's
  // renders write beside its own pipeline file.
  copyFileSync((await sampleRun()).warehouse, join(root, 'sample.duckdb'));
  const sample = readFileSync(join(repo, 'pipelines', 'sample.yaml'), 'utf8').replaceAll('../sample-data', join(repo, 'sample-data'));
  writeFileSync(pipeline, sample);
  // One render of the whole set for 2026-10 beside the pipeline file, read by the tests below that need the whole set.
  r = raa('report', pipeline, '--period', '2026-10');
});
let r: ReturnType<typeof raa>;
const whole = join(root, 'reports', 'sample', '2026-10');

describe('raa report', () => {
  it('writes HTML, JSON and CSV for every report and audience under reports/<pipeline name>/<M>/ beside the pipeline file', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = join(root, 'reports', 'sample', '2026-10');
    for (const id of ['nms-25-7', 'nms-26-4']) {
      for (const a of ['internal', 'published']) {
        expect(existsSync(join(out, `${id}-${a}.html`))).toBe(true);
        expect(json(join(out, `${id}-${a}.json`)).audience).toBe(a);
        expect(readdirSync(join(out, `${id}-${a}-csv`)).length).toBeGreaterThan(5);
      }
    }
    expect(r.stdout).toContain('reports/sample/2026-10/nms-26-4-published.html');
    expect(readdirSync(join(root, 'reports', 'sample'))).toEqual(['2026-10']);
  });

  it('keeps record ids out of published output and evidence in the internal JSON only', () => {
    const out = whole;
    expect(r.status).toBe(0);
    for (const id of ['nms-25-7', 'nms-26-4']) {
      const internal = json(join(out, `${id}-internal.json`));
      const ids = (internal.evidence ?? []).flatMap((e) => e.rows.map((row) => String(row[0])));
      expect(ids.length).toBeGreaterThan(0);
      const published = [readFileSync(join(out, `${id}-published.html`), 'utf8'), readFileSync(join(out, `${id}-published.json`), 'utf8'),
        ...readdirSync(join(out, `${id}-published-csv`)).map((f) => readFileSync(join(out, `${id}-published-csv`, f), 'utf8'))].join('\n');
      for (const rid of ids) expect(published).not.toMatch(new RegExp(`\\b${rid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
      expect(json(join(out, `${id}-published.json`)).evidence).toBeUndefined();
    }
  });

  it('gives the same figures when a month is rendered again', async () => {
    const a = mkdtempSync(join(tmpdir(), 'raa-report-a-'));
    const b = mkdtempSync(join(tmpdir(), 'raa-report-b-'));
    expect((await raaInProcess('report', pipeline, '--period', '2026-09', '--report', 'nms-26-4', '--audience', 'published', '--format', 'json', '--out', a)).status).toBe(0);
    expect((await raaInProcess('report', pipeline, '--period', '2026-09', '--report', 'nms-26-4', '--audience', 'published', '--format', 'json', '--out', b)).status).toBe(0);
    const strip = (d: ReportData) => ({ ...d, generatedAt: '' });
    expect(strip(json(join(a, 'nms-26-4-published.json')))).toEqual(strip(json(join(b, 'nms-26-4-published.json'))));
    expect(readdirSync(a)).toEqual(['nms-26-4-published.json', 'report.schema.json']);
  });

  it.each([
    [['--period', '2026-07'], 'no data for 2026-07: the warehouse has loaded submissions for 2026-09, 2026-10; choose one of these with --period'],
    [['--period', '2026-10', '--report', 'nms-99'], '--report: no report "nms-99"; reports available: nms-25-7, nms-26-4, theory-of-change'],
    [['--period', '2026-10', '--format', 'html,docx'], '--format: unknown format "docx"; choose from html, json, csv, pdf'],
    [['--period', '2026-10', '--audience', 'board'], '--audience must be one of: internal, published (got "board")'],
    [['--period', 'October'], '--period must be a month as YYYY-MM'],
  ])('refuses %j with one line and exit 2 (in-process: usage errors need no process of their own)', async (args, message) => {
    const r = await raaInProcess('report', pipeline, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('the summary page', () => {
  it('gives each headline figure its change since last month, computed from that month in the warehouse, and "no data" for a month it does not hold', async () => {
    const out = whole; // the whole set rendered for 2026-10 (beforeAll); September's JSON beside it
    const sep = mkdtempSync(join(tmpdir(), 'raa-report-summary-'));
    expect(r.status).toBe(0);
    expect((await raaInProcess('report', pipeline, '--period', '2026-09', '--report', 'nms-26-4', '--audience', 'internal', '--format', 'json', '--out', sep)).status).toBe(0);
    const regionCount = (d: ReportData) => d.measures.find((m) => m.id === 'support.received')?.region.figures['count']?.value ?? NaN;
    const [now, then] = [regionCount(json(join(out, 'nms-26-4-internal.json'))), regionCount(json(join(sep, 'nms-26-4-internal.json')))];
    const html = readFileSync(join(out, 'nms-26-4-internal.html'), 'utf8');
    const row = /<tr data-measure="support\.received">([^]*?)<\/tr>/.exec(html)?.[1] ?? '';
    const cells = [...row.matchAll(/<t[hd][^>]*>([^]*?)<\/t[hd]>/g)].map((c) => c[1]);
    expect(cells[0]).toBe('Requests received');
    expect(cells[1]).toBe(String(now));
    expect(cells[4]).toBe(now === then ? `no change from ${then}` : `${now > then ? 'up' : 'down'} ${Math.abs(now - then)} from ${then}`);
    expect(cells[5]).toBe('no data'); // October 2025: nothing loaded
    expect(html).toContain('<th scope="col">Since Sept 2026</th><th scope="col">Since Oct 2025</th>');
    // A figure with a target states it in its own unit, on the summary and on its tile.
    expect(html).toMatch(/<tr data-measure="support\.days_to_allocation">[^]*?<td class="target">within 28 days: target 80% or more \(amber from 60%\)<\/td>/);
    expect(html).toMatch(/data-measure="support\.days_to_allocation">[^]*?<span class="tile-target">within 28 days: target 80% or more \(amber from 60%\)<\/span>/);
  });
});

describe('where reports go', () => {
  // A pipeline that renders one report for one audience: the behaviours here are the same for any set, at a quarter of
  // the rendering.
  const small = join(root, 'small.yaml');
  const month = join(root, 'reports', 'small', '2026-10');
  const one = (text: string) => text.replace(/^reports: .*$/m, 'reports: [nms-25-7]\naudiences: [published]').replace(/\nwarehouse: .*$/m, '') + '\nwarehouse: sample.duckdb\n';
  beforeAll(() => writeFileSync(small, one(readFileSync(pipeline, 'utf8'))));

  it('keeps two pipelines in one folder apart: each writes under reports/<its name>/', async () => {
    // A second pipeline beside the first, reading the same warehouse (named explicitly) under another region name.
    const other = join(root, 'other.yaml');
    writeFileSync(other, readFileSync(small, 'utf8').replace(/^region: .*$/m, 'region: Other Vale Adoption'));
    expect((await raaInProcess('report', small, '--period', '2026-10')).status).toBe(0);
    const r = await raaInProcess('report', other, '--period', '2026-10');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(json(join(root, 'reports', 'other', '2026-10', 'nms-25-7-published.json')).region).toBe('Other Vale Adoption');
    expect(json(join(month, 'nms-25-7-published.json')).region).toBe('Wessex Vale Adoption');
  });

  it('swaps a whole month in at once, and replaces only the files asked for when rendering part of it', async () => {
    expect((await raaInProcess('report', small, '--period', '2026-10')).status).toBe(0);
    writeFileSync(join(month, 'stray.txt'), 'not part of the set');
    const htmlBefore = statSync(join(month, 'nms-25-7-published.html')).ino;
    const partial = await raaInProcess('report', small, '--period', '2026-10', '--report', 'nms-25-7', '--audience', 'published', '--format', 'json');
    expect(partial.status).toBe(0);
    expect(partial.stdout).toContain('/reports/small/2026-10/nms-25-7-published.json\n');
    expect(partial.stdout).not.toMatch(/nms-26-4|internal|\.html|\.csv/);
    // Only that JSON was replaced: everything else, even a stray file, is as it was.
    expect(existsSync(join(month, 'stray.txt'))).toBe(true);
    expect(statSync(join(month, 'nms-25-7-published.html')).ino).toBe(htmlBefore);
    // The whole month again: a new folder in place of the old, nothing of the old left.
    expect((await raaInProcess('report', small, '--period', '2026-10')).status).toBe(0);
    expect(existsSync(join(month, 'stray.txt'))).toBe(false);
    expect(readdirSync(join(root, 'reports', 'small')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('tidies up after a render that was killed: half-written files removed, a set moved aside put back', async () => {
    const parent = join(root, 'reports', 'small');
    const dead = 2 ** 22 + 12_345; // above Linux's default pid_max, so no process has it
    mkdirSync(join(parent, `.2026-10.tmp-${dead}`));
    writeFileSync(join(month, `nms-25-7-published.json.tmp-${dead}`), '{"half":');
    const partial = await raaInProcess('report', small, '--period', '2026-10', '--format', 'json');
    expect(partial.status).toBe(0);
    expect(partial.stderr).toBe(`raa: removed ${join(month, `nms-25-7-published.json.tmp-${dead}`)}, left by a render that was stopped\n`);
    // Killed between moving the old set aside and moving the new one in: the old set comes back, then is replaced.
    expect(spawnSync('mv', [month, join(parent, `.2026-10.old-${dead}`)]).status).toBe(0);
    expect((await raaInProcess('report', small, '--period', '2026-10')).status).toBe(0);
    expect(readdirSync(parent)).toEqual(['2026-10']);
    expect(readdirSync(month)).toContain('nms-25-7-published.html');
  });

  it('refuses PDF without Chromium in one line naming how to install it (exit 2), before writing anything', () => {
    const out = mkdtempSync(join(tmpdir(), 'raa-report-nopdf-'));
    const noPath = raaWith({ PATH: '/nonexistent', RAA_CHROMIUM: '' }, 'report', pipeline, '--period', '2026-10', '--format', 'html,pdf', '--out', out);
    expect(noPath.stderr).toBe('raa: PDF needs Chromium, which is not on the PATH: install it (apt-get install chromium) or set RAA_CHROMIUM to its path; nothing was written\n');
    expect(noPath.status).toBe(2);
    const wrong = raaWith({ RAA_CHROMIUM: '/nonexistent/chromium' }, 'report', pipeline, '--period', '2026-10', '--format', 'pdf', '--out', out);
    expect(wrong.stderr).toBe('raa: PDF needs Chromium, but RAA_CHROMIUM=/nonexistent/chromium is not an executable file: point RAA_CHROMIUM at Chromium, or unset it and install Chromium (apt-get install chromium); nothing was written\n');
    expect(wrong.status).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });
});
