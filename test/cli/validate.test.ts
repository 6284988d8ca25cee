// `raa validate`: exit codes 0/1/2 as a process (the built dist/; `npm test` builds first), the rest through runCli in-process (the same code main.ts runs): the --json shape with every
// diagnostic, the human report's first ten and "N more", folders searched for CSV/TXT, named files read whatever their
// extension, and never a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { support, workforce } from '../../schemas/index.js';
import { message } from '../../src/diagnostics/rules.js';
import type { FileResult } from '../../src/validate/FileResult.js';
import { raaInProcess } from './inProcess.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'raa-cli-validate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonReport {
  ok: boolean;
  files: FileResult[];
  totals: FileResult['counts'];
}

function raa(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function json(...args: string[]): Promise<{ status: number | null; report: JsonReport; stderr: string }> {
  const r = await raaInProcess(...args, '--json');
  return { status: r.status, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** A Node stack frame (`    at fn (file:line:col)`) or an uncaught-error banner. */
const stackTrace = /^\s+at .+[:(]|Error: .*\n\s+at |node:internal|Node\.js v\d/m;

const write = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};

const workforceHeader = workforce.columns.map((c) => c.header).join(',');
const cleanWorkforce = `${workforceHeader}\n2026-10,Duty,3,1,0\n2026-10,Family finding,2.5,0,0.5\n`;
const supportHeader = support.columns.map((c) => c.header).join(',');
const supportRow = (id: string, requester = 'Adoptive parent') => `${id},F1,${requester},Training,01/04/2025,,,,,,,,,`;

describe('exit codes', () => {
  it('0 on a clean file, with its verdict line and nothing on stderr', () => {
    const path = write('clean.csv', cleanWorkforce);
    const r = raa('validate', path, '--period', '2026-10');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${path}  (workforce, utf-8, delimiter ",")`);
    expect(r.stdout).toContain('  OK: 2 rows read, 2 would load, 0 would reject, 0 blank, 0 with warnings');
    expect(r.stdout).toContain('1 file(s): 1 OK, 0 OK with warnings, 0 with rejected rows, 0 held, 0 with file errors');
  });

  it('1 when any row has an error, with its location in the human report', () => {
    const path = write('errors.csv', `${workforceHeader}\n2026-10,Duty,3,1,0\n2026-10,Dutty,3,1,0\n2026-09,Duty,3,1,0\n2026-08,Duty,3,1,0\n2026-07,Duty,3,1,0\n`);
    const r = raa('validate', path, '--period', '2026-10');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  ROWS REJECTED: 5 rows read, 4 would load, 1 would reject, 0 blank, 0 with warnings');
    expect(r.stdout).toContain('  - row error [code.unknown] line 3, record Month 2026-10, column B "Team": "Dutty" in "Team" is not one of the accepted values. Did you mean Duty?');
  });

  it('a record spanning lines is shown at its first line, with the Excel row where it differs', async () => {
    const rows = [supportHeader, supportRow('S1').replace(',F1,', ',"F1\nnote",'), supportRow('S2', 'Stranger')];
    for (let i = 3; i <= 6; i++) rows.push(supportRow(`S${i}`));
    const path = write('spanning.csv', `${rows.join('\n')}\n`);
    const r = await raaInProcess('validate', path, '--period', '2026-10');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  - row error [code.unknown] line 4 (Excel row 3), record Request ID S2, column C "Requester": "Stranger" in "Requester" is not one of the accepted values.');
  });

  it('1 when a file is held, even though it has no file error', async () => {
    const path = write('held.csv', `${workforceHeader}\n2026-10,Dutty,3,1,0\n2026-10,Duty,3,1,0\n`);
    const r = await raaInProcess('validate', path, '--period', '2026-10');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('HELD (too many errors)');
  });

  it('0 with warnings only', async () => {
    const path = write('warn.csv', `${workforceHeader},Notes\n2026-10,Duty,3,1,0,x\n`);
    const r = await raaInProcess('validate', path, '--period', '2026-10');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('OK, with warnings');
  });

  it('2 on a bad --period, one line on stderr, no stack trace (the first as a process, the rest in-process)', async () => {
    const path = write('period.csv', cleanWorkforce);
    for (const bad of ['2026-13', '202610', '10/2026', '2026-1']) {
      const r = bad === '2026-13' ? raa('validate', path, '--period', bad) : await raaInProcess('validate', path, '--period', bad);
      expect(r.status, bad).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`raa: --period must be a month as YYYY-MM, for example 2026-10 (got "${bad}")\n`);
    }
  });

  it('2 on an unknown --dataset', async () => {
    const path = write('dataset.csv', cleanWorkforce);
    const r = await raaInProcess('validate', path, '--dataset', 'kids');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('raa: --dataset must be one of children, adopters, support, concerns, workforce (got "kids")\n');
  });

  it('2 on a missing argument, with the usage and no stack trace', () => {
    const r = raa('validate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("missing required argument 'paths'");
    expect(r.stderr).toContain('Usage: raa validate');
    expect(r.stderr).not.toMatch(stackTrace);
  });

  it('2 on a folder with no CSV/TXT files in it', async () => {
    const empty = join(dir, 'no-extracts');
    mkdirSync(empty, { recursive: true });
    write('no-extracts/notes.json', '{}');
    const r = await raaInProcess('validate', empty);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`raa: no CSV/TXT files found in ${empty}\n`);
  });
});

describe('--json', () => {
  it('has the documented shape: ok, files with counts, verdict, countsByRule, diagnostics, and totals', async () => {
    const clean = write('shape/clean.csv', cleanWorkforce);
    const bad = write('shape/bad.csv', `${workforceHeader}\n2026-10,Duty,3,1,0\n2026-09,Duty,three,1,0\n2026-08,Duty,3,1,0\n2026-07,Duty,3,1,0\n2026-06,Duty,3,1,0\n\n`);
    const { status, report, stderr } = await json('validate', clean, bad, '--period', '2026-10');
    expect(stderr).toBe('');
    expect(status).toBe(1);
    expect(Object.keys(report).sort()).toEqual(['files', 'ok', 'periods', 'totals']);
    expect(report.ok).toBe(false);
    expect(report.files).toHaveLength(2);
    for (const f of report.files) {
      expect(Object.keys(f).sort()).toEqual(['bytes', 'counts', 'countsByRule', 'dataset', 'delimiter', 'diagnostics', 'encoding', 'file', 'sha256', 'verdict']);
      expect(Object.keys(f.counts).sort()).toEqual(['blank', 'rowsRead', 'warnings', 'wouldLoad', 'wouldReject']);
      expect(f.counts.rowsRead).toBe(f.counts.wouldLoad + f.counts.wouldReject + f.counts.blank);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const [a, b] = report.files as [FileResult, FileResult];
    expect(a).toMatchObject({ file: clean, dataset: 'workforce', encoding: 'utf-8', delimiter: ',', bytes: Buffer.byteLength(cleanWorkforce), verdict: 'clean', countsByRule: {}, diagnostics: [] });
    expect(a.counts).toEqual({ rowsRead: 2, wouldLoad: 2, wouldReject: 0, blank: 0, warnings: 0 });
    expect(b).toMatchObject({ file: bad, dataset: 'workforce', verdict: 'rows_rejected', countsByRule: { 'number.format': 1 } });
    expect(b.counts).toEqual({ rowsRead: 6, wouldLoad: 4, wouldReject: 1, blank: 1, warnings: 0 });
    expect(b.diagnostics).toEqual([
      {
        file: bad,
        dataset: 'workforce',
        line: 3,
        excelRow: 3,
        column: 'C',
        header: 'Social worker FTE in post',
        field: 'sw_fte',
        value: 'three',
        record: 'Month 2026-09',
        rule: 'number.format',
        severity: 'row_error',
        message: message('number.format', { header: 'Social worker FTE in post', value: 'three', detail: 'a number' }),
      },
    ]);
    expect(report.totals).toEqual({ rowsRead: 8, wouldLoad: 6, wouldReject: 1, blank: 1, warnings: 0 });
  });

  it('ok is true when there are no errors', async () => {
    const { status, report } = await json('validate', write('ok-true.csv', cleanWorkforce), '--period', '2026-10');
    expect(status).toBe(0);
    expect(report.ok).toBe(true);
  });

  it('lists every diagnostic (50 of 50), while the human report shows the first 10 and says how many more', async () => {
    const rows = [supportHeader];
    for (let i = 1; i <= 250; i++) rows.push(supportRow(`S${i}`, i <= 50 ? `Stranger ${i}` : 'Adoptive parent'));
    const path = write('fifty.csv', `${rows.join('\n')}\n`);

    const { status, report } = await json('validate', path, '--period', '2026-10');
    expect(status).toBe(1);
    const f = report.files[0] as FileResult;
    expect(f.diagnostics).toHaveLength(50);
    expect(f.diagnostics.map((d) => d.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(f.diagnostics.every((d) => d.rule === 'code.unknown' && d.column === 'C')).toBe(true);
    expect(f.countsByRule).toEqual({ 'code.unknown': 50 });
    expect(f.counts).toEqual({ rowsRead: 250, wouldLoad: 200, wouldReject: 50, blank: 0, warnings: 0 });
    expect(f.verdict).toBe('rows_rejected'); // 50 of 250 is 20%: not more than the threshold

    const human = await raaInProcess('validate', path, '--period', '2026-10');
    expect(human.status).toBe(1);
    const shown = human.stdout.split('\n').filter((l) => l.startsWith('  - '));
    expect(shown).toHaveLength(10);
    expect(shown[0]).toMatch(/line 2, record Request ID \S+, column C "Requester"/);
    expect(shown[9]).toMatch(/line 11, record Request ID \S+, column C "Requester"/);
    expect(human.stdout).toContain('  … 40 more (use --json for every diagnostic)');
    expect(human.stdout).toContain('  by rule: code.unknown 50');
  });
});

describe('paths', () => {
  it('a folder is searched (recursively) for .csv and .txt files and workbooks, not .json', async () => {
    const folder = join(dir, 'inbox');
    const a = write('inbox/a.csv', cleanWorkforce);
    const b = write('inbox/b.txt', cleanWorkforce);
    write('inbox/c.json', '{"not": "an extract"}');
    const d = write('inbox/d.xlsx', 'PK\x03\x04');
    const e = write('inbox/sub/e.CSV', cleanWorkforce);
    const { status, report } = await json('validate', folder, '--period', '2026-10');
    expect(status).toBe(1);
    expect(report.files.map((f) => f.file)).toEqual([a, b, d, e]);
    expect(report.files.map((f) => f.verdict)).toEqual(['clean', 'clean', 'file_error', 'clean']);
    expect(report.files[2]?.diagnostics.map((x) => x.rule)).toEqual(['file.workbook_damaged']);
  });

  it('a .txt file named explicitly is read whatever its content (Excel "Unicode text": UTF-16 LE, tab-separated)', async () => {
    const text = `${workforce.columns.map((c) => c.header).join('\t')}\r\n2026-10\tDuty\t3\t1\t0\r\n`;
    const path = write('unicode text.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { status, report } = await json('validate', path, '--period', '2026-10');
    expect(status).toBe(0);
    expect(report.files[0]).toMatchObject({ file: path, dataset: 'workforce', encoding: 'utf-16le', delimiter: '\t', verdict: 'clean' });
  });

  it('a file named explicitly is read whatever its extension', async () => {
    const path = write('extract.dat', cleanWorkforce);
    const { status, report } = await json('validate', path, '--period', '2026-10');
    expect(status).toBe(0);
    expect(report.files[0]).toMatchObject({ file: path, dataset: 'workforce', verdict: 'clean' });
  });

  it('a path that does not exist is a usage error (exit 2) naming it, not a crash', async () => {
    const missing = join(dir, 'no', 'such', 'folder');
    for (const args of [[missing, '--json'], [missing]]) {
      const r = await raaInProcess('validate', ...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`no such file or folder: ${missing}`);
      expect(r.stderr).not.toMatch(stackTrace);
    }
  });

  it('says which reporting month it checked against, and when it took the current month because none was given', async () => {
    const path = write('noperiod/workforce.csv', cleanWorkforce);
    const current = new Date().toISOString().slice(0, 7);
    const r = await raaInProcess('validate', path);
    expect(r.stdout).toContain(`Checked against the current month, ${current}, because no --period was given and the path has no YYYY-MM folder (1 file(s))`);
    expect((await raaInProcess('validate', path, '--period', '2026-10')).stdout).toContain('Checked against the reporting month 2026-10 (--period).');
    const folder = write('2026-09/workforce.csv', cleanWorkforce);
    expect((await json('validate', folder)).report).toMatchObject({ periods: [{ period: '2026-09', source: 'folder', files: 1 }] });
  });

  it('a row diagnostic names its record by its identifier, in the human report and the JSON', async () => {
    const path = write('record/support.csv', `${supportHeader}\n${supportRow('S-1043', 'Godparent')}\n`);
    const { report } = await json('validate', path, '--period', '2026-10');
    expect(report.files[0]?.diagnostics[0]).toMatchObject({ rule: 'code.unknown', record: 'Request ID S-1043', value: 'Godparent' });
    expect((await raaInProcess('validate', path, '--period', '2026-10')).stdout).toContain('row error [code.unknown] line 2, record Request ID S-1043, column C "Requester"');
  });

  it('the period comes from a YYYY-MM folder in the path unless --period is given', async () => {
    const path = write('2026-09/support.csv', `${supportHeader}\n${supportRow('S1').replace('01/04/2025', '15/10/2026')}\n`);
    const fromFolder = await json('validate', path);
    expect(fromFolder.status).toBe(1);
    expect(fromFolder.report.files[0]?.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['date.future', 2, 'E'],
      ['file.held', null, null],
    ]);
    expect(fromFolder.report.files[0]?.diagnostics[0]?.message).toContain('(30/09/2026)');
    const overridden = await json('validate', path, '--period', '2026-10');
    expect(overridden.status).toBe(0);
    expect(overridden.report.files[0]?.diagnostics).toEqual([]);
  });

  it('--dataset forces the dataset: a workforce file read as support is missing its required columns', async () => {
    const { status, report } = await json('validate', write('forced.csv', cleanWorkforce), '--dataset', 'support', '--period', '2026-10');
    expect(status).toBe(1);
    const f = report.files[0] as FileResult;
    expect(f.dataset).toBe('support');
    expect(f.verdict).toBe('file_error');
    expect(f.diagnostics.filter((d) => d.rule === 'header.missing_required').map((d) => d.header)).toEqual(['Request ID', 'Requester', 'Request type', 'Date received']);
  });
});

describe('never a crash', () => {
  const junk: { name: string; bytes: Buffer | string; rule: string }[] = [
    { name: 'empty.csv', bytes: '', rule: 'file.empty' },
    { name: 'binary.csv', bytes: Buffer.concat([Buffer.from(`${workforceHeader}\n2026-10,Duty,3,1,0\n`), Buffer.alloc(64, 0), Buffer.from([0xff, 0x01, 0x02])]), rule: 'file.binary' },
    // a zip, whatever its name, is read as a workbook: this one is broken
    { name: 'workbook.csv', bytes: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 7)]), rule: 'file.workbook_damaged' },
    { name: 'half-written.csv', bytes: `${workforceHeader}\n2026-10,Duty,3,1,0\n2026-09,"Duty,3`, rule: 'file.unterminated_quote' },
    { name: 'one-line.csv', bytes: `${workforceHeader}\n${'x'.repeat(1_200_000)}\n`, rule: 'file.line_too_long' },
    { name: 'not-a-header.csv', bytes: 'hello world\nthis is a letter\n', rule: 'header.unrecognised' },
  ];

  it.each(junk)('$name is a file error ($rule), exit 1, nothing on stderr', async ({ name, bytes, rule }) => {
    const path = write(`junk/${name}`, bytes);
    const { status, report, stderr } = await json('validate', path, '--period', '2026-10');
    expect(stderr).toBe('');
    expect(stderr).not.toMatch(stackTrace);
    expect(status).toBe(1);
    expect(report.files[0]?.verdict).toBe('file_error');
    expect(report.files[0]?.diagnostics.map((d) => d.rule)).toEqual([rule]);
  });

  it('a folder of them: every file reported, the run goes on', async () => {
    const r = await raaInProcess('validate', join(dir, 'junk'), '--period', '2026-10');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${junk.length} file(s): 0 OK, 0 OK with warnings, 0 with rejected rows, 0 held, ${junk.length} with file errors`);
  });
});
