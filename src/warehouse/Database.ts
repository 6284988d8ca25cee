// The only module that imports @duckdb/node-api: one instance per file per process, statements, appends, close.
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

/** Another process holds the file: DuckDB cannot wait for it, so we say who and stop. */
export class WarehouseBusyError extends Error {
  constructor(readonly path: string, readonly pid: number | null) {
    super(`the warehouse ${path} is in use by process ${pid ?? '(unknown)'}; try again when it finishes`);
  }
}

export type Row = Record<string, unknown>;
const instances = new Map<string, DuckDBInstance>();

/** A connection to one DuckDB database (a file, or ':memory:'). */
export class Database {
  private constructor(readonly path: string, private readonly conn: DuckDBConnection) {}

  /**
   * Open (or create) a database. Two instances on one file in one process lose committed data (design.md), so
   * instances are shared per path; every caller gets its own connection.
   */
  static async open(path: string, options: Record<string, string> = {}): Promise<Database> {
    let instance = path === ':memory:' ? undefined : instances.get(path);
    if (!instance) {
      try {
        instance = await DuckDBInstance.create(path, options);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        const lock = /Could not set lock on file[^]*?PID (\d+)/.exec(msg);
        if (lock || /Conflicting lock/.test(msg)) throw new WarehouseBusyError(path, lock ? Number(lock[1]) : null);
        throw e;
      }
      if (path !== ':memory:') instances.set(path, instance);
    }
    return new Database(path, await instance.connect());
  }

  async run(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<void> {
    await this.conn.run(sql, params);
  }

  /** Rows as plain objects; BIGINT becomes number (every count here is far below 2^53). */
  async all<T = Row>(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map((r) => {
      const o: Row = {};
      for (const [k, v] of Object.entries(r)) o[k] = typeof v === 'bigint' ? Number(v) : v;
      return o as T;
    });
  }

  async one<T = Row>(sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** Append rows of text values (null for SQL NULL) to a table whose columns are all VARCHAR (`temp`: a TEMP table). */
  async appendText(table: string, rows: Iterable<readonly (string | null)[]>, options: { temp?: boolean } = {}): Promise<void> {
    const appender = await this.conn.createAppender(table, null, options.temp ? 'temp' : null);
    try {
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else appender.appendVarchar(v);
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** Close this connection; the instance (and its file lock) is released by `closeAll` or process exit. */
  close(): void {
    this.conn.closeSync();
  }

  /** Close this connection and release the file (its instance), so other processes may open it. */
  release(): void {
    this.conn.closeSync();
    const inst = instances.get(this.path);
    if (inst) {
      inst.closeSync();
      instances.delete(this.path);
    }
  }

  /** Release every instance this process opened, so other processes may lock the files. */
  static closeAll(): void {
    for (const inst of instances.values()) inst.closeSync();
    instances.clear();
  }
}
