// normalise: each distinct raw value of each typed column domain (dates, a code list, yes/no, money…) is normalised
// once in TypeScript into a small lookup table holding the typed value and the rule it breaks, which the checks join to.
// Distinct values are few even in a very large file, so the hot path does no per-cell work in JavaScript.
import type { Column, ColumnType } from '../../schemas/index.js';
import { codeLists } from '../../schemas/index.js';
import type { RuleCode } from '../diagnostics/rules.js';
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

/** An event date (not a planned one): it may not fall after the end of its file's reporting month. */
export const isEventDate = (col: Column): boolean => col.type.kind === 'date' && !col.type.planned;

/** A lookup serves columns with the same domain, required-ness and (for dates) event/planned kind. */
export function lookupKey(col: Column): string | null {
  const domain = domainOf(col.type);
  if (domain === null) return null;
  return `${domain}_${col.required ? 'req' : 'opt'}${isEventDate(col) ? '_event' : ''}`;
}

/** The typed value columns of the lookup table, one per DuckDB type a contract column can have. */
const valueColumns: Record<string, string> = { DATE: 'v_date', INTEGER: 'v_int', DOUBLE: 'v_double', 'DECIMAL(12,2)': 'v_money', VARCHAR: 'v_text', 'VARCHAR[]': 'v_list' };

/** The lookup column holding a value of this column type. */
export function lookupValueColumn(type: ColumnType): string {
  const c = valueColumns[duckdbType(type)];
  if (!c) throw new Error(`no lookup column for ${duckdbType(type)}`);
  return c;
}

/** What one distinct raw value of a typed column becomes: its typed value (text), and the rule it breaks or warns of. */
export interface LookupValue {
  /** Set when the value is stored: always without a rule, or beside a warning rule (`code.not_known`, `code.inferred`…). */
  value: string | null;
  rule: RuleCode | null;
  detail: string | null;
}

/**
 * Normalise one raw value of a typed column as the checks do (before the event-date bound, which needs the month):
 * missing and `Not known` by the column's required-ness, except that a characteristic (a code list with a not-known
 * code: gender, ethnicity, disability, FFA) reads "not known" as its not-known code, with a warning.
 */
export function lookupValue(column: Column, raw: string): LookupValue {
  const type = column.type as Typed;
  const list = type.kind === 'code' ? type.codes : type.kind === 'yesno' ? codeLists.yesNo : null;
  const p = presence(raw);
  if (p === 'missing') return { value: null, rule: column.required ? 'required.missing' : null, detail: null };
  if (p === 'not_known' && !list?.notKnown) return { value: null, rule: column.required ? 'required.not_known' : null, detail: null };
  const n = normaliseCell(type, raw);
  if (!n.ok) return { value: null, rule: n.rule, detail: n.detail ?? null };
  return { value: n.value, rule: n.warning?.rule ?? null, detail: n.warning?.detail ?? null };
}

/** The lookup table of a group, and what the checks need to know of it. */
export interface Lookups {
  table: string;
  /** Lookup keys with at least one value that breaks a rule: columns of other keys need no cell scan. */
  failing: Set<string>;
  /** The group spans more than one month end: an event-date lookup is joined on the row's `pe` as well as its value. */
  byPeriod: boolean;
}

/** The join condition of lookup alias `j` to the source rows aliased `s` for column `col`, held in `s`'s column `raw`. */
export function lookupJoin(lookups: Lookups, col: Column, j: string, s: string, raw: string): string {
  return `${j}.raw = ${s}.${raw}${lookups.byPeriod && isEventDate(col) ? ` AND ${j}.pe = ${s}.pe` : ''}`;
}

/**
 * Build the lookup table `<prefix>_lk`: (key, pe, raw, rule, detail, v_date, v_int, …) with one row per lookup key
 * and distinct raw value — for an event-date key, one per reporting month end `pe` of the group as well — where `rule`
 * is already final for the column kind (a missing value in a required column is `required.missing`; an event date
 * after `pe` is `date.future`) and the typed value is set when `rule` is null or a warning (see lookupValue). One table for every key keeps the
 * statement count small. Returns its name and the keys with failing values, or null when no file has a typed column.
 */
export async function buildLookups(db: Database, source: string, prefix: string, columns: MappedColumn[], periodEnds: readonly string[]): Promise<Lookups | null> {
  const present = columns.filter((m): m is MappedColumn & { index: number } => m.index !== null && domainOf(m.column.type) !== null);
  if (present.length === 0) return null;
  // One pass over the rows (data rows only) for every domain's distinct values.
  const union = present.map((m) => `SELECT ${lit(domainOf(m.column.type) as string)} AS d, ${rawCol(m.index)} AS v FROM ${ident(source)}`).join(' UNION ALL ');
  const distinct = await db.all<{ d: string; v: string }>(`SELECT DISTINCT d, v FROM (${union}) WHERE v IS NOT NULL`);
  const valuesByDomain = new Map<string, string[]>();
  for (const { d, v } of distinct) {
    const list = valuesByDomain.get(d);
    if (list) list.push(v);
    else valuesByDomain.set(d, [v]);
  }

  const rows: (string | null)[][] = [];
  const failing = new Set<string>();
  const done = new Set<string>();
  for (const m of present) {
    const key = lookupKey(m.column) as string;
    if (done.has(key)) continue;
    done.add(key);
    const type = m.column.type as Typed;
    const sqlType = duckdbType(type);
    const ends = isEventDate(m.column) ? periodEnds : [null];
    for (const v of valuesByDomain.get(domainOf(type) as string) ?? []) {
      const read = lookupValue(m.column, v);
      for (const pe of ends) {
        const future = read.value !== null && read.rule === null && pe !== null && read.value > pe;
        const [typed, rule, detail] = future ? [null, 'date.future', null] : [read.value, read.rule, read.detail];
        rows.push([key, pe, sqlType, v, typed, rule, detail]);
        if (rule !== null) failing.add(key);
      }
    }
  }
  const table = `${prefix}_lk`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(`${table}_text`)} (key VARCHAR, pe VARCHAR, type VARCHAR, raw VARCHAR, value VARCHAR, rule VARCHAR, detail VARCHAR)`);
  await db.appendText(`${table}_text`, rows, { temp: true });
  const typed = Object.entries(valueColumns).map(([t, c]) => `CASE WHEN type = ${lit(t)} THEN ${t === 'VARCHAR[]' ? `string_split(value, ';')` : `CAST(value AS ${t})`} END AS ${c}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT key, CAST(pe AS DATE) AS pe, raw, rule, detail, ${typed.join(', ')} FROM ${ident(`${table}_text`)}`);
  await db.run(`DROP TABLE temp.${ident(`${table}_text`)}`);
  return { table, failing, byPeriod: periodEnds.length > 1 };
}
