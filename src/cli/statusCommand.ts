// `raa status <pipeline> [--period M] [--json]`: the submission ledger for a month, read-only (default: the latest month loaded).
import type { Command } from 'commander';
import { loadPipeline } from '../pipeline/loadPipeline.js';
import { withWarehouse } from '../pipeline/withWarehouse.js';
import { describeStatus } from '../status/describeStatus.js';
import { describeInboxes, inboxStatus } from '../status/inboxStatus.js';
import { latestPeriod, ledgerFileNames, ledgerStatus } from '../status/ledgerStatus.js';
import { exitCodes } from './exitCodes.js';
import { parsePeriod } from './parsePeriod.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('the submission ledger: who sent what and when, on time or late, resubmitted, held, rejected, missing')
    .argument('<pipeline>', 'the pipeline file (pipelines/<name>.yaml)')
    .option('--period <YYYY-MM>', 'the reporting month (default: the latest in the ledger)')
    .option('--json', 'print the ledger as JSON')
    .action(async (pipelinePath: string, o: { period?: string; json?: boolean }) => {
      const pipeline = loadPipeline(pipelinePath);
      const requested = parsePeriod(o.period);
      const status = await withWarehouse(pipeline.warehouse, { readOnly: true }, async (db) => {
        const period = requested ?? (await latestPeriod(db));
        return period === null ? null : ledgerStatus(db, pipeline, period);
      });
      // Beside the ledger, the inboxes: folders that do not exist, files not read, files not loaded yet.
      const inboxes = status ? await inboxStatus(pipeline, status.period, ledgerFileNames(status)) : [];
      if (o.json) process.stdout.write(`${JSON.stringify(status ? { ...status, inboxes } : { period: null, partners: [], inboxes }, null, 2)}\n`);
      else {
        const inboxLines = status ? describeInboxes(inboxes, status.period) : [];
        process.stdout.write(status ? `${[...describeStatus(status), ...(inboxLines.length ? ['', ...inboxLines] : [])].join('\n')}\n` : `The warehouse ${pipeline.warehouse} has no submissions yet; load some with raa run or raa load.\n`);
      }
      process.exitCode = exitCodes.ok;
    });
}
