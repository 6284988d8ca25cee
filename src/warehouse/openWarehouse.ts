// Open the warehouse file for use: create it (owner-only, mode 0600) or tighten it, upgrade its schema, refuse what it cannot use.
import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { exitCodes, RaaError } from '../errors/RaaError.js';
import { Database } from './Database.js';
import { datasetTableDrift } from './datasetTables.js';
import { latestVersion, migrate, schemaVersion, WarehouseVersionError } from './migrations.js';

/** The warehouse cannot be used: missing (read-only), not a DuckDB file, not a raa warehouse, or out of step with schemas/. */
export class WarehouseOpenError extends RaaError {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`, exitCodes.warehouse);
  }
}

export interface OpenWarehouseOptions {
  /** Open without writing: no file or folder is created and no migration runs (an older schema is refused). */
  readOnly?: boolean;
  /** Where a line for people goes (an upgrade and its backup); default: stderr. */
  say?: (line: string) => void;
}

/** Migrations in progress per file in this process, so concurrent opens wait for one upgrade instead of racing. */
const upgrading = new Map<string, Promise<void>>();

/**
 * Open (creating if needed) the warehouse at `path` and bring its schema up to date. Throws `WarehouseBusyError`
 * when another process has it open, `WarehouseVersionError` when its schema is newer than this code (or older and
 * `readOnly`), `WarehouseOpenError` when it is not a usable warehouse.
 *
 * Instances are shared per file within a process (Database.open): the first open decides whether the instance is
 * read-only, so a read-only open followed by a writing open in one process gets a read-only database.
 */
export async function openWarehouse(path: string, options: OpenWarehouseOptions = {}): Promise<Database> {
  const readOnly = options.readOnly ?? false;
  const file = canonical(path);
  const isNew = !existsSync(file);
  if (isNew && readOnly) throw new WarehouseOpenError(file, 'there is no warehouse here yet; load some data first (raa load or raa run)');
  if (!isNew && statSync(file).isDirectory()) throw new WarehouseOpenError(file, 'this is a folder; the warehouse setting must name a file (e.g. raa.duckdb)');
  if (isNew) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });

  let db: Database;
  try {
    db = await withPrivateUmask(isNew, () => Database.open(file, readOnly ? { access_mode: 'READ_ONLY' } : {}));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/not a valid DuckDB database file/i.test(msg)) throw new WarehouseOpenError(file, 'this file is not a DuckDB database; check the warehouse setting in the pipeline file');
    if (/Corrupt database file|checksum|IO Error/i.test(msg)) {
      throw new WarehouseOpenError(file, `the warehouse file is damaged and cannot be opened (${msg.split('\n')[0] ?? ''}); restore it from a backup (raa keeps one beside it before each upgrade, <file>.schemaN-backup-…), or load the inboxes again into a new warehouse; raa check says what it can read`);
    }
    throw e; // WarehouseBusyError and anything unexpected
  }
  restrictMode(file);

  try {
    if (readOnly) {
      const version = await checkedVersion(db, file);
      if (version !== latestVersion) throw new WarehouseVersionError(file, version ?? 0, latestVersion);
    } else {
      const previous = upgrading.get(file) ?? Promise.resolve();
      const say = options.say ?? ((line: string) => process.stderr.write(`raa: ${line}\n`));
      const mine = previous.then(() => upgrade(db, file, say));
      upgrading.set(file, mine.catch(() => undefined));
      await mine;
      restrictMode(`${file}.wal`);
    }
    const drift = await datasetTableDrift(db);
    if (drift.length > 0) {
      throw new WarehouseOpenError(
        file,
        `the warehouse tables do not match the data contract in schemas/ (${drift.join('; ')}); a migration is missing from src/warehouse/migrations/ (see its README.md)`,
      );
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

async function upgrade(db: Database, file: string, say: (line: string) => void): Promise<void> {
  const version = await checkedVersion(db, file);
  if (version !== null && version > 0 && version < latestVersion) {
    // A copy as it was, before anything changes: if an upgrade ever went wrong, the analyst has the old file back.
    await db.run('CHECKPOINT');
    const backup = `${file}.schema${version}-backup-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;
    copyFileSync(file, backup, constants.COPYFILE_EXCL);
    restrictMode(backup);
    say(`upgrading the warehouse ${file} from schema ${version} to ${latestVersion}; a copy of it as it was is at ${backup}`);
  }
  await migrate(db, file);
}

/** The schema version (null for an empty new file); refuses a DuckDB file that holds something other than a warehouse. */
async function checkedVersion(db: Database, file: string): Promise<number | null> {
  const version = await schemaVersion(db);
  if (version === null) {
    const tables = await db.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' LIMIT 3`);
    if (tables.length > 0) {
      const names = tables.map((t) => t.name).join(', ');
      throw new WarehouseOpenError(file, `this DuckDB file is not a raa warehouse (it has tables such as ${names} but no schema_version); choose another warehouse path`);
    }
  }
  return version;
}

/** Absolute, with symlinks resolved where they exist, so one file always gets one DuckDB instance. */
function canonical(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const dir = dirname(abs);
  return existsSync(dir) ? join(realpathSync(dir), basename(abs)) : abs;
}

/** Make the file readable and writable by its owner only (0600). A missing file, or one owned by someone else, is left alone. */
function restrictMode(file: string): void {
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw e;
  }
}

/** While DuckDB creates a new file, create it owner-only from the start (there is no moment it is world-readable). */
async function withPrivateUmask<T>(enabled: boolean, fn: () => Promise<T>): Promise<T> {
  let old: number | undefined;
  if (enabled) {
    try {
      old = process.umask(0o077);
    } catch {
      old = undefined; // worker threads cannot set the umask; chmod after creation still applies
    }
  }
  try {
    return await fn();
  } finally {
    if (old !== undefined) process.umask(old);
  }
}
