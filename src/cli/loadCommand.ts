// `raa load <pipeline> --partner P --period M [files]`: validate and load one partner-month in one transaction; a line per file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describeLoad } from '../load/describeLoad.js';
import { needsAttention } from '../load/FileLoad.js';
import { inboxFiles, receivedTimes } from '../load/inboxFiles.js';
import { loadPartnerMonth } from '../load/loadPartnerMonth.js';
import { loadPipeline, type Pipeline } from '../pipeline/loadPipeline.js';
import { progressWriter } from '../pipeline/progress.js';
import { withWarehouse } from '../pipeline/withWarehouse.js';
import { exitCodes, UsageError } from './exitCodes.js';
import { parsePeriod } from './parsePeriod.js';

export function partnerOf(pipeline: Pipeline, code: string): Pipeline['partners'][number] {
  const partner = pipeline.partners.find((p) => p.code === code);
  if (!partner) throw new UsageError(`--partner must be one of the partners in ${pipeline.file}: ${pipeline.partners.map((p) => p.code).join(', ')} (got "${code}")`);
  return partner;
}

export function registerLoad(program: Command): void {
  program
    .command('load')
    .description('validate and load one partner-month into the warehouse, in one transaction')
    .argument('<pipeline>', 'the pipeline file (pipelines/<name>.yaml)')
    .argument('[files...]', "files to load (default: every CSV/TXT/TSV in the partner's inbox folder for the period)")
    .requiredOption('--partner <code>', 'the partner the files came from (a code from the pipeline file)')
    .requiredOption('--period <YYYY-MM>', 'the reporting month')
    .option('--accept-partial', 'load the good rows of a file held for having too many row errors')
    .option('--json', 'print the outcome per file as JSON (counts and rule codes)')
    .action(async (pipelinePath: string, files: string[], o: { partner: string; period: string; acceptPartial?: boolean; json?: boolean }) => {
      const pipeline = loadPipeline(pipelinePath);
      const partner = partnerOf(pipeline, o.partner);
      const period = parsePeriod(o.period) as string;
      for (const f of files) if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
      const folder = join(partner.inbox, period);
      const list = files.length > 0 ? await receivedTimes(files) : await inboxFiles(folder);
      if (list.length === 0) throw new UsageError(`no CSV/TXT/TSV files in ${folder}; name the files to load, or check --partner and --period`);
      const settings = { asfCap: pipeline.asfCap, holdThreshold: pipeline.holdThreshold };
      const load = await withWarehouse(pipeline.warehouse, {}, (db) =>
        loadPartnerMonth(db, { partner: partner.code, period, files: list, settings, acceptPartial: o.acceptPartial, progress: progressWriter() }),
      );
      const attention = load.files.some(needsAttention);
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ ok: !attention, warehouse: pipeline.warehouse, ...load }, null, 2)}\n`);
      } else {
        const n = (pred: (f: (typeof load.files)[number]) => boolean) => load.files.filter(pred).length;
        const lines = describeLoad(load);
        lines.push(
          '',
          `${n((f) => f.outcome === 'loaded')} loaded, ${n((f) => f.outcome.startsWith('already'))} already in the ledger, ${n((f) => f.outcome === 'held')} held, ${n((f) => f.outcome === 'rejected')} rejected` +
            (attention ? ': some rows or files were not loaded; `raa validate` on the file shows where and why' : ''),
        );
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      process.exitCode = attention ? exitCodes.dataErrors : exitCodes.ok;
    });
}
