// What schemas/ says each dataset's warehouse table holds, and a check that a warehouse matches it (the tables
// themselves are made by the frozen migrations in migrations/).
import { datasets, type Dataset } from '../../schemas/index.js';
import type { Database } from './Database.js';
import { duckdbType } from '../contract/duckdbType.js';

export interface TableColumn {
  name: string;
  type: string;
  notNull: boolean;
}

/** The columns every dataset row carries before its own: where it came from. */
export const provenanceColumns: readonly TableColumn[] = [
  { name: 'submission_id', type: 'INTEGER', notNull: true },
  { name: 'partner', type: 'VARCHAR', notNull: true },
  { name: 'period', type: 'VARCHAR', notNull: true },
  { name: 'source_line', type: 'INTEGER', notNull: true },
];

/** The typed table holding every loaded row of a dataset, from every submission. */
export const datasetTable = (ds: Pick<Dataset, 'name'>): string => ds.name;

/** The view of rows from the current (newest loaded) submission per partner and period. */
export const currentView = (ds: Pick<Dataset, 'name'>): string => `current_${ds.name}`;

/** Every column of a dataset's table, in order: provenance, then the dataset's columns (required ones NOT NULL). */
export function datasetTableColumns(ds: Dataset): TableColumn[] {
  const own = ds.columns.map((c) => ({ name: c.field, type: duckdbType(c.type), notNull: c.required }));
  const clash = own.find((c) => provenanceColumns.some((p) => p.name === c.name));
  if (clash) throw new Error(`schemas/: dataset ${ds.name} has a field named "${clash.name}", which the warehouse uses for provenance`);
  return [...provenanceColumns, ...own];
}

/**
 * Differences between the warehouse's dataset tables and what schemas/ generates now, one sentence each. Empty when
 * they match. A difference means schemas/ changed without a migration that brings existing warehouses along.
 */
export async function datasetTableDrift(db: Database, list: readonly Dataset[] = datasets): Promise<string[]> {
  const rows = await db.all<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`,
  );
  const problems: string[] = [];
  for (const ds of list) {
    const actual = rows.filter((r) => r.table_name === datasetTable(ds));
    if (actual.length === 0) {
      problems.push(`table ${datasetTable(ds)} is missing`);
      continue;
    }
    const expected = datasetTableColumns(ds);
    for (const col of expected) {
      const found = actual.find((r) => r.column_name === col.name);
      if (!found) problems.push(`${datasetTable(ds)}.${col.name} is missing`);
      else if (found.data_type !== col.type) problems.push(`${datasetTable(ds)}.${col.name} is ${found.data_type}, schemas/ says ${col.type}`);
      else if ((found.is_nullable === 'NO') !== col.notNull) {
        problems.push(`${datasetTable(ds)}.${col.name} is ${col.notNull ? 'nullable' : 'NOT NULL'}, schemas/ says ${col.notNull ? 'required' : 'optional'}`);
      }
    }
    for (const r of actual) {
      if (!expected.some((c) => c.name === r.column_name)) problems.push(`${datasetTable(ds)}.${r.column_name} is not in schemas/`);
    }
  }
  return problems;
}
