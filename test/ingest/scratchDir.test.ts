// Scratch folders of raa processes that no longer run are removed at the next start; live ones and others are kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScratchDir, removeStaleScratch } from '../../src/ingest/scratchDir.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'raa-scratch-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The PID of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function folder(dir: string, name: string, ageDays = 0): string {
  const path = join(dir, name);
  mkdirSync(path);
  writeFileSync(join(path, 'decoded-0.csv'), 'Child Unique ID\nC1\n');
  if (ageDays) {
    const t = new Date(Date.now() - ageDays * 86_400_000);
    utimesSync(path, t, t);
  }
  return path;
}

describe('removeStaleScratch', () => {
  it('removes folders of dead raa processes and old legacy ones, keeps live and unrelated ones', async () => {
    const dir = mkdtempSync(join(tmp, 'a-'));
    const dead = folder(dir, `raa-load-${deadPid()}-Ab12Cd`);
    const deadValidate = folder(dir, `raa-validate-${deadPid()}-Zz99Yy`);
    const live = folder(dir, `raa-validate-${process.pid}-Ef34Gh`);
    const legacyOld = folder(dir, 'raa-load-Qw12Er', 3);
    const legacyNew = folder(dir, 'raa-load-Ty34Ui');
    const other = folder(dir, 'raa-export-kill-Xy');
    expect((await removeStaleScratch(dir)).sort()).toEqual([dead, deadValidate, legacyOld].sort());
    expect(readdirSync(dir).sort()).toEqual([live, legacyNew, other].map((p) => p.slice(dir.length + 1)).sort());
  });

  it('names new scratch folders with this PID', async () => {
    const path = await makeScratchDir('validate');
    try {
      expect(path).toMatch(new RegExp(`raa-validate-${process.pid}-[A-Za-z0-9]{6}$`));
      expect(await removeStaleScratch(dirname(path))).not.toContain(path);
    } finally {
      rmSync(path, { recursive: true, force: true });
    }
  });

  it('runs at every raa start and says so under RAA_DEBUG', () => {
    const dir = mkdtempSync(join(tmp, 'b-'));
    const dead = folder(dir, `raa-load-${deadPid()}-Ab12Cd`);
    const r = spawnSync(process.execPath, [join(root, 'dist/src/cli/main.js'), 'spec', '--out', join(dir, 'spec'), '--format', 'md'], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: dir, RAA_DEBUG: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(r.stderr).toContain(`raa: removed ${dead}, left by a raa process that no longer runs`);
  });
});
