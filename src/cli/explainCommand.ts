// `raa explain <pipeline> <measure-id> --period M [--partner P] [--figure name] [--format table|csv|json]`: the records
// behind one figure, read-only. Internal only: it lists record ids, so it has no published audience.
import type { Command } from 'commander';
import { explainer } from '../explain/explainer.js';
import { explainFormats, explanationCsv, explanationJson, explanationTable, internalNotice, type ExplainFormat } from '../render/explanationText.js';
import { loadPipeline } from '../pipeline/loadPipeline.js';
import { withWarehouse } from '../pipeline/withWarehouse.js';
import { exitCodes, UsageError } from './exitCodes.js';
import { parsePeriod } from './parsePeriod.js';

interface Options {
  period: string;
  partner?: string;
  figure?: string;
  format: string;
  audience?: string;
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('internal only: the records behind one figure (a partner\'s or the region\'s), each with its submission and why it is in or out, and the figure given back from them')
    .argument('<pipeline>', 'the pipeline file (pipelines/<name>.yaml)')
    .argument('<measure-id>', 'the measure, e.g. support.days_to_allocation (docs/measures.md lists them)')
    .requiredOption('--period <YYYY-MM>', 'the reporting month M')
    .option('--partner <code>', "one partner's figure (default: the region's)")
    .option('--figure <name>', "a figure (within_target), a breakdown cell (by_source.complaint) or a trend point (count@2026-05); default: the measure's headline")
    .option('--format <format>', `one of ${explainFormats.join(', ')}, written to standard output`, 'table')
    .option('--audience <audience>', 'internal (the only audience explain has)')
    .action(async (pipelinePath: string, measure: string, o: Options) => {
      if (o.audience !== undefined && o.audience !== 'internal') {
        throw new UsageError(`raa explain lists records by their ids, so it is for the internal audience only and never runs for "${o.audience}"; the published report's figures are explained by its definitions section`);
      }
      if (!(explainFormats as readonly string[]).includes(o.format)) {
        throw new UsageError(`--format: one of ${explainFormats.join(', ')}, one at a time (it is written to standard output; redirect it to a file), not "${o.format}"`);
      }
      const period = parsePeriod(o.period) ?? o.period;
      const pipeline = loadPipeline(pipelinePath);
      const e = await withWarehouse(pipeline.warehouse, { readOnly: true }, async (db) =>
        (await explainer(db, pipeline, period))({ measure, ...(o.partner !== undefined ? { partner: o.partner } : {}), ...(o.figure !== undefined ? { figure: o.figure } : {}) }),
      );
      const format = o.format as ExplainFormat;
      if (format !== 'table') process.stderr.write(`${internalNotice}\n`);
      process.stdout.write(format === 'csv' ? explanationCsv(e) : format === 'json' ? explanationJson(e) : explanationTable(e));
      if (!e.agrees) {
        process.stderr.write(`raa: the records listed do not give back the report's figure for ${e.measure.id} ${e.figure}: a bug in raa; please report it with this output\n`);
        process.exitCode = exitCodes.bug;
      } else process.exitCode = exitCodes.ok;
    });
}
