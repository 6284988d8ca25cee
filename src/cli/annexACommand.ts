// `raa annex-a <pipeline> --period M [--partner P] [--out dir] [--months N]`: the Ofsted Annex A Lists 10 and 11 as an
// `.xlsx` workbook in the template's layout, for the region or one partner, from the warehouse (read-only).
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { loadPipeline } from '../pipeline/loadPipeline.js';
import { withWarehouse } from '../pipeline/withWarehouse.js';
import { partnersWithCurrent, periodsWithData } from '../warehouse/ledger.js';
import { exitCodes, UsageError } from './exitCodes.js';
import { parsePeriod } from './parsePeriod.js';

interface Options {
  period: string;
  partner?: string;
  out?: string;
  months: string;
}

/** The workbook's file name: `annex-a-region.xlsx`, or `annex-a-partner-<code>.xlsx` for one partner. */
export const annexAFileName = (partner: string | undefined): string => (partner === undefined ? 'annex-a-region.xlsx' : `annex-a-partner-${partner}.xlsx`);

export function registerAnnexA(program: Command): void {
  program
    .command('annex-a')
    .description('write the Ofsted Annex A Lists 10 and 11 (children, adopters) for the region or one partner as an .xlsx workbook in the template\'s layout')
    .argument('<pipeline>', 'the pipeline file (pipelines/<name>.yaml)')
    .requiredOption('--period <YYYY-MM>', "the month M: each partner's current submission for M is the source")
    .option('--partner <code>', 'one partner only, with its ids as it sent them (default: the region, ids prefixed with the partner code)')
    .option('--months <N>', 'the window: the N months ending with M; a record open at any time in it (or still open) is listed', '12')
    .option('--out <dir>', "write into this folder (default: the pipeline's output folder, then annex-a/<period>/)")
    .action(async (pipelinePath: string, o: Options) => {
      const period = parsePeriod(o.period) ?? o.period;
      if (!/^\d+$/.test(o.months) || Number(o.months) < 1 || Number(o.months) > 120) throw new UsageError(`--months must be a whole number of months from 1 to 120 (got "${o.months}")`);
      const pipeline = loadPipeline(pipelinePath);
      const codes = pipeline.partners.map((p) => p.code);
      if (o.partner !== undefined && !codes.includes(o.partner)) throw new UsageError(`--partner: no partner "${o.partner}" in ${pipelinePath}; partners: ${codes.join(', ')}`);
      const dir = o.out ?? join(pipeline.output, 'annex-a', period);
      const result = await withWarehouse(pipeline.warehouse, { readOnly: true }, async (db) => {
        const mine = o.partner === undefined ? codes : [o.partner];
        const sent = await partnersWithCurrent(db, period, ['children', 'adopters']);
        if (!sent.some((s) => mine.includes(s))) {
          const months = await periodsWithData(db, ['children', 'adopters']);
          throw new UsageError(
            `no children or adopters submission for ${period} from ${o.partner ?? 'any partner'}; months with one: ${months.join(', ') || 'none'}`,
          );
        }
        const { writeAnnexAWorkbook } = await import('../export/annexAWorkbook.js'); // exceljs is loaded only here
        return writeAnnexAWorkbook(db, {
          period, months: Number(o.months), partners: codes, region: pipeline.region, path: join(dir, annexAFileName(o.partner)),
          ...(o.partner !== undefined ? { partner: o.partner } : {}),
        });
      });
      const shown = relative(process.cwd(), result.path).startsWith('..') ? result.path : relative(process.cwd(), result.path);
      const lines = Object.entries(result.rows).map(([sheet, n]) => {
        const long = result.longIds[sheet];
        const warn = long ? ` (${long.ids} id(s) longer than ${long.limit} characters once prefixed with the partner code: raa validate will flag them as too long)` : '';
        return `  ${sheet}: ${n} row(s) from ${result.submitted[sheet]?.join(', ') || 'no partner'}${warn}`;
      });
      process.stdout.write(`Wrote ${shown} (window ${result.window.start} to ${result.window.end}):\n${lines.join('\n')}\n`);
      process.exitCode = exitCodes.ok;
    });
}
