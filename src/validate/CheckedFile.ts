// The hand-off from validation to the load: a checked file's rows as named relations of a declared shape. The load
// reads these by name and composes no SQL on validation's own tables (their raw columns, `rec` numbering across a
// group, severities). Everything a relation needs lives until the file is disposed.
import type { Dataset } from '../../schemas/index.js';
import { columnLetter } from '../diagnostics/Diagnostic.js';
import type { MappedColumn } from '../ingest/recognise.js';
import type { RecordMap } from '../ingest/scanRecords.js';
import type { Database } from '../warehouse/Database.js';
import { lineSql } from './lineShifts.js';
import { ident, rawCol } from './sql.js';

/** A relation to put after FROM: a parenthesised query. */
export type Relation = string;

/**
 * A checked file's rows. `rec` identifies a record of the file (the same record in every relation; ordering by it is
 * file order); every other column is named here.
 */
export interface CheckedRelations {
  /**
   * The rows that load: `rec`, `source_line`, `excel_row`, then every dataset field, typed, in the dataset table's
   * order (a date minimised to its month is the month's first day).
   */
  loadable: Relation;
  /** Every non-blank data row, rejected ones too: `rec`, then every dataset field, typed (NULL when missing or invalid). */
  typed: Relation;
  /** Every data record as written (an empty line is none): `rec`, then one VARCHAR column per dataset field (NULL where the file lacks it). */
  raw: Relation;
  /** The records with a warning: `rec`. */
  warned: Relation;
  /** The rows that do not load (row errors): `rec`, `line`, `excel_row`, `raw` (its cells, VARCHAR[]), `headers` (the file's header cells, VARCHAR[]). */
  quarantine: Relation;
}

/** Where a finding is in the file, as a diagnostic shows it. */
export interface Location {
  line: number | null;
  excelRow: number | null;
  column: string | null;
  /** The header as the file writes it; null when the file lacks the field. */
  header: string | null;
  /** The header to name the field by in a message: the file's, else the contract's. */
  name: string | null;
}

export interface CheckedFile {
  dataset: Dataset;
  /** The file's relations. The first call creates what they need (a small table of line shifts, for files with blank lines or line breaks in values). */
  relations(): Promise<CheckedRelations>;
  /** Whether the file has a column for the field. */
  has(field: string): boolean;
  /** Where record `rec` (null: the file as a whole) and `field` (null: the row as a whole) are in the file. */
  locate(rec: number | null, field: string | null): Location;
  /** Drop what the file's relations read (the last file of its group drops the group's tables too). */
  dispose(): Promise<void>;
}

/** What checkFiles knows of one file of its group. */
export interface CheckedParts {
  db: Database;
  dataset: Dataset;
  /** The file's own header mapping (`index`: its column in the staging table). */
  columns: MappedColumn[];
  map: RecordMap;
  /** The staging table: rowid 0 = header, then c0 … c<width − 1>. */
  staging: string;
  width: number;
  /** The file's part of the group's typed view: `rec` (the file's own), then every field. */
  typed: Relation;
  /** The file's part of the group's findings: `rec` (the file's own) and `severity`. */
  findings: Relation;
  /** Unique name for the file's line-shift table. */
  name: string;
  dispose(): Promise<void>;
}

export function checkedFile(p: CheckedParts): CheckedFile {
  const { dataset } = p;
  const byField = new Map(p.columns.map((m) => [m.column.field, m]));
  let made: Promise<{ relations: CheckedRelations; drop(): Promise<void> }> | null = null;
  const make = async () => {
    const lines = await lineSql(p.db, p.map, `${p.name}_shifts`);
    const staging = ident(p.staging);
    const rejected = `SELECT rec FROM ${p.findings} WHERE severity = 'row_error'`;
    const fields = dataset.columns.map((c) => {
      const v = `t.${ident(c.field)}`;
      return c.type.kind === 'date' && c.type.minimisedToMonth ? `CAST(date_trunc('month', ${v}) AS DATE) AS ${ident(c.field)}` : v;
    });
    const cells = (alias: string) => `[${Array.from({ length: Math.max(1, p.width) }, (_, i) => `${alias}.${rawCol(i)}`).join(', ')}]`;
    const rawFields = dataset.columns.map((c) => {
      const k = byField.get(c.field)?.index ?? null;
      return `${k === null ? 'CAST(NULL AS VARCHAR)' : rawCol(k)} AS ${ident(c.field)}`;
    });
    const relations: CheckedRelations = {
      loadable: `(SELECT t.rec, ${lines.line} AS source_line, ${lines.excelRow} AS excel_row, ${fields.join(', ')}
        FROM ${p.typed} AS t ${lines.join} WHERE t.rec NOT IN (${rejected}))`,
      typed: p.typed,
      raw: `(SELECT rowid AS rec, ${rawFields.join(', ')} FROM ${staging} WHERE rowid > 0)`,
      warned: `(SELECT DISTINCT rec FROM ${p.findings} WHERE severity = 'warning')`,
      quarantine: `(SELECT t.rec, ${lines.line} AS line, ${lines.excelRow} AS excel_row, ${cells('s')} AS raw, (SELECT ${cells('h')} FROM ${staging} AS h WHERE h.rowid = 0) AS headers
        FROM (SELECT DISTINCT rec FROM (${rejected})) AS t ${lines.join} JOIN ${staging} AS s ON s.rowid = t.rec)`,
    };
    return { relations, drop: () => lines.drop() };
  };
  return {
    dataset,
    relations: async () => (await (made ??= make())).relations,
    has: (field) => byField.get(field)?.index != null,
    locate(rec, field) {
      const m = field === null ? undefined : byField.get(field);
      return {
        line: rec === null ? null : p.map.lineOf(rec),
        excelRow: rec === null ? null : p.map.excelRowOf(rec),
        column: m?.index != null ? columnLetter(m.index) : null,
        header: m?.header ?? null,
        name: m?.header ?? m?.column.header ?? null,
      };
    },
    async dispose() {
      const m = made;
      made = null;
      if (m) await (await m).drop().catch(() => undefined);
      await p.dispose();
    },
  };
}
