// `raa run <pipeline> [--period M] [--json]`: the monthly job — load every partner's inbox, render the reports, show the ledger, give a verdict.
import type { Command } from 'commander';
import { describeRun } from '../pipeline/describeRun.js';
import { loadPipeline } from '../pipeline/loadPipeline.js';
import { progressWriter } from '../pipeline/progress.js';
import { runExitCode, runPipeline } from '../pipeline/runPipeline.js';
import { loadReport } from '../report/loadReport.js';
import { reportsDir } from '../report/reportsDir.js';
import { parsePeriod } from './parsePeriod.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description("the monthly job: load every partner's inbox, render the reports, print the ledger and a verdict")
    .argument('<pipeline>', 'the pipeline file (pipelines/<name>.yaml)')
    .option('--period <YYYY-MM>', 'load and report this month only (default: load every month in the inboxes, report on the newest)')
    .option('--json', 'print the loads, the ledger and the verdict as JSON')
    .action(async (pipelinePath: string, o: { period?: string; json?: boolean }) => {
      const pipeline = loadPipeline(pipelinePath);
      // Every report definition is read and checked against the measure catalogue before any partner is loaded: a
      // mistake in one is a configuration error (exit 2) found at once, not after the month's loads.
      const dir = reportsDir();
      for (const id of pipeline.reports) loadReport(id, dir);
      const report = await runPipeline(pipeline, { period: parsePeriod(o.period), progress: progressWriter() });
      const code = runExitCode(report);
      if (o.json) process.stdout.write(`${JSON.stringify({ ok: code === 0, exitCode: code, ...report }, null, 2)}\n`);
      else process.stdout.write(`${describeRun(report).join('\n')}\n`);
      process.exitCode = code;
    });
}
