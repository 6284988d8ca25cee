// raa export against a real warehouse file: Parquet (Hive), Arrow IPC and CSV read back and compared to the current tables; formula cells neutralised in CSV only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { tableFromIPC, type Field, type Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, csvLine, neutraliseFormula } from '../src/export/csvCell.js';
import { exportWarehouse, type ExportedFile } from '../src/export/exportWarehouse.js';
import { Database, type Row } from '../src/warehouse/Database.js';
import { openWarehouse } from '../src/warehouse/openWarehouse.js';
import { raaInProcess } from './cli/inProcess.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/src/cli/main.js');
const tmp = mkdtempSync(join(tmpdir(), 'raa-export-'));
const warehouse = join(tmp, 'raa.duckdb');
afterAll(() => {
  Database.closeAll();
  rmSync(tmp, { recursive: true, force: true });
});

const formula = '=HYPERLINK("x")';
const tab = String.fromCharCode(9);
const cr = String.fromCharCode(13);

/** A warehouse with current, superseded and held submissions; formula-like, quoted, multi-line, tab- and CR-led text; NULLs; lists. */
async function buildWarehouse(): Promise<void> {
  const db = await openWarehouse(warehouse);
  const statements = [
    `INSERT INTO submission (id, partner, period, dataset, file_name, sha256, bytes, received_at, rows_read, rows_loaded, status, superseded_by, note) VALUES
      (1, 'northmoor', '2026-09', 'support', 'support.csv', 'aa', 1000, TIMESTAMP '2026-10-05 09:30:00.123456', 4, 4, 'loaded', NULL, '=cmd|calc'),
      (2, 'northmoor', '2026-09', 'concerns', 'concerns.csv', 'bb', 2000, TIMESTAMP '2026-10-05 09:31:00', 4, 4, 'loaded', NULL, NULL),
      (3, 'eastbridge', '2026-09', 'support', 'support.csv', 'cc', 300, TIMESTAMP '2026-10-06 10:00:00.5', 1, 1, 'superseded', 4, NULL),
      (4, 'eastbridge', '2026-09', 'support', 'support v2.csv', 'dd', 310, TIMESTAMP '2026-10-07 11:00:00', 2, 2, 'loaded', NULL, NULL),
      (5, 'northmoor', '2026-10', 'support', 'support.csv', 'ee', 100, TIMESTAMP '2026-11-04 08:00:00', 1, 1, 'loaded', NULL, NULL),
      (6, 'northmoor', '2026-10', 'adopters', 'adopters.csv', 'ff', 100, TIMESTAMP '2026-11-04 08:01:00', 2, 2, 'loaded', NULL, NULL),
      (7, 'eastbridge', '2026-10', 'concerns', 'concerns.csv', 'gg', 100, TIMESTAMP '2026-11-05 08:00:00', 9, 0, 'held', NULL, 'too many row errors'),
      (8, 'northmoor', '2026-10', 'workforce', 'workforce.csv', 'hh', 100, NULL, 1, 1, 'loaded', NULL, NULL)`,
    `INSERT INTO support BY NAME SELECT * FROM (VALUES
      (1, 'northmoor', '2026-09', 2, '${formula.replaceAll("'", "''")}', '+1', 'adopter', 'assessment', DATE '2026-09-03', DATE '2026-09-20', 1234.50, 3),
      (1, 'northmoor', '2026-09', 3, '-2', '@SUM(A1)', 'adoptee', 'records', DATE '2026-09-10', NULL, NULL, NULL),
      (1, 'northmoor', '2026-09', 4, 'R-4', chr(9) || 'tabbed', 'Smith, "Jo"' || chr(10) || 'second line £', 'records', DATE '2026-09-11', NULL, 0.10, 10),
      (1, 'northmoor', '2026-09', 5, 'R-5', chr(13) || 'cr-led', 'adopter', 'records', DATE '2026-09-12', NULL, 9999999999.99, 0),
      (3, 'eastbridge', '2026-09', 2, 'OLD-1', NULL, 'adopter', 'records', DATE '2026-09-01', NULL, NULL, NULL),
      (4, 'eastbridge', '2026-09', 2, 'E-1', NULL, 'adopter', 'records', DATE '2026-09-01', NULL, 12.00, 5),
      (4, 'eastbridge', '2026-09', 3, 'E-2', 'fam', 'adoptee', 'assessment', DATE '2026-08-31', DATE '2026-09-30', NULL, NULL),
      (5, 'northmoor', '2026-10', 2, 'N10-1', NULL, 'adopter', 'records', DATE '2026-10-01', NULL, NULL, NULL)
    ) v(submission_id, partner, period, source_line, request_id, family_id, requester, request_type, received_date, allocated_date, asf_amount, score_start)`,
    `INSERT INTO concerns BY NAME SELECT * FROM (VALUES
      (2, 'northmoor', '2026-09', 2, 'C1', DATE '2026-09-02', 'adopter', 'practice', 'high', '${formula.replaceAll("'", "''")}', ['panel', 'training']),
      (2, 'northmoor', '2026-09', 3, 'C2', DATE '2026-09-03', 'child', 'practice', 'low', NULL, NULL),
      (2, 'northmoor', '2026-09', 4, 'C3', DATE '2026-09-04', 'child', 'practice', 'low', 'A1', ['-team']),
      (2, 'northmoor', '2026-09', 5, 'C4', DATE '2026-09-05', 'child', 'practice', 'low', 'A2', []::VARCHAR[])
    ) v(submission_id, partner, period, source_line, concern_id, raised_date, source, category, severity, related_id, learning_to)`,
    `INSERT INTO adopters BY NAME SELECT * FROM (VALUES
      (6, 'northmoor', '2026-10', 2, 'A1', 'F', 'WBRI', true, false, DATE '2026-01-15', NULL),
      (6, 'northmoor', '2026-10', 3, 'A2', 'M', 'ABAN', false, true, DATE '2026-02-15', 2)
    ) v(submission_id, partner, period, source_line, adopter_id, gender, ethnicity, disability, ffa, enquiry_date, children_placed)`,
    `INSERT INTO workforce BY NAME SELECT * FROM (VALUES
      (8, 'northmoor', '2026-10', 2, '2026-10', 'support', 12.5, 0.1, NULL)
    ) v(submission_id, partner, period, source_line, month, team, sw_fte, vacant_fte, agency_fte)`,
    'CHECKPOINT',
  ];
  for (const sql of statements) await db.run(sql);
  db.release();
}

