// normalise: each distinct raw value of each typed domain (dates, a code list, yes/no, money…) is normalised once in
// TypeScript and stored as a small lookup table that the checks join to. Distinct values are few even in a large file.
import type { ColumnType } from '../../schemas/index.js';
import type { Database } from '../warehouse/Database.js';
import { presence } from '../ingest/normalise/missing.js';
import { normaliseCell } from '../ingest/normalise/normaliseCell.js';
import type { MappedColumn } from '../ingest/recognise.js';
import { ident, rawCol } from './sql.js';

type Typed = Exclude<ColumnType, { kind: 'text' }>;

/** The lookup domain of a column type: columns of one domain share a lookup. Text has none. */
export function domainOf(type: ColumnType): string | null {
  switch (type.kind) {
    case 'text':
      return null;
    case 'integer':
      return `integer_${type.min}_${type.max}`;
    case 'decimal':
    case 'money':
      return `${type.kind}_${type.min}`;
    case 'code':
    case 'codes':
      return `${type.kind}_${type.codes.name}`;
    default:
      return type.kind;
  }
}

/** Build one lookup table per domain; returns domain → table name. Each table: raw, value, rule, detail. */
export async function buildLookups(db: Database, staging: string, prefix: string, columns: MappedColumn[]): Promise<Map<string, string>> {
  const byDomain = new Map<string, { type: Typed; indexes: number[] }>();
  for (const m of columns) {
    const domain = domainOf(m.column.type);
    if (domain === null || m.index === null) continue;
    const entry = byDomain.get(domain) ?? { type: m.column.type as Typed, indexes: [] };
    entry.indexes.push(m.index);
    byDomain.set(domain, entry);
  }
  const tables = new Map<string, string>();
  for (const [domain, { type, indexes }] of byDomain) {
    const union = indexes.map((i) => `SELECT ${rawCol(i)} AS v FROM ${ident(staging)} WHERE rowid > 0`).join(' UNION ALL ');
    const values = await db.all<{ v: string }>(`SELECT DISTINCT v FROM (${union}) WHERE v IS NOT NULL`);
    const table = `${prefix}_lk_${domain}`;
    await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(table)} (raw VARCHAR, value VARCHAR, rule VARCHAR, detail VARCHAR)`);
    await db.appendText(
      table,
      values.map(({ v }): (string | null)[] => {
        const p = presence(v);
        if (p !== 'value') return [v, null, p, null];
        const n = normaliseCell(type, v);
        return n.ok ? [v, n.value, null, null] : [v, null, n.rule, n.detail ?? null];
      }),
      { temp: true },
    );
    tables.set(domain, table);
  }
  return tables;
}
