// A full disk or temp folder, for real: a tiny tmpfs (needs root, as CI has; otherwise these tests say why they do not
// run) under the temp folder, the warehouse and the reports. Each case is one line naming where space is needed, exit 4.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/cli/exitCodes.js';
import { LoadFailedError } from '../../src/load/LoadFailedError.js';
import { raaInProcess } from './inProcess.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'dist/src/cli/main.js');
const tmp = mkdtempSync(join(tmpdir(), 'raa-full-disk-'));
const small = join(tmp, 'small');
mkdirSync(small);

/** Mount a tmpfs of `size` at `small`; false when this machine does not allow it. */
function mountSmall(size: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', small]).status === 0;
}
const unmount = () => spawnSync('umount', [small]);
const mountable = mountSmall('64k');
unmount();
if (!mountable) console.warn('fullDisk.test: cannot mount a tmpfs here (not root?); the real full-disk cases are not run, the mapping cases are');
afterAll(() => {
  unmount();
  rmSync(tmp, { recursive: true, force: true });
});

const raa = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('a full disk or temp folder', () => {
  it('is exit 4 whatever raised it, even as the cause of a failed load', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(exitCodeOf(new LoadFailedError('northmoor', '2026-10', 'IO error', { cause: enospc }))).toBe(4);
    expect(exitCodeOf(new LoadFailedError('northmoor', '2026-10', 'IO error'))).toBe(3);
  });

  it.runIf(mountable)('while validating (the working copy of a UTF-16 file in a full temp folder): one line naming the file and the folder', () => {
    const file = join(tmp, 'unicode.txt');
    const text = readFileSync(join(root, 'sample-data/rivermead/2026-09/RM_SUPPORT_202609.txt'));
    writeFileSync(file, text);
    expect(text.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe])); // UTF-16 LE: decoded into a copy in the temp folder
    expect(mountSmall('64k')).toBe(true);
    try {
      const r = raa(['validate', file, '--period', '2026-09'], { TMPDIR: small });
      expect(r.status, r.stdout).toBe(4);
      expect(r.stderr.trim().split('\n')).toEqual([`raa: the disk is full: there was no space left while reading ${file} (raa writes its working copies in the temp folder ${small}; set TMPDIR to use another); free some space on that disk (or choose another folder), then run the command again`]);
      expect(r.stdout).not.toContain('export it again');
    } finally {
      unmount();
    }
  });

  it.runIf(mountable)('while writing reports: one line naming the folder', async () => {
    const dir = join(tmp, 'pipeline');
    mkdirSync(join(dir, 'inbox', '2026-09'), { recursive: true });
    cpSync(join(root, 'sample-data/rivermead/2026-09'), join(dir, 'inbox', '2026-09'), { recursive: true });
    const pipeline = join(dir, 'p.yaml');
    writeFileSync(pipeline, 'region: Test\npartners:\n  - code: rivermead\n    name: Rivermead District Council\n    inbox: inbox\n');
    const load = await raaInProcess('load', pipeline, '--partner', 'rivermead', '--period', '2026-09'); // the setup: in-process
    expect(load.stdout, load.stderr).toContain('5 loaded');
    expect(mountSmall('100k')).toBe(true);
    try {
      const r = raa(['report', pipeline, '--period', '2026-09', '--out', join(small, 'out'), '--format', 'html,json,csv']);
      expect(r.status, r.stderr).toBe(4);
      expect(r.stderr.trim().split('\n')).toEqual([`raa: the disk is full: there was no space left while writing the reports into ${join(small, 'out')}; free some space on that disk (or choose another folder), then run the command again`]);
    } finally {
      unmount();
    }
  });

  it.runIf(mountable)('while loading into a warehouse on a full disk: one line naming the warehouse file', () => {
    const dir = join(tmp, 'load');
    mkdirSync(join(dir, 'inbox', '2026-09'), { recursive: true });
    cpSync(join(root, 'sample-data/rivermead/2026-09'), join(dir, 'inbox', '2026-09'), { recursive: true });
    const pipeline = join(dir, 'p.yaml');
    writeFileSync(pipeline, `region: Test\nwarehouse: ${join(small, 'wh.duckdb')}\npartners:\n  - code: rivermead\n    name: Rivermead District Council\n    inbox: inbox\n`);
    expect(mountSmall('1m')).toBe(true);
    try {
      const r = raa(['load', pipeline, '--partner', 'rivermead', '--period', '2026-09']);
      expect(r.status, r.stdout + r.stderr).toBe(4);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^raa: the disk or the temp folder \(.*\) is full: .*wh\.duckdb.*No space left on device; free some space there/);
    } finally {
      unmount();
    }
  });
});