const tables = ['children', 'adopters', 'support', 'concerns', 'workforce', 'submission'] as const;
const sourceOf = (t: string) => (t === 'submission' ? 'submission' : `current_${t}`);
const orderOf = (t: string) => (t === 'submission' ? 'partner, period, id' : 'partner, period, submission_id, source_line');

let db: Database;
let out: string;
let files: ExportedFile[];

beforeAll(async () => {
  await buildWarehouse();
  db = await openWarehouse(warehouse, { readOnly: true });
  out = join(tmp, 'out');
  // Two rows per Arrow record batch and CSV write, so the batching is exercised on these small tables.
  files = await exportWarehouse(db, { formats: ['parquet', 'arrow', 'csv'], outDir: out, batchRows: 2 });
});

async function expected(t: string, where = ''): Promise<Row[]> {
  return db.all(`SELECT * FROM ${sourceOf(t)}${where} ORDER BY ${orderOf(t)}`);
}
async function columnTypes(sql: string): Promise<Record<string, string>> {
  const rows = await db.all<{ column_name: string; column_type: string }>(`DESCRIBE ${sql}`);
  return Object.fromEntries(rows.map((r) => [r.column_name, r.column_type]));
}
const rowsOf = (format: string, table: string) => files.filter((f) => f.format === format && f.table === table).reduce((n, f) => n + f.rows, 0);

describe('neutraliseFormula and csvLine', () => {
  it('prefixes a quote to cells starting with = + - @ tab or CR, and leaves everything else alone', () => {
    for (const v of [formula, '+1', '-2', '@SUM(A1)', `${tab}x`, `${cr}x`, '=', '-']) expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ['', 'abc', ' =1', '1-2', 'a=b', "'=x", '£5', `x${tab}`, '\nx']) expect(neutraliseFormula(v)).toBe(v);
  });

  it('quotes per RFC 4180 only where needed and ends each line with CRLF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvLine(['a', null, 'b,c', undefined, ''])).toBe('a,,"b,c",,\r\n');
    expect(parse(csvLine(['x', 'a "b", c', 'l1\r\nl2']), { bom: true })).toEqual([['x', 'a "b", c', 'l1\r\nl2']]);
  });
});

