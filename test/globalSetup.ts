// Once per `npm test`: the sample data's monthly job run for real (`raa run` as a process) into a warehouse in a temp
// folder, shared by the tests that need the loaded sample: they read it (read-only opens may share a file) or copy it,
// instead of each loading the sample from scratch. It runs while the first test files (those that do not need it)
// start; a test that needs it waits for it with `await sampleRun()` (test/sampleRun.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/** Where the sample run is: known at once. */
export interface SampleRunPaths {
  /** The folder holding the pipeline file, its warehouse and its reports. */
  dir: string;
  pipeline: string;
  warehouse: string;
  /** Written when `raa run` has exited: its exit code and output (SampleRunOutcome), as JSON. */
  outcome: string;
}

/** How `raa run --json` ended. */
export interface SampleRunOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleRun: SampleRunPaths;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'raa-sample-run-')));
  const paths: SampleRunPaths = { dir, pipeline: join(dir, 'sample.yaml'), warehouse: join(dir, 'sample.duckdb'), outcome: join(dir, 'outcome.json') };
  writeFileSync(
    paths.pipeline,
    readFileSync(join(repo, 'pipelines', 'sample.yaml'), 'utf8')
      .replace(/^# warehouse: .*$/m, `warehouse: ${paths.warehouse}`)
      .replaceAll('../sample-data/', `${join(repo, 'sample-data')}/`),
  );
  const child = spawn(process.execPath, [join(repo, 'dist/src/cli/main.js'), 'run', paths.pipeline, '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<void>((resolve) => {
    child.on('close', (status) => {
      const outcome: SampleRunOutcome = { status, stdout, stderr };
      // Written beside, then renamed: a test that sees the file sees all of it.
      writeFileSync(`${paths.outcome}.part`, JSON.stringify(outcome));
      renameSync(`${paths.outcome}.part`, paths.outcome);
      resolve();
    });
  });
  project.provide('sampleRun', paths);
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
}
