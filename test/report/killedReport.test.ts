// A month's report set is one thing, under kill -9: `raa report` killed at several points leaves the month's folder
// holding one complete set (the previous one, or the new one), never a mix or a half-written file, and the next render
// removes what the killed one left.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { raaInProcess } from '../cli/inProcess.js';
import { sampleRun } from '../sampleRun.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-report-kill-')));
const pipeline = join(root, 'sample.yaml');
const parent = join(root, 'reports', 'sample');
const month = join(parent, '2026-10');

beforeAll(async () => {
  copyFileSync((await sampleRun()).warehouse, join(root, 'sample.duckdb'));
  writeFileSync(pipeline, readFileSync(join(repo, 'pipelines', 'sample.yaml'), 'utf8').replaceAll('../sample-data', join(repo, 'sample-data')));
});

/** The month's set as it stands: every file name with its generation time (each JSON's generatedAt). */
function theSet(): { files: string[]; generatedAt: Set<string> } {
  const files = readdirSync(month).sort();
  const generatedAt = new Set<string>();
  for (const f of files.filter((n) => n.endsWith('.json') && n.startsWith('nms-'))) generatedAt.add((JSON.parse(readFileSync(join(month, f), 'utf8')) as { generatedAt: string }).generatedAt);
  for (const f of files) if (!statSync(join(month, f)).isDirectory()) expect(statSync(join(month, f)).size, f).toBeGreaterThan(0);
  return { files, generatedAt };
}

describe('raa report killed with -9', () => {
  it('leaves one complete set at every point, and the next render tidies what it left', async () => {
    // The renders before and after the kills run in this process (the same code as the CLI's); the killed ones are processes.
    const first = await raaInProcess('report', pipeline, '--period', '2026-10');
    expect(first.status, first.stderr).toBe(0);
    const complete = theSet();
    expect(complete.generatedAt.size).toBe(1);

    let killedMidWay = 0;
    for (const delay of [500, 1200, 2000]) {
      const child = spawn(process.execPath, [cli, 'report', pipeline, '--period', '2026-10'], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      if (child.exitCode === null) {
        killedMidWay++;
        child.kill('SIGKILL');
      }
      await new Promise((r) => child.once('close', r));
      // One set, whole: the same files as a complete render, every JSON from one and the same render.
      const now = theSet();
      expect(now.files, `killed at ${delay} ms`).toEqual(complete.files);
      expect(now.generatedAt.size, `killed at ${delay} ms: files of two renders mixed`).toBe(1);
    }
    expect(killedMidWay, 'no render was still running when killed').toBeGreaterThan(1);

    const again = await raaInProcess('report', pipeline, '--period', '2026-10');
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(['2026-10']);
    expect(theSet().files).toEqual(complete.files);
  }, 180_000); // five whole renders, three as processes: under a loaded machine this can pass the default minute
});
