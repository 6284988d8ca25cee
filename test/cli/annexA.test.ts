// `raa annex-a` as a process on the loaded sample warehouse: the workbook's sheets and header row are the Ofsted
// template's, `raa validate` reads it back without errors, and loaded into a fresh warehouse it gives back exactly the
// rows of the window (ids prefixed with the partner code in the region's workbook); usage errors exit 2.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { raaInProcess } from './inProcess.js';
import { sampleRun } from '../sampleRun.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(repo, 'dist/src/cli/main.js');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-annex-a-')));
const pipeline = join(root, 'sample.yaml');
const warehouse = join(root, 'sample.duckdb');
const cellText = (v: ExcelJS.CellValue | undefined): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v ?? null));
/** Every value in one column of a sheet, below the header. */
function columnValues(wb: ExcelJS.Workbook, sheet: string, header: string): Set<string> {
  const ws = wb.getWorksheet(sheet);
  const col = (templateHeaders[sheet] ?? []).indexOf(header) + 1;
  const values = new Set<string>();
  ws?.eachRow((row, n) => {
    const v = row.getCell(col).value;
    if (n > 1 && v !== null) values.add(cellText(v));
  });
  return values;
}
const raa = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

// Read from the Ofsted template (Annex_A_2024_Jan.xlsx, sheets "List 10" and "List 11", header on row 1), by hand.
const templateHeaders: Record<string, string[]> = {
  'List 10': [
    'Child Unique ID', 'Family identifier', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)', 'Does the Child have a Disability',
    'Date the Child Entered Care', 'Date of Decision that Child Should be Placed for Adoption', 'Date of Placement Order',
    'Date of Matching Child and Prospective Adopters', 'Date Placed for Adoption', 'Date of Adoption Order',
    'Date of Decision that Child Should No Longer be Placed for Adoption', 'Reason Why Child No Longer Placed for Adoption',
    'Date the child was placed for fostering in FFA or concurrent planning placement',
  ],
  'List 11': [
    'Individual adopter identifier', 'Family identifier', 'Gender', 'Ethnicity', 'Disability', 'Is the (prospective) adopter fostering for adoption?',
    'Date enquiry received', 'Date Stage 1 started', 'Date Stage 1 ended', 'Date Stage 2 started', 'Date Stage 2 ended', 'Date application submitted',
    'Date application approved', 'Date adopter matched with child(ren)', 'Date child/children placed with adopter(s)', 'No. of children placed',
    'Date of Adoption Order', 'Date of leaving adoption process', 'Reason for leaving adoption process',
  ],
};

// The window written out independently of src/: open at any time from W to the end of M (or still open).
const lists = [
  { sheet: 'List 10', view: 'current_children', id: 'child_id', opened: 'adm_decision_date', closed: ['adoption_order_date', 'reversal_date'] },
  { sheet: 'List 11', view: 'current_adopters', id: 'adopter_id', opened: 'enquiry_date', closed: ['adoption_order_date', 'left_date'] },
] as const;
const inWindow = (l: (typeof lists)[number], start: string, end: string) =>
  `period = '2026-10' AND ${l.opened} <= DATE '${end}' AND ${l.closed.map((c) => `(${c} IS NULL OR ${c} >= DATE '${start}')`).join(' AND ')}`;

async function query(sql: string, attach: Record<string, string>): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    for (const [alias, file] of Object.entries(attach)) await conn.run(`ATTACH '${file}' AS ${alias} (READ_ONLY)`);
    return (await conn.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Load the workbook as the one partner `region` of a fresh pipeline: what `raa load` stores is what the workbook says. */
async function loadBack(workbook: string, name: string): Promise<string> {
  const dir = join(root, `load-${name}`);
  mkdirSync(join(dir, 'inbox', '2026-10'), { recursive: true });
  copyFileSync(workbook, join(dir, 'inbox', '2026-10', 'annex-a.xlsx'));
  writeFileSync(join(dir, 'rt.yaml'), 'region: Round trip\npartners:\n  - code: region\n    name: Region\n    inbox: inbox\n');
  const r = await raaInProcess('load', join(dir, 'rt.yaml'), '--partner', 'region', '--period', '2026-10');
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/2 loaded, 0 already in the ledger, 0 held, 0 rejected/);
  expect(r.status).toBe(0);
  return join(dir, 'rt.duckdb');
}

