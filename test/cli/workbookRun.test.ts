// `raa run` as a process on workbooks and on inboxes that are not what they should be: a filled copy of the Annex A
// template dropped into a partner's inbox loads List 10 and List 11 as two submissions (counts, diagnostics by sheet,
// row and column; the same workbook again is recognised); a file that is not read, a partner's missing inbox folder
// and a missing dataset each make the verdict ATTENTION (exit 1); no inbox at all is a configuration error (exit 2).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/pipeline/runPipeline.js';
import { Database } from '../../src/warehouse/Database.js';
import { csv, inbox, pipelineFile, queryWarehouse, rows } from '../loadFixtures.js';
import { templateFacts, writeTemplateWorkbook } from '../workbooks/workbookFixtures.js';
import { raaInProcess } from './inProcess.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-workbook-run-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => Database.closeAll());

const PERIOD = '2026-10';
const reports = 'reports: [nms-25-7]\naudiences: [internal]\n';

function raa(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runJson(pipeline: string) {
  const r = raa('run', pipeline, '--period', PERIOD, '--json');
  return { status: r.status, stderr: r.stderr, report: JSON.parse(r.stdout) as RunReport & { exitCode: number } };
}

/** `raa run --json` in-process (runCli): the process tests above prove the exit code and output wiring. */
async function runJsonIn(pipeline: string) {
  const r = await raaInProcess('run', pipeline, '--period', PERIOD, '--json');
  return { status: r.status, stderr: r.stderr, report: JSON.parse(r.stdout) as RunReport & { exitCode: number } };
}

const query = queryWarehouse;

/** A partner's month folder with every required dataset but children and adopters, which the workbook brings. */
function otherDatasets(dir: string, partner: string) {
  inbox(dir, partner, PERIOD, { 'support.csv': csv('support', rows.support(2)), 'concerns.csv': csv('concerns', rows.concerns(1)) });
}

describe('the Annex A template workbook in an inbox', () => {
  const dir = join(root, 'template');
  mkdirSync(dir);
  // One of the three children has a row error: a third, over the default hold threshold of a fifth.
  const pipeline = pipelineFile(dir, ['north'], `${reports}holdThreshold: 0.5\n`);

  it('loads List 10 and List 11 as two submissions, with diagnostics by sheet, row and column; the same workbook again is already loaded', async () => {
    otherDatasets(dir, 'north');
    await writeTemplateWorkbook(join(dir, 'north', PERIOD, 'North Annex A Oct.xlsx'));
    const first = runJson(pipeline);
    expect(first.stderr).toBe('');
    const files = first.report.loads.flatMap((l) => l.files);
    const l10 = files.find((f) => f.file === 'North Annex A Oct.xlsx › List 10');
    const l11 = files.find((f) => f.file === 'North Annex A Oct.xlsx › List 11');
    expect([l10?.dataset, l10?.outcome, l10?.counts.rowsRead, l10?.counts.rowsLoaded, l10?.counts.rowsRejected, l10?.titleRows]).toEqual(['children', 'loaded', templateFacts.list10Rows, 2, 1, 2]);
    expect([l11?.dataset, l11?.outcome, l11?.counts.rowsRead, l11?.counts.rowsLoaded, l11?.titleRows]).toEqual(['adopters', 'loaded', templateFacts.list11Rows, templateFacts.list11Rows, 2]);
    // one row rejected: that is the only thing needing attention (the sheets not read are listed, not a fault)
    expect(first.status).toBe(1);
    expect(first.report.missingDatasets).toEqual([]);
    const notRead = first.report.loads.flatMap((l) => l.notRead.map((n) => n.file));
    expect(notRead).toContain('North Annex A Oct.xlsx › List 1');
    expect(notRead).toContain('North Annex A Oct.xlsx › Lookups');

    const warehouse = join(dir, 'raa.duckdb');
    const ledger = await query<{ file_name: string; sheet: string; dataset: string; sha256: string; rows_loaded: number }>(
      warehouse, `SELECT file_name, sheet, dataset, sha256, rows_loaded FROM submission WHERE sheet IS NOT NULL ORDER BY sheet`);
    expect(ledger.map((s) => [s.file_name, s.sheet, s.dataset, Number(s.rows_loaded)])).toEqual([
      ['North Annex A Oct.xlsx', 'List 10', 'children', 2],
      ['North Annex A Oct.xlsx', 'List 11', 'adopters', 2],
    ]);
    expect(ledger[0]?.sha256).toBe(ledger[1]?.sha256);
    // the placement order in the future: the third child, on sheet row 7 (header on row 4), column J
    const [d] = await query<{ file: string; line: number; excel_row: number; column_letter: string; rule: string }>(
      warehouse, `SELECT file, line, excel_row, column_letter, rule FROM diagnostic WHERE rule = 'date.future'`);
    expect(d).toEqual({ file: 'North Annex A Oct.xlsx › List 10', line: templateFacts.firstDataRow(true) + 2, excel_row: templateFacts.firstDataRow(true) + 2, column_letter: 'J', rule: 'date.future' });
    const loaded = await query<{ n: number }>(warehouse, `SELECT count(*) AS n FROM children WHERE child_id IN ('C1001', 'C1002')`);
    expect(Number(loaded[0]?.n)).toBe(2);

    const again = runJson(pipeline);
    expect(again.report.loads.flatMap((l) => l.files).filter((f) => f.sheet !== null).map((f) => [f.file, f.outcome])).toEqual([
      ['North Annex A Oct.xlsx › List 10', 'already_loaded'],
      ['North Annex A Oct.xlsx › List 11', 'already_loaded'],
    ]);
    expect(again.status).toBe(0); // as for a CSV: bytes already loaded change nothing, and every required dataset is in
  });

  it('raa validate reads such a workbook and prints each sheet with its header row and the sheets not read', async () => {
    const path = join(root, 'Annex A to check.xlsx');
    await writeTemplateWorkbook(path);
    const r = await raaInProcess('validate', path, '--period', PERIOD);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${path}: sheets not read: List 1 (`);
    expect(r.stdout).toContain(`${path} › List 10  (children, header on row 4, 2 title row(s) above it not read)`);
    expect(r.stdout).toMatch(/row error \[date\.future\] line 7, (.*, )?column J "Date of Placement Order"/);
  });
});

describe('nothing in an inbox is passed over in silence', () => {
  it('a file that is not read is named and the verdict says ATTENTION; lock files and dot-files need no word', async () => {
    const dir = join(root, 'unread');
    mkdirSync(dir);
    const pipeline = pipelineFile(dir, ['north'], reports);
    inbox(dir, 'north', PERIOD, { 'children.csv': csv('children', rows.children(2)), 'adopters.csv': csv('adopters', rows.adopters(2)), 'support.csv': csv('support', rows.support(1)), 'concerns.csv': csv('concerns', rows.concerns(1)) });
    writeFileSync(join(dir, 'north', PERIOD, 'List 10 notes.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'north', PERIOD, '~$children.xlsx'), 'lock');
    writeFileSync(join(dir, 'north', PERIOD, '.DS_Store'), 'x');
    mkdirSync(join(dir, 'north', PERIOD, 'old'));
    const r = await raaInProcess('run', pipeline, '--period', PERIOD);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${PERIOD} north: List 10 notes.pdf: not an extract`);
    expect(r.stdout).toContain(`${PERIOD} north: old: a folder`);
    expect(r.stdout).not.toContain('~$children.xlsx');
    expect(r.stdout).not.toContain('.DS_Store');
    expect(r.stdout).toMatch(/Verdict: ATTENTION — .*2 file\(s\) in the inboxes not read/);
    const status = await raaInProcess('status', pipeline, '--period', PERIOD);
    expect(status.stdout).toContain(`north: ${PERIOD}/List 10 notes.pdf was not read: not an extract`);
  });

  it("a partner whose inbox folder does not exist is named (exit 1), and a required dataset not sent is MISSING", async () => {
    const dir = join(root, 'missing');
    mkdirSync(dir);
    const pipeline = pipelineFile(dir, ['north', 'south'], reports);
    inbox(dir, 'north', PERIOD, { 'children.csv': csv('children', rows.children(2)), 'support.csv': csv('support', rows.support(1)), 'concerns.csv': csv('concerns', rows.concerns(1)) });
    const r = await runJsonIn(pipeline);
    expect(r.status).toBe(1);
    expect(r.report.missingInboxes).toEqual([{ partner: 'south', inbox: join(dir, 'south') }]);
    expect(r.report.missingDatasets).toEqual([{ period: PERIOD, partner: 'north', dataset: 'adopters' }]);
    const text = await raaInProcess('run', pipeline, '--period', PERIOD);
    expect(text.stdout).toContain(`The inbox folder of south does not exist: ${join(dir, 'south')}`);
    expect(text.stdout).toMatch(/Verdict: ATTENTION — .*1 partner\(s\) whose inbox folder does not exist \(south: .*1 required dataset\(s\) MISSING \(north 2026-10 adopters\)/);
  });

  it('a month not yet due shows "not yet due", not MISSING, and needs no attention for it', async () => {
    const dir = join(root, 'notdue');
    mkdirSync(dir);
    const now = new Date();
    const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const pipeline = pipelineFile(dir, ['north'], reports);
    inbox(dir, 'north', month, { 'children.csv': csv('children', rows.children(1)) }, { 'children.csv': now.toISOString().replace(/\.\d{3}Z$/, 'Z') });
    const r = await raaInProcess('run', pipeline, '--period', month);
    expect(r.stdout).toMatch(/north +adopters +not yet due/);
    expect(r.stdout).not.toContain('MISSING');
    expect(r.status).toBe(0);
  });

  it('no configured inbox folder exists at all: a configuration error naming the folders (exit 2)', async () => {
    const dir = join(root, 'none');
    mkdirSync(dir);
    const pipeline = pipelineFile(dir, ['north', 'south'], reports);
    const r = await raaInProcess('run', pipeline);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`no partner's inbox folder exists (north: ${join(dir, 'north')}; south: ${join(dir, 'south')})`);
  });
});