describe('exportWarehouse', () => {
  it('writes the current rows only: superseded and held submissions stay out of the dataset tables, the ledger keeps all', async () => {
    const support = await expected('support');
    expect(support.map((r) => r.request_id)).toEqual(['E-1', 'E-2', formula, '-2', 'R-4', 'R-5', 'N10-1']);
    expect(support.some((r) => r.request_id === 'OLD-1')).toBe(false);
    for (const t of tables) {
      const n = (await expected(t)).length;
      for (const format of ['parquet', 'arrow', 'csv']) expect(rowsOf(format, t), `${format} ${t}`).toBe(n);
    }
    expect(rowsOf('csv', 'submission')).toBe(8);
    expect(rowsOf('csv', 'children')).toBe(0);
  });

  it('Parquet: Hive partitions partner=…/period=…, read back by DuckDB with the same rows and types', async () => {
    const supportDirs = readdirSync(join(out, 'parquet', 'support'), { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('.parquet'))
      .map((p) => dirname(p).split(sep).join('/'))
      .sort();
    expect(supportDirs).toEqual(['partner=eastbridge/period=2026-09', 'partner=northmoor/period=2026-09', 'partner=northmoor/period=2026-10']);
    for (const f of files.filter((x) => x.format === 'parquet')) expect(existsSync(f.path)).toBe(true);

    for (const t of tables) {
      const glob = join(out, 'parquet', t, '**', '*.parquet');
      if (t === 'children') {
        expect(files.some((f) => f.format === 'parquet' && f.table === t)).toBe(false);
        continue;
      }
      const read = `SELECT * FROM read_parquet('${glob}', hive_partitioning = true)`;
      expect(await db.all(`${read} ORDER BY ${orderOf(t)}`), t).toEqual(await expected(t));
      expect(await columnTypes(read), t).toEqual(await columnTypes(`SELECT * FROM ${sourceOf(t)}`));
    }
    // Hive partitioning moves partner and period into folder names: the files themselves do not repeat them.
    const one = files.find((f) => f.format === 'parquet' && f.table === 'support');
    const inFile = await columnTypes(`SELECT * FROM read_parquet('${one?.path}', hive_partitioning = false)`);
    expect(Object.keys(inFile)).not.toContain('partner');
    expect(inFile.asf_amount).toBe('DECIMAL(12,2)');
  });

  it('Arrow IPC: one file per table with mapped types, several record batches, the same values', async () => {
    const arrowType: Record<string, string> = {
      VARCHAR: 'Utf8',
      INTEGER: 'Int32',
      BIGINT: 'Int64',
      DOUBLE: 'Float64',
      'DECIMAL(12,2)': 'Float64',
      BOOLEAN: 'Bool',
      DATE: 'Date32<DAY>',
      TIMESTAMP: 'Timestamp<MICROSECOND>',
      'VARCHAR[]': 'List<Utf8>',
    };
    for (const t of tables) {
      const table: Table = tableFromIPC(readFileSync(join(out, 'arrow', `${t}.arrow`)));
      const duck = await columnTypes(`SELECT * FROM ${sourceOf(t)}`);
      expect(table.schema.fields.map((f) => f.name), t).toEqual(Object.keys(duck));
      for (const f of table.schema.fields) {
        expect(String(f.type), `${t}.${f.name} (${duck[f.name]})`).toBe(arrowType[duck[f.name] ?? '']);
        expect(f.metadata.get('duckdb_type')).toBe(duck[f.name]);
      }
      expect(table.schema.metadata.get('raa.table')).toBe(t);
      const rows = await expected(t);
      expect(table.numRows, t).toBe(rows.length);
      if (rows.length > 2) expect(table.batches.length, t).toBeGreaterThan(1);
      const fromArrow = table.toArray().map((r: { toJSON(): Record<string, unknown> }) => {
        const o = r.toJSON();
        return Object.fromEntries(table.schema.fields.map((f) => [f.name, plain(f, o[f.name])]));
      });
      const comparable = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date && duck[k] === 'TIMESTAMP' ? v.getTime() : v])));
      expect(fromArrow, t).toEqual(comparable);
    }
    // Timestamps keep DuckDB's microseconds exactly.
    const ledger = tableFromIPC(readFileSync(join(out, 'arrow', 'submission.arrow')));
    const micros = await db.all<{ us: number | null }>(`SELECT epoch_us(received_at) AS us FROM submission ORDER BY ${orderOf('submission')}`);
    const col = ledger.getChild('received_at');
    const stored = col ? [...col.data.flatMap((d) => [...(d.values as BigInt64Array)].map((v, i) => (d.getValid(i) ? Number(v) : null)))] : [];
    expect(stored).toEqual(micros.map((m) => m.us));
  });

  it('CSV: header, RFC 4180, dates ISO, lists joined with ";", NULL empty; text cells neutralised', async () => {
    for (const t of tables) {
      const text = readFileSync(join(out, 'csv', `${t}.csv`), 'utf8');
      expect(text.startsWith('\uFEFF'), t).toBe(true);
      const parsed = parse(text, { bom: true });
      const duck = await columnTypes(`SELECT * FROM ${sourceOf(t)}`);
      expect(parsed[0], t).toEqual(Object.keys(duck));
      // The oracle: DuckDB's own text for every non-text value, the raw text neutralised for text and lists.
      const cols = Object.entries(duck).map(([name, type]) =>
        type === 'VARCHAR' ? `"${name}"` : type.endsWith('[]') ? `array_to_string("${name}", ';') AS "${name}"` : `CAST("${name}" AS VARCHAR) AS "${name}"`,
      );
      const oracle = await db.all<Record<string, string | null>>(`SELECT ${cols.join(', ')} FROM ${sourceOf(t)} ORDER BY ${orderOf(t)}`);
      const want = oracle.map((r) => Object.keys(duck).map((k) => (r[k] === null || r[k] === undefined ? '' : duck[k] === 'VARCHAR' || duck[k]?.endsWith('[]') ? neutraliseFormula(r[k]) : r[k])));
      expect(parsed.slice(1), t).toEqual(want);
    }
    const support = parse<Record<string, string>>(readFileSync(join(out, 'csv', 'support.csv')), { bom: true, columns: true });
    expect(support.map((r) => r.request_id)).toContain(`'${formula}`);
    expect(support.map((r) => r.request_id)).toContain("'-2");
    expect(support.map((r) => r.family_id)).toEqual(['', 'fam', "'+1", "'@SUM(A1)", `'${tab}tabbed`, `'${cr}cr-led`, '']);
    expect(support.find((r) => r.request_id === 'R-4')).toMatchObject({ requester: 'Smith, "Jo"\nsecond line £', asf_amount: '0.10', received_date: '2026-09-11', allocated_date: '' });
    expect(support.find((r) => r.request_id === 'R-5')?.asf_amount).toBe('9999999999.99');
    const concerns = parse<Record<string, string>>(readFileSync(join(out, 'csv', 'concerns.csv')), { bom: true, columns: true });
    expect(concerns.map((r) => r.learning_to)).toEqual(['panel;training', '', "'-team", '']);
    expect(concerns[0]?.related_id).toBe(`'${formula}`);
    const adopters = parse<Record<string, string>>(readFileSync(join(out, 'csv', 'adopters.csv')), { bom: true, columns: true });
    expect(adopters.map((r) => [r.disability, r.ffa, r.children_placed])).toEqual([['true', 'false', ''], ['false', 'true', '2']]);
    const ledger = parse<Record<string, string>>(readFileSync(join(out, 'csv', 'submission.csv')), { bom: true, columns: true });
    expect(ledger.find((r) => r.id === '1')).toMatchObject({ received_at: '2026-10-05 09:30:00.123456', note: "'=cmd|calc", status: 'loaded' });
    expect(readFileSync(join(out, 'csv', 'children.csv'), 'utf8').split('\r\n')).toHaveLength(2); // header, then nothing
  });

  it('neutralises formulas in CSV only: Parquet and Arrow keep the text as loaded', async () => {
    const parquet = await db.all<{ request_id: string }>(`SELECT request_id FROM read_parquet('${join(out, 'parquet', 'support', '**', '*.parquet')}', hive_partitioning = true)`);
    expect(parquet.map((r) => r.request_id)).toContain(formula);
    const arrow = tableFromIPC(readFileSync(join(out, 'arrow', 'support.arrow')));
    expect(arrow.getChild('request_id')?.toArray()).toContain(formula);
    expect(arrow.getChild('family_id')?.toArray()).toContain(`${tab}tabbed`);
  });

  it('with a period, writes only that month and replaces only its Parquet partitions', async () => {
    const dir = join(tmp, 'by-period');
    await exportWarehouse(db, { formats: ['parquet', 'arrow', 'csv'], outDir: dir });
    const stale = join(dir, 'parquet', 'support', 'partner=northmoor', 'period=2026-10', 'stale.parquet');
    writeFileSync(stale, 'left over from an earlier export');
    const written = await exportWarehouse(db, { formats: ['parquet', 'arrow', 'csv'], outDir: dir, period: '2026-10' });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(join(dir, 'parquet', 'support', 'partner=northmoor', 'period=2026-09'))).toBe(true);
    const glob = join(dir, 'parquet', 'support', '**', '*.parquet');
    expect(await db.all(`SELECT * FROM read_parquet('${glob}', hive_partitioning = true) ORDER BY ${orderOf('support')}`)).toEqual(await expected('support'));
    const arrow = tableFromIPC(readFileSync(join(dir, 'arrow', 'support.arrow')));
    expect(arrow.getChild('request_id')?.toArray()).toEqual(['N10-1']);
    expect(arrow.schema.metadata.get('raa.period')).toBe('2026-10');
    const ledger = parse<Record<string, string>>(readFileSync(join(dir, 'csv', 'submission.csv')), { bom: true, columns: true });
    expect(ledger.map((r) => r.id)).toEqual(['7', '5', '6', '8']);
    expect(written.filter((f) => f.format === 'csv').map((f) => [f.table, f.rows])).toEqual([
      ['children', 0], ['adopters', 2], ['support', 1], ['concerns', 0], ['workforce', 1], ['submission', 4],
    ]);
    expect(readdirSync(join(dir, 'csv')).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('creates owner-only files, as the warehouse is', () => {
    for (const f of files) expect(statSync(f.path).mode & 0o077, relative(out, f.path)).toBe(0);
  });
});

