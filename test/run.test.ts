// `raa run` as a process on the bundled sample data (a copy of the sample pipeline with its own warehouse): both months
// loaded with the resubmission, every file's counts reconciled against the warehouse and the expected diagnostics, the
// ledger telling the truth, a second run changing nothing; and on fixtures, one partner's broken inbox never stops the others.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../src/pipeline/runPipeline.js';
import type { LedgerStatus } from '../src/status/ledgerStatus.js';
import { Database } from '../src/warehouse/Database.js';
import { csv, inbox, pipelineFile, queryWarehouse, rows } from './loadFixtures.js';
import { raaInProcess } from './cli/inProcess.js';
import { sampleRun } from './sampleRun.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-run-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => Database.closeAll());

function raa(...args: string[]) {
  // Run from a temp folder (reports go beside each pipeline file, also in the temp folder).
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const query = queryWarehouse;
/** The purpose-built inboxes render one report for one audience: what they test does not depend on the set. */
const oneReport = 'reports: [nms-25-7]\naudiences: [internal]\n';

interface Expected {
  partner: string;
  period: string;
  dataset: string;
  received: string;
  diagnostics: { rule: string; severity: string; line: number | null }[];
}

describe('raa run on the sample data', () => {
  const dir = join(root, 'sample');
  const warehouse = join(dir, 'raa.duckdb');
  const pipeline = join(dir, 'sample.yaml');
  const expected = JSON.parse(readFileSync(join(repo, 'sample-data/expected-diagnostics.json'), 'utf8')) as Record<string, Expected>;
  let first: { status: number | null; report: RunReport & { exitCode: number } };

  beforeAll(async () => {
    mkdirSync(dir);
    const yaml = readFileSync(join(repo, 'pipelines/sample.yaml'), 'utf8')
      .replace(/^# warehouse: .*$/m, `warehouse: ${warehouse}`)
      .replaceAll('../sample-data/', `${join(repo, 'sample-data')}/`);
    writeFileSync(pipeline, yaml);
    // The first run is the one test/globalSetup.ts made for the whole test run (the same pipeline, its own folder):
    // its output is checked here, and later tests go on from a copy of the warehouse it wrote.
    const r = await sampleRun();
    expect(r.stderr).toBe('');
    copyFileSync(r.warehouse, warehouse);
    first = { status: r.status, report: JSON.parse(r.stdout) as RunReport & { exitCode: number } };
  });

  it('loads both months for every partner, every file once, and exits 1 for the planted row errors', () => {
    const { report } = first;
    expect(report.periods).toEqual(['2026-09', '2026-10']);
    expect(report.reportPeriod).toBe('2026-10');
    expect(report.loads.map((l) => l.error)).toEqual(report.loads.map(() => null));
    const loaded = report.loads.flatMap((l) => l.files.map((f) => `${l.partner}/${l.period}/${f.file} ${f.outcome}`)).sort();
    expect(loaded).toEqual(Object.keys(expected).map((k) => `${k} loaded`).sort());
    expect(first.status).toBe(1);
    expect(report.exitCode).toBe(1);
  });

  it('reconciles every file: rows read = loaded + rejected + blank, stored rows, quarantine and diagnostics as expected', async () => {
    const subs = await query<{ id: number; partner: string; period: string; file_name: string; dataset: string; rows_read: number; rows_loaded: number; rows_rejected: number; blank_rows: number; stored: number; quarantined: number; diagnostics: number; received: string }>(
      warehouse,
      `SELECT s.id, s.partner, s.period, s.file_name, s.dataset, s.rows_read, s.rows_loaded, s.rows_rejected, s.blank_rows,
         (SELECT count(*) FROM children WHERE submission_id = s.id) + (SELECT count(*) FROM adopters WHERE submission_id = s.id)
         + (SELECT count(*) FROM support WHERE submission_id = s.id) + (SELECT count(*) FROM concerns WHERE submission_id = s.id)
         + (SELECT count(*) FROM workforce WHERE submission_id = s.id) AS stored,
         (SELECT count(*) FROM quarantine WHERE submission_id = s.id) AS quarantined,
         (SELECT count(*) FROM diagnostic WHERE submission_id = s.id) AS diagnostics,
         strftime(s.received_at, '%Y-%m-%dT%H:%M:%SZ') AS received
       FROM submission s ORDER BY s.id`,
    );
    expect(subs.length).toBe(Object.keys(expected).length);
    for (const s of subs) {
      const key = `${s.partner}/${s.period}/${s.file_name}`;
      const e = expected[key];
      expect(e, key).toBeDefined();
      if (!e) continue;
      const rejectedLines = new Set(e.diagnostics.filter((d) => d.severity === 'row_error').map((d) => d.line)).size;
      expect({ key, ...s }).toMatchObject({
        key, dataset: e.dataset, received: e.received, rows_read: s.rows_loaded + s.rows_rejected + s.blank_rows,
        rows_rejected: rejectedLines, stored: s.rows_loaded, quarantined: rejectedLines, diagnostics: e.diagnostics.length,
      });
      expect(s.rows_loaded, key).toBeGreaterThan(0);
    }
  });

  it('writes the partner-months in month-then-partner order, though it validates each month’s files together', async () => {
    const order = ['northmoor', 'eastbridge', 'southwold', 'westholm', 'rivermead'];
    const subs = await query<{ period: string; partner: string }>(warehouse, `SELECT period, partner FROM submission ORDER BY id`);
    const runs = subs.map((s) => `${s.period} ${order.indexOf(s.partner)}`).filter((k, i, all) => i === 0 || k !== all[i - 1]);
    expect(runs).toEqual(['2026-09', '2026-10'].flatMap((p) => order.map((_, i) => `${p} ${i}`)));
  });

  it('keeps the resubmission’s history: the first file superseded by the later one, which is current', async () => {
    const subs = await query<{ id: number; file_name: string; status: string; superseded_by: number | null }>(
      warehouse, `SELECT id, file_name, status, superseded_by FROM submission WHERE partner = 'eastbridge' AND period = '2026-10' AND dataset = 'support' ORDER BY id`,
    );
    const [original, resubmitted] = subs;
    expect(subs).toHaveLength(2);
    expect(original).toMatchObject({ file_name: 'support.csv', status: 'superseded', superseded_by: resubmitted?.id });
    expect(resubmitted).toMatchObject({ file_name: 'support_resubmitted.csv', status: 'loaded', superseded_by: null });
    expect(await query(warehouse, `SELECT DISTINCT submission_id FROM current_support WHERE partner = 'eastbridge' AND period = '2026-10'`)).toEqual([{ submission_id: resubmitted?.id }]);
  });

  it('shows the truth in raa status: loaded, resubmitted, late, and the workforce file not sent', async () => {
    const r = await raaInProcess('status', pipeline, '--json');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as LedgerStatus;
    expect(s.period).toBe('2026-10');
    expect(s.due).toBe('2026-11-10');
    const states = Object.fromEntries(s.partners.flatMap((p) => p.datasets.map((d) => [`${p.code}/${d.dataset}`, d.state])));
    expect(Object.entries(states).filter(([, st]) => st !== 'loaded')).toEqual([['southwold/workforce', 'not_sent']]);
    const eastSupport = s.partners.find((p) => p.code === 'eastbridge')?.datasets.find((d) => d.dataset === 'support');
    expect(eastSupport).toMatchObject({ versions: 2, current: { file: 'support_resubmitted.csv', rowsRead: 381, rowsLoaded: 381 } });
    for (const p of s.partners) {
      for (const d of p.datasets.filter((x) => x.received)) {
        const late = d.received !== null && d.received > '2026-11-10T23:59:59Z';
        expect(d.onTime, `${p.code}/${d.dataset} ${d.received ?? ''}`).toBe(!late);
      }
    }
    expect(s.partners.some((p) => p.datasets.some((d) => d.onTime === false))).toBe(true);
    const human = await raaInProcess('status', pipeline, '--period', '2026-09');
    expect(human.stdout).toContain('Submissions for 2026-09 (due by the end of 10/10/2026)');
    expect(human.stdout).not.toMatch(/MISSING|HELD|REJECTED/);
  });

  it('changes nothing when run again: every file already loaded, exit 0, an OK verdict, no progress lines off a terminal', async () => {
    const before = await query(warehouse, 'SELECT count(*) AS n, max(id) AS last FROM submission');
    const r = raa('run', pipeline);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\nVerdict: OK — 2026-09, 2026-10: 0 file\(s\) loaded, 49 already in the ledger; nothing needs attention\.\n$/);
    expect(r.stdout).toContain(`wrote ${join(dir, 'reports', 'sample', '2026-10', 'nms-26-4-published.html')}`);
    expect(await query(warehouse, 'SELECT count(*) AS n, max(id) AS last FROM submission')).toEqual(before);
  });
});

describe('raa run on purpose-built inboxes', () => {
  it('goes on past one partner’s broken inbox and another’s broken file, and says so in the summary and verdict', async () => {
    const dir = join(root, 'broken');
    mkdirSync(dir);
    const pipeline = pipelineFile(dir, ['p1', 'p2', 'p3'], oneReport);
    inbox(dir, 'p1', '2026-10', { 'support.csv': csv('support', rows.support(3)) });
    writeFileSync(join(dir, 'p1', '2026-10', 'manifest.json'), '{"files": [');
    inbox(dir, 'p2', '2026-10', { 'children.csv': csv('children', rows.children(3)), 'notes.csv': 'What,Where\nthis,that\n' });
    // p3's file ends with a blank row (commas only): read, neither loaded nor rejected, and shown as such.
    const p3Support = csv('support', rows.support(3));
    inbox(dir, 'p3', '2026-10', { 'support.csv': `${p3Support}${','.repeat((p3Support.split('\n')[0] ?? '').split(',').length - 1)}\n` });
    const r = await raaInProcess('run', pipeline);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/month +partner +files +loaded +already +held +rejected +rows read +rows loaded +rows rejected +blank +warnings +needs attention\n/);
    expect(r.stdout).toMatch(/2026-10\s+p1\s+0\s+0\s+0\s+0\s+0\s+0\s+0\s+0\s+0\s+0\s+FAILED: .*manifest\.json: the manifest is not valid JSON/);
    expect(r.stdout).toMatch(/2026-10\s+p2\s+2\s+1\s+0\s+0\s+1\s+3\s+3\s+0\s+0\s+0\s+notes\.csv: rejected/);
    // rows read 4 = loaded 3 + rejected 0 + blank 1
    expect(r.stdout).toMatch(/2026-10\s+p3\s+1\s+1\s+0\s+0\s+0\s+4\s+3\s+0\s+1\s+0\s*\n/);
    expect(r.stdout).toMatch(/\nVerdict: ATTENTION — 2026-10: 2 file\(s\) loaded, 0 already in the ledger; 1 partner-month\(s\) FAILED and were left as they were \(p1 2026-10\), 1 file\(s\) rejected, 10 required dataset\(s\) MISSING \(p1 2026-10 children, /);
    const ledger = await query(join(dir, 'raa.duckdb'), 'SELECT partner, dataset, file_name, status FROM submission ORDER BY id');
    expect(ledger).toEqual([
      { partner: 'p2', dataset: 'children', file_name: 'children.csv', status: 'loaded' },
      { partner: 'p2', dataset: null, file_name: 'notes.csv', status: 'rejected' },
      { partner: 'p3', dataset: 'support', file_name: 'support.csv', status: 'loaded' },
    ]);
  });

  it('runs again OK once a rejected file has a loaded successor, and keeps saying ATTENTION while a held one has none', async () => {
    const dir = join(root, 'rerun');
    mkdirSync(dir);
    const pipeline = pipelineFile(dir, ['p1'], oneReport);
    const broken = csv('support', rows.support(3)).replace('Request type,', 'Kind,');
    // every other required dataset too: a missing one would need attention of its own
    const others = { 'children.csv': csv('children', rows.children(1)), 'adopters.csv': csv('adopters', rows.adopters(1)), 'concerns.csv': csv('concerns', rows.concerns(1)) };
    inbox(dir, 'p1', '2026-10', { ...others, 'support.csv': broken, 'support fixed.csv': csv('support', rows.support(3)) });
    expect((await raaInProcess('run', pipeline)).status).toBe(1);
    const again = await raaInProcess('run', pipeline);
    expect(again.stdout).toMatch(/\nVerdict: OK — 2026-10: 0 file\(s\) loaded, 5 already in the ledger; nothing needs attention\.\n$/);
    expect(again.status).toBe(0);

    inbox(dir, 'p1', '2026-11', { 'children.csv': csv('children', rows.children(3, () => ({ entered_care: 'x' }))) });
    expect((await raaInProcess('run', pipeline)).status).toBe(1);
    const stillHeld = await raaInProcess('run', pipeline);
    expect(stillHeld.status).toBe(1);
    expect(stillHeld.stdout).toMatch(/\nVerdict: ATTENTION — 2026-10, 2026-11: 0 file\(s\) loaded, 6 already in the ledger; 1 file\(s\) held or rejected earlier still without a loaded replacement[.,]/);
  });

  it('loads only the month asked for with --period, and reports on it', async () => {
    const dir = join(root, 'period');
    mkdirSync(dir);
    const pipeline = pipelineFile(dir, ['p1'], oneReport);
    inbox(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(3)) });
    inbox(dir, 'p1', '2026-10', { 'support.csv': csv('support', rows.support(4)) });
    const r = await raaInProcess('run', pipeline, '--period', '2026-09', '--json');
    const report = JSON.parse(r.stdout) as RunReport;
    expect(r.status).toBe(1); // children, adopters and concerns are missing for 2026-09
    expect(report.missingDatasets.map((m) => `${m.period} ${m.dataset}`)).toEqual(['2026-09 children', '2026-09 adopters', '2026-09 concerns']);
    expect(report.periods).toEqual(['2026-09']);
    expect(report.reportPeriod).toBe('2026-09');
    expect(report.ledger?.partners[0]?.datasets.find((d) => d.dataset === 'support')?.state).toBe('loaded');
    expect(report.ledger?.partners[0]?.datasets.find((d) => d.dataset === 'children')?.state).toBe('missing');
  });
});
