// The warehouse against real DuckDB files: created owner-only with every table and view, upgraded, refused when newer, locked across processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { datasets } from '../schemas/index.js';
import { Database, WarehouseBusyError } from '../src/warehouse/Database.js';
import { datasetTableColumns, datasetTableDrift } from '../src/warehouse/datasetTables.js';
import { latestVersion, migrate, migrations, WarehouseVersionError, type Migration } from '../src/warehouse/migrations.js';
import { openWarehouse, WarehouseOpenError } from '../src/warehouse/openWarehouse.js';

const root = mkdtempSync(join(tmpdir(), 'raa-warehouse-'));
let n = 0;
const newPath = (name = 'raa.duckdb') => join(root, `w${++n}`, name);
/** A path in a folder that exists, for opening with Database.open directly. */
const newFile = (name = 'raa.duckdb') => {
  const file = newPath(name);
  mkdirSync(join(file, '..'));
  return file;
};
const mode = (file: string) => statSync(file).mode & 0o777;

const open: Database[] = [];
async function track(p: Promise<Database>): Promise<Database> {
  const db = await p;
  open.push(db);
  return db;
}
/** Close every connection and instance, as a process exit would, so the next open reads the file afresh. */
function closeEverything(): void {
  for (const db of open.splice(0)) db.close();
  Database.closeAll();
}
afterEach(closeEverything);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function objects(db: Database): Promise<{ tables: string[]; views: string[] }> {
  const rows = await db.all<{ name: string; type: string }>(
    `SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1`,
  );
  return {
    tables: rows.filter((r) => r.type === 'BASE TABLE').map((r) => r.name),
    views: rows.filter((r) => r.type === 'VIEW').map((r) => r.name),
  };
}