/** Rows of the source in the window against the rows loaded back (ids prefixed or not), both ways. */
async function differences(loaded: string, l: (typeof lists)[number], start: string, prefix: boolean, partner?: string): Promise<number> {
  const fields = `* EXCLUDE (submission_id, partner, period, source_line, ${l.id}, family_id)`;
  const id = (col: string) => (prefix ? `partner || ':' || ${col}` : col);
  const source = `SELECT ${id(l.id)} AS ${l.id}, ${`CASE WHEN family_id IS NULL THEN NULL ELSE ${id('family_id')} END`} AS family_id, ${fields}
    FROM src.${l.view} WHERE ${inWindow(l, start, '2026-10-31')}${partner ? ` AND partner = '${partner}'` : ''}`;
  const back = `SELECT ${l.id}, family_id, ${fields} FROM back.${l.view}`;
  const rows = await query(`SELECT count(*) AS n FROM ((${source}) EXCEPT ALL (${back}) UNION ALL ((${back}) EXCEPT ALL (${source})))`, { src: warehouse, back: loaded });
  return Number(rows[0]?.n);
}

beforeAll(async () => {
  copyFileSync((await sampleRun()).warehouse, warehouse);
  writeFileSync(pipeline, readFileSync(join(repo, 'pipelines', 'sample.yaml'), 'utf8').replaceAll('../sample-data', join(repo, 'sample-data')));
});

