// `raa load` and `raa status` as processes (the built dist/): exit codes, one-line messages and never a stack trace,
// the lock message for readers and writers while a load runs, and a load killed with SIGKILL leaving the warehouse as it
// was. Steps whose process is not the point (setup loads, the steps after an exit code is shown) run in-process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSupport } from '../bench/generateSupport.js';
import { Database } from '../src/warehouse/Database.js';
import { openWarehouse } from '../src/warehouse/openWarehouse.js';
import { csv, inbox, pipelineFile, rows } from './loadFixtures.js';
import { raaInProcess } from './cli/inProcess.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-load-cli-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => Database.closeAll());

function raa(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `raa` without blocking, so several can run at once. */
async function raaAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const proc = spawn(process.execPath, [cli, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const [status] = (await once(proc, 'close')) as [number | null];
  return { status, stdout, stderr };
}

/** A Node stack frame or an uncaught-error banner. */
const stackTrace = /^\s+at .+[:(]|node:internal|Node\.js v\d/m;

let n = 0;
function setup(partners = ['p1']): { dir: string; pipeline: string; warehouse: string } {
  const dir = join(root, `t${++n}`);
  mkdirSync(dir);
  return { dir, pipeline: pipelineFile(dir, partners), warehouse: join(dir, 'raa.duckdb') };
}

/** Everything a load could change: every ledger row and the size of every table. */
async function snapshot(warehouse: string) {
  const db = await openWarehouse(warehouse);
  try {
    return {
      submissions: await db.all('SELECT * FROM submission ORDER BY id'),
      counts: await db.all(`SELECT (SELECT count(*) FROM diagnostic) AS d, (SELECT count(*) FROM quarantine) AS q, (SELECT count(*) FROM support) AS s, (SELECT count(*) FROM children) AS c`),
    };
  } finally {
    db.release();
  }
}

describe('raa load exit codes and output', () => {
  // Exit codes 0 and 1 as processes; the later steps of each case in-process (runCli, the same code).
  it('exits 0 when loaded cleanly, 1 with rejected rows, 0 when already loaded; prints counts and rule codes, never values', async () => {
    const { dir, pipeline } = setup();
    inbox(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(20)), 'children.csv': csv('children', rows.children(2)) });
    const first = raa(['load', pipeline, '--partner', 'p1', '--period', '2026-09']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('support.csv  (support)  loaded #');
    expect(first.stdout).toContain('20 read, 20 loaded, 0 rejected, 0 blank, 0 with warnings');

    const secret = 'NOT-A-DATE-7781';
    inbox(dir, 'p1', '2026-10', { 'support.csv': csv('support', rows.support(20, (i) => (i === 7 ? { received_date: secret } : {}))) });
    const second = raa(['load', pipeline, '--partner', 'p1', '--period', '2026-10']);
    expect(second.status).toBe(1);
    expect(second.stdout).toContain('20 read, 19 loaded, 1 rejected');
    expect(second.stdout).toContain('diagnostics by rule: date.format 1');
    expect(second.stdout).not.toContain(secret);

    const again = await raaInProcess('load', pipeline, '--partner', 'p1', '--period', '2026-10', '--json');
    expect(again.status).toBe(0);
    const json = JSON.parse(again.stdout) as { ok: boolean; files: { outcome: string }[] };
    expect(json.files.map((f) => f.outcome)).toEqual(['already_loaded']);
    expect(again.stdout).not.toContain(secret);
  });

  it('exits 1 for a held file and loads it with --accept-partial', async () => {
    const { dir, pipeline } = setup();
    inbox(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(4, (i) => (i === 1 ? { received_date: 'x' } : {}))) });
    const held = await raaInProcess('load', pipeline, '--partner', 'p1', '--period', '2026-09');
    expect(held.status).toBe(1);
    expect(held.stdout).toContain('HELD #1');
    const partial = await raaInProcess('load', pipeline, '--partner', 'p1', '--period', '2026-09', '--accept-partial', '--json');
    expect(partial.status).toBe(1);
    expect((JSON.parse(partial.stdout) as { files: unknown[] }).files).toMatchObject([{ outcome: 'loaded', acceptedPartial: true, counts: { rowsLoaded: 3, rowsRejected: 1 } }]);
    const again = await raaInProcess('load', pipeline, '--partner', 'p1', '--period', '2026-09');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already loaded as #2 (same bytes)');
  });

  it('exits 2 with one line for usage and configuration mistakes', async () => {
    const { dir, pipeline } = setup();
    inbox(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(2)) });
    const cases: [string[], RegExp][] = [
      [['load', pipeline, '--partner', 'nobody', '--period', '2026-09'], /^raa: --partner must be one of the partners in .*: p1 \(got "nobody"\)\n$/],
      [['load', pipeline, '--partner', 'p1', '--period', '2026-13'], /^raa: --period must be a month as YYYY-MM/],
      [['load', pipeline, '--partner', 'p1', '--period', '2026-08'], /^raa: no CSV\/TXT\/TSV files in .*2026-08; name the files to load/],
      [['load', pipeline, '--partner', 'p1', '--period', '2026-09', join(dir, 'nope.csv')], /^raa: .*nope\.csv: no such file\n$/],
      [['load', join(dir, 'missing.yaml'), '--partner', 'p1', '--period', '2026-09'], /^raa: .*missing\.yaml: cannot read the pipeline file/],
      [['status', join(dir, 'missing.yaml')], /^raa: .*missing\.yaml: cannot read the pipeline file/],
    ];
    for (const [i, [args, message]] of cases.entries()) {
      // The first as a process; the rest in-process (runCli), as usage errors need no process of their own.
      const r = i === 0 ? raa(args) : await raaInProcess(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(stackTrace);
    }
  });

  it('exits 3 with one line when the load fails mid-transaction (an injected I/O error), leaving the warehouse as it was', async () => {
    const { dir, pipeline, warehouse } = setup();
    inbox(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(5)) });
    expect((await raaInProcess('load', pipeline, '--partner', 'p1', '--period', '2026-09')).status).toBe(0);
    const before = await snapshot(warehouse);
    Database.closeAll();
    inbox(dir, 'p1', '2026-10', { 'support.csv': csv('support', rows.support(6)), 'children.csv': csv('children', rows.children(2)) });
    const failed = raa(['load', pipeline, '--partner', 'p1', '--period', '2026-10'], { RAA_FAIL_AFTER_INSERT: '1' });
    expect(failed.status).toBe(3);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toBe('raa: loading p1 2026-10 failed and nothing was stored (the warehouse is as it was before): injected failure after inserting rows (RAA_FAIL_AFTER_INSERT=1)\n');
    expect(await snapshot(warehouse)).toEqual(before);
    Database.closeAll();
    expect((await raaInProcess('load', pipeline, '--partner', 'p1', '--period', '2026-10')).status).toBe(0);
  });

  it('exits 3 from raa status when there is no warehouse yet, and names what to do', () => {
    const { pipeline, warehouse } = setup();
    const r = raa(['status', pipeline]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(`raa: ${warehouse}: there is no warehouse here yet; load some data first (raa load or raa run)\n`);
  });
});

