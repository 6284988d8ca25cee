// `raa check <pipeline> [--json]`: is the warehouse whole and consistent? Exit 0 clean, 1 differences found, 3 damaged or unreadable.
import type { Command } from 'commander';
import { loadPipeline } from '../pipeline/loadPipeline.js';
import { checkWarehouse, type CheckReport } from '../status/checkWarehouse.js';
import { exitCodes } from './exitCodes.js';

function describe(r: CheckReport): string[] {
  const lines = [`Warehouse ${r.warehouse}${r.schema === null ? '' : ` (schema ${r.schema})`}`];
  if (r.tables.length > 0) lines.push(`  read in full: ${r.tables.length} tables, ${r.tables.reduce((n, t) => n + t.rows, 0)} rows; ${r.filesChecked} inbox file(s) hashed against the ledger`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  for (const f of r.findings) lines.push(`  ${r.verdict === 'damaged' ? 'DAMAGED' : 'DIFFERS'}: ${f}`);
  lines.push(
    r.verdict === 'clean' ? 'OK — the warehouse reads whole and agrees with its ledger and the inboxes'
    : r.verdict === 'differences' ? `ATTENTION — ${r.findings.length} difference(s) found`
    : 'DAMAGED — the warehouse cannot be read whole',
  );
  return lines;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('read the whole warehouse (checksums), count every ledger row count again and hash the inbox files against the ledger; changes nothing')
    .argument('<pipeline>', 'the pipeline file (pipelines/<name>.yaml)')
    .option('--json', 'print the findings as JSON')
    .action(async (pipelinePath: string, o: { json?: boolean }) => {
      const report = await checkWarehouse(loadPipeline(pipelinePath));
      process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : `${describe(report).join('\n')}\n`);
      process.exitCode = report.verdict === 'clean' ? exitCodes.ok : report.verdict === 'differences' ? exitCodes.dataErrors : exitCodes.warehouse;
    });
}
