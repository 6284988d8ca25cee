// `raa report` as a process on a real warehouse of the sample data: files written, usage errors (exit 2), published output free of record ids, re-rendering stable.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/measure/types.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-report-')));
const pipeline = join(root, 'sample.yaml');

const raa = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ReportData;

beforeAll(() => {
  const sample = readFileSync(join(repo, 'pipelines', 'sample.yaml'), 'utf8').replaceAll('../sample-data', join(repo, 'sample-data'));
  writeFileSync(pipeline, sample);
  const run = raa('run', pipeline);
  expect(run.status, run.stderr).not.toBe(3);
}, 120_000);

describe('raa report', () => {
  it('writes HTML, JSON and CSV for every report and audience under reports/out/<M>/ of the working directory', () => {
    const r = raa('report', pipeline, '--period', '2026-10');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = join(root, 'reports', 'out', '2026-10');
    for (const id of ['nms-25-7', 'nms-26-4']) {
      for (const a of ['internal', 'published']) {
        expect(existsSync(join(out, `${id}-${a}.html`))).toBe(true);
        expect(json(join(out, `${id}-${a}.json`)).audience).toBe(a);
        expect(readdirSync(join(out, `${id}-${a}-csv`)).length).toBeGreaterThan(5);
      }
    }
    expect(r.stdout).toContain('reports/out/2026-10/nms-26-4-published.html');
  });

  it('keeps record ids out of published output and evidence in the internal JSON only', () => {
    const out = mkdtempSync(join(tmpdir(), 'raa-report-out-'));
    expect(raa('report', pipeline, '--period', '2026-10', '--out', out).status).toBe(0);
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

  it('gives the same figures when a month is rendered again', () => {
    const a = mkdtempSync(join(tmpdir(), 'raa-report-a-'));
    const b = mkdtempSync(join(tmpdir(), 'raa-report-b-'));
    expect(raa('report', pipeline, '--period', '2026-09', '--report', 'nms-26-4', '--audience', 'published', '--format', 'json', '--out', a).status).toBe(0);
    expect(raa('report', pipeline, '--period', '2026-09', '--report', 'nms-26-4', '--audience', 'published', '--format', 'json', '--out', b).status).toBe(0);
    const strip = (d: ReportData) => ({ ...d, generatedAt: '' });
    expect(strip(json(join(a, 'nms-26-4-published.json')))).toEqual(strip(json(join(b, 'nms-26-4-published.json'))));
    expect(readdirSync(a)).toEqual(['nms-26-4-published.json']);
  });

  it.each([
    [['--period', '2026-07'], 'no data for 2026-07: the warehouse has loaded submissions for 2026-09, 2026-10; choose one of these with --period'],
    [['--period', '2026-10', '--report', 'nms-99'], '--report: no report "nms-99"; reports available: nms-25-7, nms-26-4'],
    [['--period', '2026-10', '--format', 'html,docx'], '--format: unknown format "docx"; choose from html, json, csv, pdf'],
    [['--period', '2026-10', '--audience', 'board'], '--audience must be one of: internal, published (got "board")'],
    [['--period', 'October'], '--period must be a month as YYYY-MM'],
  ])('refuses %j with one line and exit 2', (args, message) => {
    const r = raa('report', pipeline, ...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});
