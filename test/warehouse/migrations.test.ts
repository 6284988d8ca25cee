// Migrations are frozen text and upgrade real old warehouses: the schema-1 fixture (written by the code of that version)
// is upgraded by the current code with every row kept, each step is idempotent, and a newer warehouse is refused.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/warehouse/Database.js';
import { datasetTableDrift } from '../../src/warehouse/datasetTables.js';
import { latestVersion, migrate, migrations, WarehouseVersionError } from '../../src/warehouse/migrations.js';
import { addColumn, addDatasetTable, yesNoToCodes } from '../../src/warehouse/migrations/steps.js';
import { openWarehouse } from '../../src/warehouse/openWarehouse.js';

const root = mkdtempSync(join(tmpdir(), 'raa-migrations-'));
let n = 0;
afterEach(() => Database.closeAll());
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A private copy of the schema-1 fixture. */
function schema1Copy(): string {
  const file = join(root, `schema1-${++n}.db`);
  writeFileSync(file, gunzipSync(readFileSync(new URL('./fixtures/schema-1.db.gz', import.meta.url))), { mode: 0o600 });
  return file;
}

const tables = ['submission', 'diagnostic', 'quarantine', 'children', 'adopters', 'support', 'concerns', 'workforce'];

/** Every row of every table as sorted JSON lines, with the columns of `columns` only (what schema 1 had). */
async function snapshot(db: Database, columns: Record<string, string[]>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const cols = columns[t] ?? [];
    const rows = await db.all(`SELECT ${cols.map((c) => `"${c}"::VARCHAR AS "${c}"`).join(', ')} FROM "${t}"`);
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

async function columnsOf(db: Database): Promise<Record<string, string[]>> {
  const rows = await db.all<{ t: string; c: string }>(`SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`);
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.t] ??= []).push(r.c);
  return out;
}

