// The only module that imports @duckdb/node-api: one instance per file per process, statements, appends, close.
// The native library is loaded on the first open, not at start-up: `raa --version`, `--help`, `raa spec` and usage
// errors never pay for it.
import type { DuckDBConnection, DuckDBInstance, DuckDBValue, DuckDBValueConverter, JS } from '@duckdb/node-api';
import { exitCodes, RaaError } from '../errors/RaaError.js';

/** Another process holds the file: DuckDB cannot wait for it, so we say who and stop. */
export class WarehouseBusyError extends RaaError {
  constructor(readonly path: string, readonly pid: number | null) {
    super(`the warehouse ${path} is in use by process ${pid ?? '(unknown)'}; try again when it finishes`, exitCodes.warehouse);
  }
}

export type Row = Record<string, unknown>;

/** A column of a streamed result: its name and its DuckDB type as SQL writes it (`INTEGER`, `DECIMAL(12,2)`, `VARCHAR[]`). */
export interface StreamColumn {
  name: string;
  type: string;
}

/** Up to `batchRows` rows of a streamed result, column-major: `values[c][r]` is column c of row r. */
export interface ColumnBatch {
  rowCount: number;
  values: unknown[][];
}

/** A query result read in batches: the columns are known before the first row is read. */
export interface ColumnStream {
  columns: StreamColumn[];
  batches: AsyncIterable<ColumnBatch>;
}

/**
 * Values as Arrow stores them, exactly: DATE → days since 1970-01-01 (number), TIMESTAMP → microseconds since the
 * epoch (bigint), DECIMAL → number (double), BIGINT → bigint, LIST → array of converted items, NULL → null; the rest
 * as the JS converter gives them (VARCHAR → string, INTEGER/DOUBLE → number, BOOLEAN → boolean).
 */
type DuckDBApi = typeof import('@duckdb/node-api');
let api: DuckDBApi | undefined;
/** The DuckDB library, imported once, when a database is first opened. */
async function duckdb(): Promise<DuckDBApi> {
  api ??= await import('@duckdb/node-api');
  return api;
}

const arrowValue: DuckDBValueConverter<JS> = (value, type, converter) => {
  const d = api as DuckDBApi; // set: a result exists only after a database was opened
  if (value === null) return null;
  if (value instanceof d.DuckDBDateValue) return value.days;
  if (value instanceof d.DuckDBTimestampValue) return value.micros;
  if (value instanceof d.DuckDBDecimalValue) return value.toDouble();
  return d.JSDuckDBValueConverter(value, type, converter);
};

const instances = new Map<string, Promise<DuckDBInstance>>();
/** The same instances once created, for the synchronous close paths. */
const created = new Map<string, DuckDBInstance>();

/** A connection to one DuckDB database (a file, or ':memory:'). */
export class Database {
  private constructor(readonly path: string, private readonly conn: DuckDBConnection) {}

  /**
   * Open (or create) a database. Two instances on one file in one process lose committed data (design.md), so
   * instances are shared per path; every caller gets its own connection.
   */
  static async open(path: string, options: Record<string, string> = {}): Promise<Database> {
    // The pending creation is cached, not just the result: concurrent opens of one file must share one instance.
    let pending = path === ':memory:' ? undefined : instances.get(path);
    if (!pending) {
      pending = duckdb().then((d) => d.DuckDBInstance.create(path, options)).catch((e: unknown) => {
        instances.delete(path);
        const msg = e instanceof Error ? e.message : String(e);
        const lock = /Could not set lock on file[^]*?PID (\d+)/.exec(msg);
        if (lock || /Conflicting lock/.test(msg)) throw new WarehouseBusyError(path, lock ? Number(lock[1]) : null);
        throw e;
      });
      if (path !== ':memory:') instances.set(path, pending);
    }
    const instance = await pending;
    if (path !== ':memory:') created.set(path, instance);
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

  /**
   * Run a query and read its result in batches of `batchRows` rows (the last may be shorter; none when there are no
   * rows), so memory does not grow with the result. Values are converted as `arrowValue` describes. Read `batches` to
   * the end before the next statement on this connection: a new statement ends the stream.
   */
  async streamColumns(
    sql: string,
    params?: DuckDBValue[] | Record<string, DuckDBValue>,
    options: { batchRows?: number } = {},
  ): Promise<ColumnStream> {
    const batchRows = Math.max(1, options.batchRows ?? 65_536);
    const result = await this.conn.stream(sql, params);
    const columns = result.columnNames().map((name, i) => ({ name, type: result.columnType(i).toString() }));
    async function* batches(): AsyncGenerator<ColumnBatch> {
      const values: unknown[][] = columns.map(() => []);
      let rowCount = 0;
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        chunk.convertColumns(arrowValue).forEach((col, i) => {
          const target = values[i];
          if (target) for (const v of col) target.push(v);
        });
        rowCount += chunk.rowCount;
        for (; rowCount >= batchRows; rowCount -= batchRows) yield { rowCount: batchRows, values: values.map((col) => col.splice(0, batchRows)) };
      }
      if (rowCount > 0) yield { rowCount, values };
    }
    return { columns, batches: batches() };
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
    const inst = created.get(this.path);
    if (inst) {
      inst.closeSync();
      created.delete(this.path);
      instances.delete(this.path);
    }
  }

  /** Release every instance this process opened, so other processes may lock the files. */
  static closeAll(): void {
    for (const inst of created.values()) inst.closeSync();
    created.clear();
    instances.clear();
  }
}