/** An Arrow value as Database.all gives the same DuckDB value: dates as Date, lists as arrays, Int64 as number. */
function plain(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const type = String(field.type);
  if (type === 'Date32<DAY>') return new Date(value as number);
  if (type === 'Timestamp<MICROSECOND>') return Math.floor(value as number);
  if (type === 'Int64') return Number(value);
  if (type.startsWith('List')) return [...(value as Iterable<unknown>)];
  return value;
}

describe('raa export (process)', () => {
  const raa = (...args: string[]) => spawnSync(process.execPath, [cli, 'export', ...args], { cwd: tmp, encoding: 'utf8' });
  const pipeline = join(tmp, 'export.yaml');
  beforeAll(() => {
    db.release(); // the CLI is another process: it needs the file unlocked
    writeFileSync(pipeline, `region: Test\nwarehouse: raa.duckdb\npartners:\n  - code: northmoor\n    name: Northmoor Council\n    inbox: inbox/northmoor\n`);
  });

  it('writes every format to --out and lists the files with row counts', () => {
    const dir = join(tmp, 'cli-out');
    const run = raa(pipeline, '--out', dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const t of tables) {
      expect(existsSync(join(dir, 'arrow', `${t}.arrow`))).toBe(true);
      expect(existsSync(join(dir, 'csv', `${t}.csv`))).toBe(true);
    }
    expect(existsSync(join(dir, 'parquet', 'support', 'partner=northmoor', 'period=2026-09'))).toBe(true);
    expect(run.stdout).toMatch(/^\s+7 {2}cli-out\/csv\/support\.csv$/m);
    expect(run.stdout).toMatch(/^csv: 6 file\(s\), 22 rows/m);
  });

  it('defaults to ./export, and --format and --period narrow it', () => {
    const run = raa(pipeline, '--format', 'csv', '--period', '2026-09');
    expect(run.status).toBe(0);
    expect(readdirSync(join(tmp, 'export'))).toEqual(['csv']);
    const support = parse<Record<string, string>>(readFileSync(join(tmp, 'export', 'csv', 'support.csv')), { bom: true, columns: true });
    expect(support.map((r) => r.period)).toEqual(Array(6).fill('2026-09'));
  });

  it('refuses an unknown format or a bad period with exit 2, and a missing warehouse with a clear message', async () => {
    // Usage errors in-process (the same code as the CLI's); the missing warehouse as a process, for its exit code and stderr.
    const bad = await raaInProcess('export', pipeline, '--format', 'parquet,xlsx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown --format "xlsx"; choose from parquet, arrow, csv');
    expect((await raaInProcess('export', pipeline, '--period', '2026-13')).status).toBe(2);
    const noPipeline = await raaInProcess('export', join(tmp, 'nope.yaml'));
    expect(noPipeline.status).toBe(2);
    expect(noPipeline.stderr).toContain('cannot read the pipeline file');

    const empty = join(tmp, 'empty.yaml');
    writeFileSync(empty, `region: Test\nwarehouse: none/raa.duckdb\npartners:\n  - code: a\n    name: A\n    inbox: a\n`);
    const missing = raa(empty);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('there is no warehouse here yet');
    expect(missing.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(tmp, 'none'))).toBe(false); // read-only: nothing created
  });
});
