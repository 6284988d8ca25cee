// raa check as a process against real warehouses: clean on a fresh load, names a changed inbox file and a ledger count
// that no longer holds (exit 1), reports an older schema without upgrading it, and calls a truncated or bit-flipped
// file damaged (exit 3).
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/warehouse/Database.js';
import { raaInProcess } from './cli/inProcess.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/src/cli/main.js');
const tmp = mkdtempSync(join(tmpdir(), 'raa-check-'));
const raa = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: tmp });

/** A pipeline in its own folder with one partner whose 2026-09 inbox is a copy of Rivermead's. */
function pipelineWith(name: string, warehouse = 'wh.duckdb'): { file: string; dir: string; inbox: string } {
  const dir = join(tmp, name);
  const inbox = join(dir, 'inbox', '2026-09');
  mkdirSync(inbox, { recursive: true });
  cpSync(join(root, 'sample-data/rivermead/2026-09'), inbox, { recursive: true });
  const file = join(dir, 'check.yaml');
  writeFileSync(file, `region: Test\nwarehouse: ${warehouse}\npartners:\n  - code: rivermead\n    name: Rivermead District Council\n    inbox: inbox\n`);
  return { file, dir, inbox };
}

/** Load the partner-month (in-process: it is the setup): exit 1 as the sample's Rivermead files carry deliberate row errors (quarantined). */
async function load(file: string): Promise<void> {
  const r = await raaInProcess('load', file, '--partner', 'rivermead', '--period', '2026-09');
  expect(r.stdout, r.stderr).toContain('5 loaded, 0 already in the ledger, 0 held, 0 rejected');
}

let loaded: { file: string; dir: string; inbox: string };
beforeAll(async () => {
  loaded = pipelineWith('loaded');
  await load(loaded.file);
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('raa check', () => {
  it('is clean on a warehouse just loaded, having read every table and hashed every inbox file', async () => {
    const r = raa('check', loaded.file, '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { verdict: string; tables: { name: string; rows: number }[]; filesChecked: number; findings: string[] };
    expect(report.verdict).toBe('clean');
    expect(report.findings).toEqual([]);
    expect(report.filesChecked).toBe(5);
    expect(report.tables.find((t) => t.name === 'support')?.rows).toBeGreaterThan(400);
    expect((await raaInProcess('check', loaded.file)).stdout).toContain('OK — the warehouse reads whole');
  });

  // Exit 0 and 3 are tested on the process; the findings (exit 1) and the schema note in-process, the same code.
  it('names an inbox file whose bytes changed after loading (exit 1)', async () => {
    const p = pipelineWith('changed');
    copyFileSync(join(loaded.dir, 'wh.duckdb'), join(p.dir, 'wh.duckdb'));
    appendFileSync(join(p.inbox, 'RM_WORKFORCE_202609.txt'), '\n');
    const r = await raaInProcess('check', p.file);
    expect(r.status, r.stdout).toBe(1);
    expect(r.stdout).toMatch(/DIFFERS: .*RM_WORKFORCE_202609\.txt: its bytes have changed since it was loaded/);
    expect(r.stdout).toContain('ATTENTION — 1 difference(s) found');
  });

  it('names a submission whose stored rows no longer match the ledger (exit 1)', async () => {
    const p = pipelineWith('rows');
    copyFileSync(join(loaded.dir, 'wh.duckdb'), join(p.dir, 'wh.duckdb'));
    const db = await Database.open(join(p.dir, 'wh.duckdb'));
    await db.run(`DELETE FROM support WHERE source_line IN (2, 3)`);
    db.close();
    Database.closeAll();
    const r = await raaInProcess('check', p.file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/DIFFERS: submission #\d+ \(rivermead 2026-09 support, RM_SUPPORT_202609\.txt, loaded\): the ledger records (\d+) row\(s\) stored, the warehouse holds (\d+)/);
  });

  it('reports an older schema without upgrading it', async () => {
    const p = pipelineWith('old', 'old.db');
    writeFileSync(join(p.dir, 'old.db'), gunzipSync(readFileSync(join(root, 'test/warehouse/fixtures/schema-1.db.gz'))));
    const before = readFileSync(join(p.dir, 'old.db'));
    const r = await raaInProcess('check', p.file);
    expect(r.stdout).toContain('note: the warehouse has schema 1; the next raa load or raa run upgrades it');
    expect(r.status, r.stdout).toBe(0);
    expect(readFileSync(join(p.dir, 'old.db')).equals(before)).toBe(true);
  });

  it('calls a truncated or bit-flipped warehouse damaged, with what to do (exit 3)', () => {
    const bytes = readFileSync(join(loaded.dir, 'wh.duckdb'));
    const truncated = pipelineWith('truncated');
    writeFileSync(join(truncated.dir, 'wh.duckdb'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const t = raa('check', truncated.file);
    expect(t.status, t.stdout + t.stderr).toBe(3);
    expect(t.stdout).toMatch(/DAMAGED: .*restore the warehouse from a backup/);

    const flipped = pipelineWith('flipped');
    const copy = Buffer.from(bytes);
    // One byte in every 256 KiB block after the file header: whatever blocks hold tables, their checksums now fail.
    for (let at = 3 * 4096 + 8 + 1000; at < copy.length; at += 262_144) copy[at] = (copy[at] ?? 0) ^ 0xff;
    writeFileSync(join(flipped.dir, 'wh.duckdb'), copy);
    const f = raa('check', flipped.file);
    expect(f.status, f.stdout + f.stderr).toBe(3);
    expect(f.stdout).toContain('DAMAGED');
    expect(f.stderr).toBe('');
    // Any other command meeting the damaged file says so in one line, with what to do, and exit 3 (not a bug's 70).
    const s = raa('status', flipped.file);
    expect(s.status).toBe(3);
    expect(s.stderr).toMatch(/^raa: .*wh\.duckdb: the warehouse file is damaged and cannot be opened \(.*\); restore it from a backup/);
    expect(s.stderr.trim().split('\n')).toHaveLength(1);
  });
});