describe('raa annex-a', () => {
  const region = join(root, 'reports', 'sample', 'annex-a', '2026-10', 'annex-a-region.xlsx');

  it("writes the region's workbook in the template's layout beside the reports, owner-only", async () => {
    const r = raa(root, 'annex-a', pipeline, '--period', '2026-10');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('reports/sample/annex-a/2026-10/annex-a-region.xlsx (window 2025-11-01 to 2026-10-31)');
    expect(statSync(region).mode & 0o777).toBe(0o600);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(region);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...Array.from({ length: 11 }, (_, i) => `List ${i + 1}`), 'Notes']);
    // Lists 1–9 as the template has them, header row only: their sizes, first and last headers and one distinctive one, read from the template by hand.
    const others: [string, number, string][] = [
      ['List 1', 7, 'Contact Source'], ['List 2', 8, 'Organisation completing assessment'], ['List 3', 11, 'Referral NFA?'],
      ['List 4', 12, 'Continuous Assessment Date of Authorisation'], ['List 5', 14, 'Number of ICPCs in the last 12 months'], ['List 6', 14, 'Primary Need Code'],
      ['List 7', 17, 'Was the Child Seen Alone?'], ['List 8', 34, 'URN of Placement'], ['List 9', 17, 'Allocated Personal Advisor'],
    ];
    for (const [sheet, n, distinctive] of others) {
      const ws = wb.getWorksheet(sheet);
      const headers = (ws?.getRow(1).values as unknown[]).slice(1);
      expect(headers, sheet).toHaveLength(n);
      expect(headers[0], sheet).toBe('Child Unique ID');
      expect(headers, sheet).toContain(distinctive);
      expect(ws?.rowCount, sheet).toBe(1);
    }
    for (const [sheet, headers] of Object.entries(templateHeaders)) {
      const ws = wb.getWorksheet(sheet);
      expect((ws?.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    }
    // Options in the template's lettered wording, dates as date cells (a date of birth the 1st of its month), ids prefixed.
    const l10 = wb.getWorksheet('List 10');
    const first = l10?.getRow(2);
    expect(cellText(first?.getCell(1).value)).toMatch(/^northmoor:/);
    expect(cellText(first?.getCell(3).value)).toMatch(/^[a-d]\) (Male|Female|Not stated\/recorded|Neither)$/);
    expect(cellText(first?.getCell(4).value)).toMatch(/^[a-s]\) [A-Z]{4}$/);
    expect(cellText(first?.getCell(7).value)).toMatch(/^(a\) Yes|b\) No)$/);
    // every option in the template's wording, the not-known ones as its not-known options
    const options = (sheet: string, header: string) => [...columnValues(wb, sheet, header)].sort();
    expect(options('List 10', 'Gender')).toEqual(['a) Male', 'b) Female', 'c) Not stated/recorded']);
    expect(options('List 11', 'Ethnicity')).toEqual(expect.arrayContaining(['a) WBRI', 's) NOBT', 's) REFU']));
    for (const sheet of ['List 10', 'List 11']) for (const v of options(sheet, 'Ethnicity')) expect(v).toMatch(/^[a-s]\) [A-Z]{4}$/);
    expect(options('List 11', 'Disability')).toEqual(['a) Yes', 'b) No']);
    expect(options('List 11', 'Is the (prospective) adopter fostering for adoption?')).toEqual(['a) Yes', 'b) No']);
    expect(options('List 11', 'Reason for leaving adoption process')).toEqual(['a) Withdrew', 'b) Process on hold', 'c) Application refused']);
    expect(options('List 10', 'Reason Why Child No Longer Placed for Adoption')).toEqual([
      "a) The child's needs changed subsequent to the decision", 'b) The Court did not make a placement order', 'c) Prospective adopters could not be found', 'd) Any other reason',
    ]);
    const dobs: Date[] = [];
    l10?.eachRow((row, n) => {
      const v = row.getCell(5).value;
      if (n > 1 && v !== null) dobs.push(v as Date);
    });
    expect(dobs.length).toBeGreaterThan(100);
    for (const d of dobs) {
      expect(d).toBeInstanceOf(Date);
      expect(d.getUTCDate()).toBe(1);
    }
    expect(first?.getCell(9).value).toBeInstanceOf(Date);
    const notes = (wb.getWorksheet('Notes')?.getColumn(1).values ?? []).map(String).join('\n');
    expect(notes).toContain('prefixed with the partner code');
    expect(notes).toContain('shown as the 1st of its month');
    expect(notes).toContain('01/11/2025 to 31/10/2026');
    expect(notes).toContain('Lists 1 to 9 are the local authorities');
  });

  it('reads back through raa validate without errors, the same number of rows as the window holds', async () => {
    const r = await raaInProcess('validate', region, '--period', '2026-10', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { files: { file: string; counts: { rowsRead: number; wouldReject: number }; diagnostics: { severity: string }[] }[] };
    expect(out.files.map((f) => f.file.split(' › ')[1])).toEqual(['List 10', 'List 11']);
    // The template's Lists 1–9 (and the notes) are named as not read, never skipped in silence.
    const notRead = (out.files[0] as unknown as { sheet: { notRead: { sheet: string; reason: string }[] } }).sheet.notRead;
    expect(notRead.map((x) => x.sheet)).toEqual([...Array.from({ length: 9 }, (_, i) => `List ${i + 1}`), 'Notes']);
    // each of Lists 1–9 recognised by its header row as that list of the template
    for (const [i, x] of notRead.slice(0, 9).entries()) expect(x.reason).toBe(`it is Annex A List ${i + 1} (header on row 1), a children's social care list, not an adoption extract`);
    for (const l of lists) {
      const [expected] = await query(`SELECT count(*) AS n FROM src.${l.view} WHERE ${inWindow(l, '2025-11-01', '2026-10-31')}`, { src: warehouse });
      const f = out.files.find((x) => x.file.endsWith(l.sheet));
      expect(f?.counts.rowsRead).toBe(Number(expected?.n));
      expect(f?.counts.wouldReject).toBe(0);
      expect(f?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it("loaded back, gives exactly the window's rows, every value, ids prefixed with the partner code", async () => {
    const loaded = await loadBack(region, 'region');
    for (const l of lists) expect(await differences(loaded, l, '2025-11-01', true)).toBe(0);
    // and the comparison can fail: a shorter window is not what was written
    expect(await differences(loaded, lists[0], '2026-08-01', true)).toBeGreaterThan(0);
  });

  it('writes one partner its own workbook with --partner and --months: its ids as sent, its rows only', async () => {
    const out = join(root, 'own');
    // what a killed annex-a left beside the file (a process that has gone) is removed; anything else is left alone
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(out);
    writeFileSync(join(out, `annex-a-partner-rivermead.xlsx.partial-${dead}`), 'half');
    writeFileSync(join(out, `notes.txt.partial-${dead}`), 'not ours');
    const r = raa(root, 'annex-a', pipeline, '--period', '2026-10', '--partner', 'rivermead', '--months', '3', '--out', out);
    expect(readdirSync(out).sort()).toEqual(['annex-a-partner-rivermead.xlsx', `notes.txt.partial-${dead}`]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('window 2026-08-01 to 2026-10-31');
    const file = join(out, 'annex-a-partner-rivermead.xlsx');
    expect(existsSync(file)).toBe(true);
    const loaded = await loadBack(file, 'rivermead');
    for (const l of lists) expect(await differences(loaded, l, '2026-08-01', false, 'rivermead')).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(cellText(wb.getWorksheet('List 11')?.getRow(2).getCell(1).value)).not.toContain(':');
  });

  it('says so when an id passes the 50-character limit once prefixed with the partner code (never cutting it short)', async () => {
    const dir = join(root, 'long');
    mkdirSync(dir);
    copyFileSync(warehouse, join(dir, 'sample.duckdb'));
    writeFileSync(join(dir, 'sample.yaml'), readFileSync(pipeline, 'utf8'));
    const instance = await DuckDBInstance.create(join(dir, 'sample.duckdb'));
    const conn = await instance.connect();
    // One open child of the current October file gets a 45-character id (within the limit as sent; 55 with "northmoor:").
    await conn.run(`UPDATE children SET child_id = repeat('L', 45) WHERE (submission_id, source_line) = (SELECT (submission_id, source_line) FROM current_children WHERE partner = 'northmoor' AND period = '2026-10' AND adoption_order_date IS NULL AND reversal_date IS NULL ORDER BY source_line LIMIT 1)`);
    conn.closeSync();
    instance.closeSync();
    const r = await raaInProcess('annex-a', join(dir, 'sample.yaml'), '--period', '2026-10', '--out', join(dir, 'out'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/List 10: \d+ row\(s\) from .* \(1 id\(s\) longer than 50 characters once prefixed with the partner code: raa validate will flag them as too long\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'out', 'annex-a-region.xlsx'));
    expect(columnValues(wb, 'List 10', 'Child Unique ID')).toContain(`northmoor:${'L'.repeat(45)}`);
    const notes = (wb.getWorksheet('Notes')?.getColumn(1).values ?? []).map(String).join('\n');
    expect(notes).toContain('List 10: 1 id(s) are longer than 50 characters once prefixed with the partner code');
  });

  it('exits 2 on an unknown partner, a bad --months, or a month with no submission, writing nothing', async () => {
    const out = join(root, 'none');
    for (const [args, message] of [
      [['--period', '2026-10', '--partner', 'nowhere'], /no partner "nowhere"/],
      [['--period', '2026-10', '--months', '0'], /--months must be a whole number/],
      [['--period', '2019-01'], /no children or adopters submission for 2019-01 .* months with one: 2026-09, 2026-10/],
      [['--period', '2026-13'], /--period must be a month/],
    ] as const) {
      const r = await raaInProcess('annex-a', pipeline, ...args, '--out', out);
      expect(r.stderr).toMatch(message);
      expect(r.status).toBe(2);
    }
    expect(existsSync(out)).toBe(false);
  });
});
