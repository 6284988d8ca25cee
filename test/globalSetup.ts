// Once per `npm test`: the sample data's monthly job run for real (`raa run` as a process) into a warehouse in a temp
// folder, shared by the tests that need the loaded sample: they read it (read-only opens may share a file) or copy it,
// instead of each loading the sample from scratch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

export interface SampleRun {
  /** The folder holding the pipeline file, its warehouse and its reports. */
  dir: string;
  pipeline: string;
  warehouse: string;
  /** `raa run --json`'s exit code and output. */
  status: number | null;
  stdout: string;
  stderr: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleRun: SampleRun;
  }
}

export default function setup(project: TestProject): () => void {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'raa-sample-run-')));
  const pipeline = join(dir, 'sample.yaml');
  const warehouse = join(dir, 'sample.duckdb');
  writeFileSync(
    pipeline,
    readFileSync(join(repo, 'pipelines', 'sample.yaml'), 'utf8')
      .replace(/^# warehouse: .*$/m, `warehouse: ${warehouse}`)
      .replaceAll('../sample-data/', `${join(repo, 'sample-data')}/`),
  );
  const r = spawnSync(process.execPath, [join(repo, 'dist/src/cli/main.js'), 'run', pipeline, '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`test/globalSetup: raa run on the sample data failed (exit ${r.status}): ${r.stderr}`);
  project.provide('sampleRun', { dir, pipeline, warehouse, status: r.status, stdout: r.stdout, stderr: r.stderr });
  return () => rmSync(dir, { recursive: true, force: true });
}
