// The sample's monthly job that test/globalSetup.ts starts once per test run: `await sampleRun()` waits until it has
// finished (it runs while the first test files start) and gives its paths, exit code and output.
import { existsSync, readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { SampleRunOutcome, SampleRunPaths } from './globalSetup.js';

export type SampleRun = SampleRunPaths & SampleRunOutcome;

let done: Promise<SampleRun> | undefined;

export function sampleRun(): Promise<SampleRun> {
  return (done ??= wait());
}

async function wait(): Promise<SampleRun> {
  const paths = inject('sampleRun');
  // Within vitest's hook timeout (60 s, vitest.config.ts), so that a run that hangs is named here, not as a timed-out hook.
  const give = Date.now() + 50_000;
  while (!existsSync(paths.outcome)) {
    if (Date.now() > give) throw new Error('test/sampleRun: the sample run of test/globalSetup.ts did not finish within 50 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  const outcome = JSON.parse(readFileSync(paths.outcome, 'utf8')) as SampleRunOutcome;
  if (outcome.status !== 0 && outcome.status !== 1) throw new Error(`test/globalSetup: raa run on the sample data failed (exit ${outcome.status}): ${outcome.stderr}`);
  return { ...paths, ...outcome };
}
