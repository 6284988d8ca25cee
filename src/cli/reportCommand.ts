// `raa report <pipeline> --period M [--report id] [--audience a] [--format list] [--out dir]`: render reports from the warehouse, read-only.
import { dirname, relative } from 'node:path';
import type { Command } from 'commander';
import { NoDataForPeriodError } from '../measure/reportPeriod.js';
import { audiences, type Audience } from '../config/PipelineConfig.js';
import { loadPipeline } from '../pipeline/loadPipeline.js';
import { withWarehouse } from '../pipeline/withWarehouse.js';
import { listReports, ReportDefinitionError } from '../report/loadReport.js';
import { formats, type Format } from '../report/formats.js';
import { reportsDir } from '../report/reportsDir.js';
import { ChromiumMissingError } from '../render/renderPdf.js';
import { exitCodes, UsageError } from './exitCodes.js';
import { parsePeriod } from './parsePeriod.js';

interface Options {
  period: string;
  report?: string;
  audience?: string;
  format: string;
  out?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('render the monitoring reports (NMS 25.7, 26.4) for a month: HTML, JSON, CSV, PDF')
    .argument('<pipeline>', 'the pipeline file (pipelines/<name>.yaml)')
    .requiredOption('--period <YYYY-MM>', 'the reporting month')
    .option('--report <id>', "one report (a folder under reports/, e.g. nms-26-4); default: the pipeline's reports")
    .option('--audience <audience>', `internal or published; default: the pipeline's audiences`)
    .option('--format <list>', `comma-separated: ${formats.join(', ')}`, 'html,json,csv')
    .option('--out <dir>', "write into this folder (default: the pipeline's output folder, reports/<pipeline name>/ beside it, then <period>/)")
    .action(async (pipelinePath: string, o: Options) => {
      const pipeline = loadPipeline(pipelinePath);
      const period = parsePeriod(o.period) ?? o.period;
      const dir = reportsDir();
      const known = listReports(dir);
      if (o.report !== undefined && !known.includes(o.report)) throw new UsageError(`--report: no report "${o.report}"; reports available: ${known.join(', ') || `none (no report.yaml under ${dir})`}`);
      if (o.audience !== undefined && !(audiences as readonly string[]).includes(o.audience)) throw new UsageError(`--audience must be one of: ${audiences.join(', ')} (got "${o.audience}")`);
      const wanted = parseFormats(o.format);
      const files = await withWarehouse(pipeline.warehouse, { readOnly: true }, async (db) => {
        try {
          return await (await import('../report/renderReports.js')).renderReports({
            db, pipeline, period, reportsDir: dir, formats: wanted,
            ...(o.report !== undefined ? { reportIds: [o.report] } : {}),
            ...(o.audience !== undefined ? { audiences: [o.audience as Audience] } : {}),
            ...(o.out !== undefined ? { outDir: o.out } : {}),
            say: (line) => process.stderr.write(`raa: ${line}\n`),
          });
        } catch (e) {
          if (e instanceof NoDataForPeriodError || e instanceof ReportDefinitionError || e instanceof ChromiumMissingError) throw new UsageError(e.message);
          throw e;
        }
      });
      process.stdout.write(describeFiles(files));
      process.exitCode = exitCodes.ok;
    });
}

function parseFormats(list: string): Format[] {
  const asked = list.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = asked.filter((f) => !(formats as readonly string[]).includes(f));
  if (asked.length === 0 || unknown.length > 0) throw new UsageError(`--format: unknown format${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ') || '(none given)'}; choose from ${formats.join(', ')}`);
  return asked as Format[];
}

/** The reports and CSV folders written, relative to the working directory when inside it. */
function describeFiles(files: readonly string[]): string {
  if (files.length === 0) return 'No files written.\n';
  const show = (f: string) => (relative(process.cwd(), f).startsWith('..') ? f : relative(process.cwd(), f));
  const csv = new Map<string, number>();
  const lines: string[] = [];
  for (const f of files) {
    if (f.endsWith('.csv')) csv.set(dirname(f), (csv.get(dirname(f)) ?? 0) + 1);
    else lines.push(`  ${show(f)}`);
  }
  for (const [d, n] of csv) lines.push(`  ${show(d)}/ (${n} CSV file${n === 1 ? '' : 's'})`);
  return `Wrote ${files.length} file${files.length === 1 ? '' : 's'}:\n${lines.join('\n')}\n`;
}