describe('migrations', () => {
  it('are frozen once shipped: the text of each is pinned', () => {
    // Changing a shipped migration changes what "version N" means for warehouses that exist. Add a migration instead.
    // A new migration gets its pin here when it is written. (Version 1's text is byte for byte what the code before
    // freezing generated from schemas/ at commit e16c691.)
    const pinned: Record<number, string> = {
      1: 'c83480ad421ec39880aa069997e23efa2bbc8e4b6596d16a64019f3f3e6f2899',
      2: 'cf165867cbe6d9bf4b07386a35458bc114fe456042966322c5448148e738b907',
    };
    for (const m of migrations) {
      const hash = createHash('sha256').update(JSON.stringify(m.statements)).digest('hex');
      expect({ version: m.version, hash }).toEqual({ version: m.version, hash: pinned[m.version] });
    }
  });

  it('upgrade a schema-1 warehouse written by the old code, keeping every row and its meaning', async () => {
    const file = schema1Copy();
    const old = await Database.open(file);
    expect(await old.one(`SELECT max(version) AS v FROM schema_version`)).toEqual({ v: 1 });
    const oldColumns = await columnsOf(old);
    const before = await snapshot(old, oldColumns);
    const disabilityBefore = await old.all(`SELECT submission_id, source_line, disability FROM children ORDER BY 1, 2`);
    const ffaBefore = await old.all(`SELECT submission_id, source_line, disability, ffa FROM adopters ORDER BY 1, 2`);
    old.close();
    Database.closeAll();
    expect(before.submission).toHaveLength(7);
    expect(before.quarantine).toHaveLength(2);
    expect(before.children!.length).toBeGreaterThan(50);

    const said: string[] = [];
    const original = readFileSync(file);
    const db = await openWarehouse(file, { say: (line) => said.push(line) });
    expect(await db.one(`SELECT max(version) AS v FROM schema_version`)).toEqual({ v: latestVersion });
    expect(await datasetTableDrift(db)).toEqual([]);
    // Before anything changed, the file was copied beside itself, owner-only, and the message names the copy.
    const backups = readdirSync(dirname(file)).filter((f) => f.startsWith(`${basename(file)}.schema1-backup-`));
    expect(backups).toHaveLength(1);
    const backup = join(dirname(file), backups[0] ?? '');
    expect(readFileSync(backup).equals(original)).toBe(true);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(said).toEqual([`upgrading the warehouse ${file} from schema 1 to ${latestVersion}; a copy of it as it was is at ${backup}`]);
    const after = await snapshot(db, oldColumns);
    // Every row is still there; columns whose type did not change read exactly as before.
    for (const t of tables) expect(after[t]?.length, t).toBe(before[t]?.length);
    for (const t of ['submission', 'diagnostic', 'quarantine', 'support', 'concerns', 'workforce']) expect(after[t], t).toEqual(before[t]);
    // Yes/no characteristics: true → yes, false → no, row by row.
    const yn = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : 'unexpected');
    expect(await db.all(`SELECT submission_id, source_line, disability FROM children ORDER BY 1, 2`)).toEqual(
      disabilityBefore.map((r) => ({ ...r, disability: yn(r.disability) })),
    );
    expect(await db.all(`SELECT submission_id, source_line, disability, ffa FROM adopters ORDER BY 1, 2`)).toEqual(
      ffaBefore.map((r) => ({ ...r, disability: yn(r.disability), ffa: yn(r.ffa) })),
    );
    // New columns are empty for what was stored before them; the current views still answer.
    expect(await db.one(`SELECT count(*)::INTEGER AS n FROM submission WHERE sheet IS NOT NULL`)).toEqual({ n: 0 });
    expect(await db.one(`SELECT count(*)::INTEGER AS n FROM diagnostic WHERE record IS NOT NULL`)).toEqual({ n: 0 });
    expect(await db.one(`SELECT count(*)::INTEGER AS n FROM current_submission`)).toEqual({ n: 5 });
    const current = await db.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM current_children`);
    expect(current?.n).toBe(before.children?.length);
  });

  it('each step can run again without changing anything', async () => {
    const file = schema1Copy();
    const db = await openWarehouse(file, { say: () => undefined });
    const cols = await columnsOf(db);
    const before = await snapshot(db, cols);
    for (const m of migrations.slice(1)) for (const sql of m.statements) await db.run(sql);
    expect(await columnsOf(db)).toEqual(cols);
    expect(await snapshot(db, cols)).toEqual(before);
  });

  it('steps: a new dataset table and view, a new column, yes/no to codes, each idempotent', async () => {
    const file = join(root, `steps-${++n}.db`);
    const db = await openWarehouse(file);
    const steps = [
      ...addDatasetTable('panels', [['panel_id', 'VARCHAR', true], ['panel_date', 'DATE']]),
      ...addColumn('panels', 'chair', 'VARCHAR', { dataset: true }),
      ...addColumn('submission', 'reviewer', 'VARCHAR', { ledger: true }),
      ...yesNoToCodes('children', 'disability'),
    ];
    const list = [...migrations, { version: latestVersion + 1, description: 'a test step', statements: steps }];
    expect(await migrate(db, file, list)).toEqual({ from: latestVersion, to: latestVersion + 1 });
    for (const sql of steps) await db.run(sql);
    const cols = await columnsOf(db);
    expect(cols.panels).toEqual(['submission_id', 'partner', 'period', 'source_line', 'panel_id', 'panel_date', 'chair']);
    expect(cols.current_panels).toEqual(cols.panels);
    expect(cols.current_submission).toContain('reviewer');
    expect(await db.one(`SELECT data_type FROM information_schema.columns WHERE table_name = 'children' AND column_name = 'disability'`)).toEqual({ data_type: 'VARCHAR' });
  });

  it('refuse a warehouse from a newer version, and leave it untouched', async () => {
    const file = schema1Copy();
    const db = await openWarehouse(file, { say: () => undefined });
    await db.run(`INSERT INTO schema_version (version, description) VALUES ($1, 'from the future')`, [latestVersion + 1]);
    db.close();
    Database.closeAll();
    const bytes = readFileSync(file);
    await expect(openWarehouse(file)).rejects.toBeInstanceOf(WarehouseVersionError);
    Database.closeAll();
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