describe('a load in progress', () => {
  // 150k rows: more than one of DuckDB's row groups (122,880 rows), so the load writes row data into the warehouse file
  // before COMMIT, which is what a kill must not leave behind.
  const rowCount = 150_000;
  const big = join(root, 'big');
  const bigFile = join(big, 'p1', '2026-10', 'support.csv');
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    mkdirSync(join(big, 'p1', '2026-10'), { recursive: true });
    await generateSupport(bigFile, rowCount);
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });

  /**
   * Start `raa load` on the big file and resolve once its progress shows `stage` (the warehouse is open by then). The
   * load stops before COMMIT, with everything written inside its transaction, until a file exists at `go`.
   */
  async function startLoad(pipeline: string, stage: RegExp, go: string, extra: string[] = []): Promise<ChildProcess> {
    const proc = spawn(process.execPath, [cli, 'load', pipeline, '--partner', 'p1', '--period', '2026-10', bigFile, ...extra], {
      cwd: repo,
      env: { ...process.env, RAA_PROGRESS: '1', RAA_TEST_PAUSE_BEFORE_COMMIT: go },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      proc.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (stage.test(stderr)) resolve();
      });
      proc.on('exit', (code) => reject(new Error(`raa load exited ${code} before ${String(stage)}: ${stderr}`)));
    });
    return proc;
  }

  it('killed with SIGKILL while validating, while storing or with everything written but not committed, leaves the warehouse exactly as it was; the next load refuses readers and writers with "in use by process N" and exit 3 while it runs, then succeeds', async () => {
    const { dir, pipeline, warehouse } = setup();
    inbox(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(30)), 'children.csv': csv('children', rows.children(5)) });
    expect(raa(['load', pipeline, '--partner', 'p1', '--period', '2026-09']).status).toBe(0);
    const before = await snapshot(warehouse);
    Database.closeAll();

    // 1. Killed: `never` is never created, so each load is held before COMMIT at the latest and every kill lands before it.
    const never = join(dir, 'never');
    for (const [stage, delay] of [[/checking support\.csv/, 150], [/storing/, 0], [/paused before COMMIT/, 0]] as const) {
      const proc = await startLoad(pipeline, stage, never);
      await new Promise((r) => setTimeout(r, delay));
      expect(proc.exitCode, `still running at ${String(stage)} + ${delay} ms`).toBeNull();
      proc.kill('SIGKILL');
      await once(proc, 'exit');
      expect(await snapshot(warehouse)).toEqual(before);
      Database.closeAll();
    }

    // 2. The next load, held before COMMIT while readers and writers try the warehouse (each refused), then let go.
    const go = join(dir, 'go');
    const proc = await startLoad(pipeline, /paused before COMMIT/, go, ['--json']);
    const busy = `raa: the warehouse ${warehouse} is in use by process ${proc.pid}; try again when it finishes\n`;
    const attempts = [['status', pipeline], ['status', pipeline, '--json'], ['load', pipeline, '--partner', 'p1', '--period', '2026-10', bigFile], ['run', pipeline]];
    const results = await Promise.all(attempts.map(raaAsync));
    expect(proc.exitCode, 'the load was still running').toBeNull();
    results.forEach((r, i) => {
      expect(r.status, attempts[i]?.join(' ')).toBe(3);
      expect(r.stderr).toBe(busy);
      expect(r.stdout).toBe('');
    });
    let stdout = '';
    proc.stdout?.on('data', (b: Buffer) => (stdout += b.toString()));
    writeFileSync(go, '');
    const [code] = (await once(proc, 'exit')) as [number];
    expect(code).toBe(1); // loaded, with the file's planted row errors
    const [file] = (JSON.parse(stdout) as { files: { outcome: string; counts: { rowsRead: number; rowsLoaded: number } }[] }).files;
    expect(file).toMatchObject({ outcome: 'loaded', counts: { rowsRead: rowCount } });
    const after = await snapshot(warehouse);
    expect(after.submissions.slice(0, before.submissions.length)).toEqual(before.submissions);
    expect(after.counts[0]).toMatchObject({ s: 30 + (file?.counts.rowsLoaded ?? 0) });
    const status = raa(['status', pipeline, '--json']);
    expect(status.status).toBe(0);
    expect(JSON.stringify(JSON.parse(status.stdout))).toContain('"state":"loaded"');
  });
});
