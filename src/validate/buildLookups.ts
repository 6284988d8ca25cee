// normalise: each distinct raw value of each typed column domain (dates, a code list, yes/no, money…) is normalised
// once in TypeScript into a small lookup table holding the typed value and the rule it breaks, which the checks join to.
// Distinct values are few even in a very large file, so the hot path does no per-cell work in JavaScript.
import type { Column, ColumnType } from '../../schemas/index.js';
import { duckdbType } from '../contract/duckdbType.js';
import { presence } from '../ingest/normalise/missing.js';
import { normaliseCell } from '../ingest/normalise/normaliseCell.js';
import type { MappedColumn } from '../ingest/recognise.js';
import type { Database } from '../warehouse/Database.js';
import { ident, lit, rawCol } from './sql.js';

type Typed = Exclude<ColumnType, { kind: 'text' }>;

/** The normalisation domain of a column type: columns of one domain share their distinct values. Text has none. */
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

/** A lookup serves columns with the same domain, required-ness and (for dates) event/planned kind. */
export function lookupKey(col: Column): string | null {
  const domain = domainOf(col.type);
  if (domain === null) return null;
  const event = col.type.kind === 'date' && !col.type.planned;
  return `${domain}_${col.required ? 'req' : 'opt'}${event ? '_event' : ''}`;
}

/**
 * Build one lookup table per lookup key: (raw VARCHAR, value <typed>, rule VARCHAR, detail VARCHAR), where `rule` is
 * already final for the column kind (a missing value in a required column is `required.missing`; an event date after
 * `periodEnd` is `date.future`) and `value` is set only when `rule` is null. Returns lookup key → table name.
 */
export async function buildLookups(db: Database, staging: string, prefix: string, columns: MappedColumn[], periodEnd: string): Promise<Map<string, string>> {
  const present = columns.filter((m): m is MappedColumn & { index: number } => m.index !== null && domainOf(m.column.type) !== null);
  if (present.length === 0) return new Map();
  // One pass over the staging table for every domain's distinct values.
  const union = present.map((m) => `SELECT ${lit(domainOf(m.column.type) as string)} AS d, ${rawCol(m.index)} AS v FROM ${ident(staging)} WHERE rowid > 0`).join(' UNION ALL ');
  const distinct = await db.all<{ d: string; v: string }>(`SELECT DISTINCT d, v FROM (${union}) WHERE v IS NOT NULL`);
  const valuesByDomain = new Map<string, string[]>();
  for (const { d, v } of distinct) {
    const list = valuesByDomain.get(d);
    if (list) list.push(v);
    else valuesByDomain.set(d, [v]);
  }

  const tables = new Map<string, string>();
  for (const m of present) {
    const key = lookupKey(m.column) as string;
    if (tables.has(key)) continue;
    const type = m.column.type as Typed;
    const table = `${prefix}_lk_${key}`;
    const rows = (valuesByDomain.get(domainOf(type) as string) ?? []).map((v): (string | null)[] => {
      const p = presence(v);
      if (p === 'missing') return [v, null, m.column.required ? 'required.missing' : null, null];
      if (p === 'not_known') return [v, null, m.column.required ? 'required.not_known' : null, null];
      const n = normaliseCell(type, v);
      if (!n.ok) return [v, null, n.rule, n.detail ?? null];
      if (type.kind === 'date' && !type.planned && n.value > periodEnd) return [v, null, 'date.future', null];
      return [v, n.value, null, null];
    });
    await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(`${table}_text`)} (raw VARCHAR, value VARCHAR, rule VARCHAR, detail VARCHAR)`);
    await db.appendText(`${table}_text`, rows, { temp: true });
    const value = type.kind === 'codes' ? `string_split(value, ';')` : `CAST(value AS ${duckdbType(type)})`;
    await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT raw, ${value} AS value, rule, detail FROM ${ident(`${table}_text`)}`);
    await db.run(`DROP TABLE temp.${ident(`${table}_text`)}`);
    tables.set(key, table);
  }
  return tables;
}