async function errorOf(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('openWarehouse', () => {
  it('creates the folder and an owner-only file with every table and view', async () => {
    const file = newPath();
    const db = await track(openWarehouse(file));
    expect(mode(file)).toBe(0o600);
    expect(mode(join(file, '..'))).toBe(0o700);
    const names = datasets.map((d) => d.name);
    expect(await objects(db)).toEqual({
      tables: ['diagnostic', 'quarantine', 'schema_version', 'submission', ...names].sort(),
      views: ['current_submission', ...names.map((d) => `current_${d}`)].sort(),
    });
    expect(await db.all('SELECT version, description FROM schema_version ORDER BY version')).toEqual(
      migrations.map((m) => ({ version: m.version, description: m.description })),
    );
    expect(await datasetTableDrift(db)).toEqual([]);
  });

  it('gives each dataset table provenance columns, then its own columns with DuckDB types', async () => {
    const db = await track(openWarehouse(newPath()));
    const cols = async (t: string) =>
      db.all<{ column_name: string; data_type: string; is_nullable: string }>(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
        [t],
      );
    const support = await cols('support');
    expect(support.slice(0, 5).map((c) => c.column_name)).toEqual(['submission_id', 'partner', 'period', 'source_line', 'request_id']);
    const type = (rows: { column_name: string; data_type: string }[], c: string) => rows.find((r) => r.column_name === c)?.data_type;
    expect(type(support, 'received_date')).toBe('DATE');
    expect(type(support, 'asf_amount')).toBe('DECIMAL(12,2)');
    expect(type(support, 'score_start')).toBe('INTEGER');
    expect(type(support, 'request_type')).toBe('VARCHAR');
    expect(support.find((c) => c.column_name === 'request_id')?.is_nullable).toBe('NO');
    expect(support.find((c) => c.column_name === 'allocated_date')?.is_nullable).toBe('YES');
    expect(type(await cols('concerns'), 'learning_to')).toBe('VARCHAR[]');
    expect(type(await cols('children'), 'disability')).toBe('VARCHAR');
    expect(type(await cols('workforce'), 'sw_fte')).toBe('DOUBLE');
    expect(type(await cols('workforce'), 'month')).toBe('VARCHAR');
    for (const ds of datasets) expect((await cols(ds.name)).map((c) => c.column_name)).toEqual(datasetTableColumns(ds).map((c) => c.name));
  });

  it('tightens the mode of an existing warehouse', async () => {
    const file = newPath();
    await track(openWarehouse(file));
    closeEverything();
    chmodSync(file, 0o644);
    await track(openWarehouse(file));
    expect(mode(file)).toBe(0o600);
  });

  it('reopens as a no-op, keeping data and the version history', async () => {
    const file = newPath();
    const db = await track(openWarehouse(file));
    await db.run(`INSERT INTO submission (partner, period, dataset, file_name, status) VALUES ('northmoor', '2025-03', 'children', 'c.csv', 'loaded')`);
    const before = await db.all('SELECT * FROM schema_version');
    closeEverything();
    const again = await track(openWarehouse(file));
    expect(await again.all('SELECT * FROM schema_version')).toEqual(before);
    expect(await again.all('SELECT id, partner, status FROM submission')).toEqual([{ id: 1, partner: 'northmoor', status: 'loaded' }]);
    // A second open in the same process shares the instance and finds nothing to do.
    const third = await track(openWarehouse(file));
    expect(await third.one('SELECT count(*) AS n FROM schema_version')).toEqual({ n: latestVersion });
  });

  it('shows in current_<dataset> only the rows of the newest loaded submission per partner, period and dataset', async () => {
    const db = await track(openWarehouse(newPath()));
    const sub = async (partner: string, period: string, status: string) => {
      const row = await db.one<{ id: number }>(
        `INSERT INTO submission (partner, period, dataset, file_name, status) VALUES ($1, $2, 'workforce', 'w.csv', $3) RETURNING id`,
        [partner, period, status],
      );
      return row?.id ?? -1;
    };
    const rows = async (id: number, partner: string, period: string, fte: number) =>
      db.run(`INSERT INTO workforce (submission_id, partner, period, source_line, month, team, sw_fte) VALUES ($1, $2, $3, 2, $3, 'duty', $4)`, [
        id,
        partner,
        period,
        fte,
      ]);
    const first = await sub('northmoor', '2025-03', 'superseded');
    const second = await sub('northmoor', '2025-03', 'loaded');
    const held = await sub('northmoor', '2025-03', 'held');
    const other = await sub('eastbridge', '2025-03', 'loaded');
    const april = await sub('northmoor', '2025-04', 'loaded');
    await rows(first, 'northmoor', '2025-03', 1);
    await rows(second, 'northmoor', '2025-03', 2);
    await rows(held, 'northmoor', '2025-03', 3);
    await rows(other, 'eastbridge', '2025-03', 4);
    await rows(april, 'northmoor', '2025-04', 5);
    expect(await db.all('SELECT partner, period, sw_fte FROM current_workforce ORDER BY sw_fte')).toEqual([
      { partner: 'northmoor', period: '2025-03', sw_fte: 2 },
      { partner: 'eastbridge', period: '2025-03', sw_fte: 4 },
      { partner: 'northmoor', period: '2025-04', sw_fte: 5 },
    ]);
    // Two loaded submissions for one partner-month (a loader that has not yet marked the first superseded): the newest wins.
    const newer = await sub('eastbridge', '2025-03', 'loaded');
    await rows(newer, 'eastbridge', '2025-03', 6);
    expect(await db.all(`SELECT sw_fte FROM current_workforce WHERE partner = 'eastbridge'`)).toEqual([{ sw_fte: 6 }]);
    expect(await db.all('SELECT count(*) AS n FROM current_children')).toEqual([{ n: 0 }]);
  });

  it('refuses what the ledger must never hold', async () => {
    const db = await track(openWarehouse(newPath()));
    const insert = (period: string, status: string) =>
      db.run(`INSERT INTO submission (partner, period, dataset, file_name, status) VALUES ('p', $1, NULL, 'f.csv', $2)`, [period, status]);
    await insert('2025-12', 'rejected'); // a file error: no dataset
    expect((await errorOf(insert('2025-13', 'loaded'))).message).toMatch(/CHECK constraint/i);
    expect((await errorOf(insert('2025-01', 'pending'))).message).toMatch(/CHECK constraint/i);
  });

  it('upgrades a warehouse at schema version 0', async () => {
    const file = newFile();
    const old = await track(Database.open(file));
    await old.run(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
    await old.run(`INSERT INTO schema_version (version, description) VALUES (0, 'empty')`);
    closeEverything();
    const db = await track(openWarehouse(file));
    expect(await db.all('SELECT version FROM schema_version ORDER BY version')).toEqual([{ version: 0 }, ...migrations.map((m) => ({ version: m.version }))]);
    expect((await objects(db)).tables).toContain('submission');
    expect(await datasetTableDrift(db)).toEqual([]);
  });

  it('applies missing migrations in one transaction, and leaves the warehouse unchanged when one fails', async () => {
    const file = newPath();
    const db = await track(openWarehouse(file));
    const next: Migration = {
      version: latestVersion + 1,
      description: 'a note per partner',
      statements: [`CREATE TABLE partner_note (partner VARCHAR, note VARCHAR)`, `ALTER TABLE submission ADD COLUMN IF NOT EXISTS reviewer VARCHAR`],
    };
    const broken: Migration = { version: latestVersion + 2, description: 'broken', statements: [`CREATE TABLE half_done (x INTEGER)`, `SELECT * FROM no_such_table`] };

    const failure = await errorOf(migrate(db, file, [...migrations, next, broken]));
    expect(failure.message).toMatch(new RegExp(`upgrading the warehouse from schema ${latestVersion} to ${latestVersion + 2} failed, and nothing was changed: .*no_such_table`));
    expect(await db.one('SELECT max(version) AS v FROM schema_version')).toEqual({ v: latestVersion });
    expect((await objects(db)).tables).not.toContain('partner_note');
    expect((await objects(db)).tables).not.toContain('half_done');

    expect(await migrate(db, file, [...migrations, next])).toEqual({ from: latestVersion, to: latestVersion + 1 });
    expect((await objects(db)).tables).toContain('partner_note');
    expect(await db.all('SELECT version FROM schema_version ORDER BY version')).toEqual([...migrations, next].map((m) => ({ version: m.version })));
    expect(await migrate(db, file, [...migrations, next])).toEqual({ from: latestVersion + 1, to: latestVersion + 1 });
  });

  it('refuses a warehouse written by a newer version', async () => {
    const file = newPath();
    const db = await track(openWarehouse(file));
    await db.run(`INSERT INTO schema_version (version, description) VALUES ($1, 'from the future')`, [latestVersion + 1]);
    closeEverything();
    const e = await errorOf(openWarehouse(file));
    expect(e).toBeInstanceOf(WarehouseVersionError);
    expect(e.message).toBe(
      `${file}: this warehouse was written by a newer version of raa (schema ${latestVersion + 1}, this version knows up to ${latestVersion}); upgrade raa`,
    );
    closeEverything();
    expect(await errorOf(openWarehouse(file, { readOnly: true }))).toBeInstanceOf(WarehouseVersionError);
  });

  it('opens read-only without creating or upgrading anything', async () => {
    const missing = newPath();
    const e = await errorOf(openWarehouse(missing, { readOnly: true }));
    expect(e).toBeInstanceOf(WarehouseOpenError);
    expect(e.message).toMatch(/there is no warehouse here yet/);
    expect(() => statSync(join(missing, '..'))).toThrow();

    const file = newFile();
    const old = await track(Database.open(file));
    await old.run(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
    closeEverything();
    expect((await errorOf(openWarehouse(file, { readOnly: true }))).message).toMatch(new RegExp(`has schema 0 and needs upgrading to schema ${latestVersion}, which cannot be done read-only`));
    closeEverything();

    await track(openWarehouse(file));
    closeEverything();
    const ro = await track(openWarehouse(file, { readOnly: true }));
    expect(await ro.one('SELECT count(*) AS n FROM submission')).toEqual({ n: 0 });
    expect((await errorOf(ro.run(`INSERT INTO diagnostic (submission_id, file, rule, severity, message) VALUES (1, 'f', 'r', 'warning', 'm')`))).message).toMatch(
      /read-only/i,
    );
  });

  it('refuses files that are not a raa warehouse, and tables out of step with schemas/', async () => {
    const notDuck = newFile('notes.txt');
    writeFileSync(notDuck, 'hello\n');
    const e1 = await errorOf(openWarehouse(notDuck));
    expect(e1).toBeInstanceOf(WarehouseOpenError);
    expect(e1.message).toMatch(/not a DuckDB database/);

    const foreign = newFile('analysis.duckdb');
    const f = await track(Database.open(foreign));
    await f.run('CREATE TABLE sales (x INTEGER)');
    closeEverything();
    expect((await errorOf(openWarehouse(foreign))).message).toMatch(/not a raa warehouse \(it has tables such as sales/);
    closeEverything();

    const drifted = newPath();
    const d = await track(openWarehouse(drifted));
    await d.run('ALTER TABLE children DROP COLUMN family_id');
    await d.run('ALTER TABLE support ADD COLUMN extra VARCHAR');
    closeEverything();
    const e3 = await errorOf(openWarehouse(drifted));
    expect(e3).toBeInstanceOf(WarehouseOpenError);
    expect(e3.message).toMatch(/children\.family_id is missing; support\.extra is not in schemas\/\); a migration is missing/);
  });

  it('serialises concurrent opens of one file in one process', async () => {
    const file = newPath();
    const dbs = await Promise.all([1, 2, 3].map(() => track(openWarehouse(file))));
    for (const db of dbs) expect(await db.one('SELECT count(*) AS n FROM schema_version')).toEqual({ n: latestVersion });
  });
});

describe('the cross-process lock', () => {
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill();
      await once(child, 'exit');
    }
  });

  it('turns another process holding the file into WarehouseBusyError with its PID', async () => {
    const file = newPath();
    await track(openWarehouse(file));
    closeEverything();

    // A second process opens the file with DuckDB directly and holds it until its stdin closes.
    const script = `
      import { DuckDBInstance } from '@duckdb/node-api';
      const instance = await DuckDBInstance.create(process.argv[1]);
      const conn = await instance.connect();
      await conn.run('SELECT count(*) FROM submission');
      process.stdout.write('ready\\n');
      process.stdin.resume();
      process.stdin.on('end', () => process.exit(0));
    `;
    const proc = spawn(process.execPath, ['--input-type=module', '-e', script, file], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
    child = proc;
    let stderr = '';
    proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    await new Promise<void>((res, rej) => {
      proc.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && res());
      proc.on('exit', (code) => rej(new Error(`child exited ${code}: ${stderr}`)));
    });

    const busy = await errorOf(Database.open(file));
    expect(busy).toBeInstanceOf(WarehouseBusyError);
    expect((busy as WarehouseBusyError).pid).toBe(proc.pid);
    expect(busy.message).toBe(`the warehouse ${file} is in use by process ${proc.pid}; try again when it finishes`);

    const viaOpen = await errorOf(openWarehouse(file, { readOnly: true }));
    expect(viaOpen).toBeInstanceOf(WarehouseBusyError);
    expect((viaOpen as WarehouseBusyError).pid).toBe(proc.pid);

    // Once the other process has finished, the file opens.
    proc.stdin.end();
    await once(proc, 'exit');
    const db = await track(openWarehouse(file));
    expect(await db.one('SELECT count(*) AS n FROM submission')).toEqual({ n: 0 });
  });
});
