// `raa validate <files or folders>`: check extracts without touching a warehouse; a verdict per file, then where and what.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { datasetByName, datasetNames } from '../../schemas/index.js';
import { isError } from '../diagnostics/Diagnostic.js';
import { formatDiagnostic } from '../diagnostics/formatDiagnostic.js';
import type { FileResult, SheetInfo, Verdict } from '../validate/FileResult.js';
import { expandPaths, periodFromPath, validateFiles } from '../validate/validateFiles.js';
import { exitCodes, UsageError } from './exitCodes.js';
import { parsePeriod } from './parsePeriod.js';

const SHOWN_PER_FILE = 10;

const verdictText: Record<Verdict, string> = {
  clean: 'OK',
  warnings: 'OK, with warnings',
  rows_rejected: 'ROWS REJECTED',
  held: 'HELD (too many errors)',
  file_error: 'FILE ERROR (nothing would load)',
};


const sheetText = (s: SheetInfo) => `header on row ${s.headerRow}${s.titleRows > 0 ? `, ${s.titleRows} title row(s) above it not read` : ''}`;

function humanReport(results: FileResult[]): string {
  const out: string[] = [];
  const workbooksShown = new Set<string>();
  for (const r of results) {
    const c = r.counts;
    const s = r.sheet;
    const how = [r.dataset ?? 'unrecognised', r.encoding, r.delimiter ? `delimiter ${JSON.stringify(r.delimiter)}` : null, s ? sheetText(s) : null].filter(Boolean).join(', ');
    // A workbook's sheets that are not extracts are named once, before its first sheet read.
    if (s && !workbooksShown.has(s.workbook)) {
      workbooksShown.add(s.workbook);
      if (s.notRead.length > 0) out.push(`${s.workbook}: sheets not read: ${s.notRead.map((n) => `${n.sheet} (${n.reason})`).join('; ')}`, '');
    }
    out.push(`${r.file}  (${how})`);
    out.push(`  ${verdictText[r.verdict]}: ${c.rowsRead} rows read, ${c.wouldLoad} would load, ${c.wouldReject} would reject, ${c.blank} blank, ${c.warnings} with warnings`);
    for (const d of r.diagnostics.slice(0, SHOWN_PER_FILE)) out.push(`  - ${formatDiagnostic(d)}`);
    if (r.diagnostics.length > SHOWN_PER_FILE) {
      out.push(`  … ${r.diagnostics.length - SHOWN_PER_FILE} more (use --json for every diagnostic)`);
    }
    const byRule = Object.entries(r.countsByRule).sort((a, b) => b[1] - a[1]);
    if (byRule.length > 1 || r.diagnostics.length > SHOWN_PER_FILE) out.push(`  by rule: ${byRule.map(([k, n]) => `${k} ${n}`).join(', ')}`);
    out.push('');
  }
  const n = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  out.push(
    `${results.length} file(s): ${n('clean')} OK, ${n('warnings')} OK with warnings, ${n('rows_rejected')} with rejected rows, ${n('held')} held, ${n('file_error')} with file errors`,
  );
  return out.join('\n');
}

/** The reporting month the files were checked against, and where it came from. */
interface PeriodChecked {
  period: string;
  source: 'option' | 'folder' | 'current_month';
  files: number;
}

function periodsChecked(files: string[], given: string | undefined): PeriodChecked[] {
  const out: PeriodChecked[] = [];
  for (const f of files) {
    const fromFolder = given === undefined ? periodFromPath(f) : undefined;
    const p: Omit<PeriodChecked, 'files'> = given ? { period: given, source: 'option' } : fromFolder ? { period: fromFolder, source: 'folder' } : { period: new Date().toISOString().slice(0, 7), source: 'current_month' };
    const same = out.find((x) => x.period === p.period && x.source === p.source);
    if (same) same.files++;
    else out.push({ ...p, files: 1 });
  }
  return out;
}

const periodLine = (p: PeriodChecked): string =>
  p.source === 'option' ? `Checked against the reporting month ${p.period} (--period).`
  : p.source === 'folder' ? `Checked against the reporting month ${p.period}, from the folder name (${p.files} file(s)).`
  : `Checked against the current month, ${p.period}, because no --period was given and the path has no YYYY-MM folder (${p.files} file(s)): dates after today are errors. Give --period YYYY-MM to check another month.`;

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check extract files or folders against the data specification, without touching a warehouse')
    .argument('<paths...>', 'files (any extension) or folders (searched for .csv/.txt/.tsv)')
    .option('--dataset <name>', `treat every file as this dataset (${datasetNames.join(', ')})`)
    .option('--period <YYYY-MM>', 'reporting month (default: from a YYYY-MM folder in the path, else today)')
    .option('--json', 'print every diagnostic and the per-file counts as JSON')
    .action(async (paths: string[], o: { dataset?: string; period?: string; json?: boolean }) => {
      const dataset = o.dataset === undefined ? undefined : datasetByName(o.dataset);
      if (o.dataset !== undefined && !dataset) throw new UsageError(`--dataset must be one of ${datasetNames.join(', ')} (got "${o.dataset}")`);
      const period = parsePeriod(o.period);
      // A path that does not exist is a mistyped command, not a file with errors.
      const missing = (await Promise.all(paths.map(async (p) => ((await stat(p).catch(() => null)) ? null : p)))).filter((p): p is string => p !== null);
      if (missing.length > 0) throw new UsageError(`no such file or folder: ${missing.join(', ')}. Check the path (names are case-sensitive) and run raa validate again.`);
      const files = await expandPaths(paths);
      if (files.length === 0) throw new UsageError(`no CSV/TXT files found in ${paths.join(', ')}`);
      const results = await validateFiles(files, { dataset, period });
      const errors = results.some((r) => r.diagnostics.some((d) => isError(d) || d.severity === 'hold'));
      const periods = periodsChecked(files, period);
      if (o.json) {
        const totals = results.reduce(
          (t, r) => ({ rowsRead: t.rowsRead + r.counts.rowsRead, wouldLoad: t.wouldLoad + r.counts.wouldLoad, wouldReject: t.wouldReject + r.counts.wouldReject, blank: t.blank + r.counts.blank, warnings: t.warnings + r.counts.warnings }),
          { rowsRead: 0, wouldLoad: 0, wouldReject: 0, blank: 0, warnings: 0 },
        );
        process.stdout.write(`${JSON.stringify({ ok: !errors, periods, files: results, totals }, null, 2)}\n`);
      } else {
        process.stdout.write(`${periods.map(periodLine).join('\n')}\n\n${humanReport(results)}\n`);
      }
      process.exitCode = errors ? exitCodes.dataErrors : exitCodes.ok;
    });
}
