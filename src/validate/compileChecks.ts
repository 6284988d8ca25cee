// validate: compile a dataset's contract into SQL — a typed table (one valid value, rule and detail per field, per row)
// and the list of findings (cell rules, row rules, key uniqueness) — from the schema data alone.
import type { Dataset, RowRule } from '../../schemas/index.js';
import { duckdbType } from '../contract/duckdbType.js';
import { missingTokens, notKnownToken } from '../ingest/normalise/missing.js';
import type { MappedColumn } from '../ingest/recognise.js';
import { rules as catalogue, type RuleCode } from '../diagnostics/rules.js';
import { lookupKey } from './buildLookups.js';
import { ident, lit, rawCol } from './sql.js';

export interface CheckContext {
  dataset: Dataset;
  columns: MappedColumn[];
  /** Staging table (rowid, c0, c1, …) and number of raw columns. */
  staging: string;
  rawWidth: number;
  /** Lookup key → lookup table (from buildLookups). */
  lookups: Map<string, string>;
  /** Last day of the reporting month, `yyyy-mm-dd`: no event date may be later. */
  periodEnd: string;
  settings: { asfCap: number };
}

const tokens = missingTokens.map(lit).join(', ');
const f = (field: string) => ident(field);
const fr = (field: string) => ident(`${field}__rule`);
const fd = (field: string) => ident(`${field}__detail`);

function columnSql(m: MappedColumn, ctx: CheckContext, j: number): { select: string[]; join?: string } {
  const { column: col } = m;
  if (m.index === null) return { select: [`CAST(NULL AS ${duckdbType(col.type)}) AS ${f(col.field)}`, `CAST(NULL AS VARCHAR) AS ${fr(col.field)}`, `CAST(NULL AS VARCHAR) AS ${fd(col.field)}`] };
  const raw = `s.${rawCol(m.index)}`;
  const required = col.required ? lit('required.missing') : 'NULL';
  const key = lookupKey(col);
  if (key === null) {
    // Text: kept as written (trimmed); missing tokens and length checked here, per row.
    const norm = `lower(trim(${raw}))`;
    const max = col.type.kind === 'text' && col.type.maxLength ? col.type.maxLength : null;
    const rule = `CASE WHEN ${raw} IS NULL OR ${norm} IN (${tokens}) THEN ${required} WHEN ${norm} = ${lit(notKnownToken)} THEN ${col.required ? lit('required.not_known') : 'NULL'} ${max ? `WHEN length(trim(${raw})) > ${max} THEN 'text.too_long'` : ''} END`;
    const value = `CASE WHEN ${raw} IS NULL OR ${norm} IN (${tokens}, ${lit(notKnownToken)})${max ? ` OR length(trim(${raw})) > ${max}` : ''} THEN NULL ELSE trim(${raw}) END`;
    return { select: [`${value} AS ${f(col.field)}`, `${rule} AS ${fr(col.field)}`, `CAST(NULL AS VARCHAR) AS ${fd(col.field)}`] };
  }
  const lk = ctx.lookups.get(key);
  if (!lk) throw new Error(`no lookup for ${key}`);
  const a = `j${j}`;
  return {
    select: [`${a}.value AS ${f(col.field)}`, `CASE WHEN ${raw} IS NULL THEN ${required} ELSE ${a}.rule END AS ${fr(col.field)}`, `${a}.detail AS ${fd(col.field)}`],
    join: `LEFT JOIN ${ident(lk)} AS ${a} ON ${a}.raw = ${raw}`,
  };
}

/** `CREATE TABLE typed AS …`: per data row, `rec` (staging rowid), `is_blank`, and each field's value/rule/detail. */
export function typedTableSql(ctx: CheckContext, typed: string): string {
  const parts = ctx.columns.map((m, j) => columnSql(m, ctx, j));
  const blank = Array.from({ length: ctx.rawWidth }, (_, i) => `coalesce(trim(s.${rawCol(i)}), '') = ''`).join(' AND ');
  return [
    `CREATE OR REPLACE TEMP TABLE ${ident(typed)} AS SELECT s.rowid AS rec, (${blank}) AS is_blank,`,
    parts.flatMap((p) => p.select).join(',\n  '),
    `FROM ${ident(ctx.staging)} AS s`,
    ...parts.flatMap((p) => (p.join ? [p.join] : [])),
    'WHERE s.rowid > 0',
  ].join('\n');
}

/** One finding query: rows of (rec, field, rule, severity, detail, other_field, first_rec). */
interface Finding {
  field: string | null;
  rule: string;
  severity: string;
  where: string;
  detail?: string;
  other?: string;
  firstRec?: string;
}

const sev = (s: 'error' | 'warning') => lit(s === 'error' ? 'row_error' : 'warning');

function ruleFindings(rule: RowRule, ctx: CheckContext): Finding[] {
  switch (rule.kind) {
    case 'order':
      return rule.fields.slice(1).map((later, i) => {
        const earlier = rule.fields.slice(0, i + 1).reverse();
        return {
          field: later,
          rule: lit('chronology.order'),
          severity: sev(rule.severity),
          where: `${f(later)} < coalesce(${earlier.map(f).join(', ')})`,
          other: `CASE ${earlier.map((e) => `WHEN ${f(e)} IS NOT NULL THEN ${lit(e)}`).join(' ')} END`,
        };
      });
    case 'together': {
      const [a, b] = rule.fields;
      return [{ field: a, rule: lit('rule.together'), severity: sev(rule.severity), where: `${fr(a)} IS NULL AND ${fr(b)} IS NULL AND ((${f(a)} IS NULL) <> (${f(b)} IS NULL))`, other: lit(b) }];
    }
    case 'needs':
      return [{ field: rule.field, rule: lit('rule.needs'), severity: sev(rule.severity), where: `${f(rule.field)} IS NOT NULL AND ${f(rule.requires)} IS NULL AND ${fr(rule.requires)} IS NULL`, other: lit(rule.requires) }];
    case 'requiredWhen':
      return [{ field: rule.field, rule: lit('rule.required_when'), severity: sev(rule.severity), where: `${f(rule.when)} IS NOT NULL AND ${f(rule.field)} IS NULL AND ${fr(rule.field)} IS NULL`, other: lit(rule.when) }];
    case 'atLeastWhen':
      return [{ field: rule.field, rule: lit('rule.at_least'), severity: sev(rule.severity), where: `${f(rule.when)} IS NOT NULL AND ${f(rule.field)} < ${rule.min}`, other: lit(rule.when), detail: lit(String(rule.min)) }];
    case 'atMostSetting': {
      const cap = ctx.settings[rule.setting];
      return [{ field: rule.field, rule: lit('rule.over_cap'), severity: sev(rule.severity), where: `${f(rule.field)} > ${cap}`, detail: lit(String(cap)) }];
    }
    case 'ageAgrees': {
      const e = `DATE ${lit(ctx.periodEnd)}`;
      const age = `(year(${e}) - year(${f(rule.dob)}) - CASE WHEN month(${e}) * 100 + day(${e}) < month(${f(rule.dob)}) * 100 + day(${f(rule.dob)}) THEN 1 ELSE 0 END)`;
      return [{ field: rule.age, rule: lit('age.mismatch'), severity: sev(rule.severity), where: `${f(rule.age)} IS NOT NULL AND ${f(rule.dob)} IS NOT NULL AND ${f(rule.age)} <> ${age}`, other: lit(rule.dob), detail: `CAST(${age} AS VARCHAR)` }];
    }
  }
}

/** `CREATE TABLE findings AS …`: every diagnostic of every non-blank row; rows with a wrong field count get only that one. */
export function findingsTableSql(ctx: CheckContext, typed: string, fieldCounts: string, findings: string): string {
  const present = new Set(ctx.columns.filter((m) => m.index !== null).map((m) => m.column.field));
  const warningCodes = (Object.keys(catalogue) as RuleCode[]).filter((c) => catalogue[c].severity === 'warning');
  const cellSeverity = (rule: string) => (warningCodes.length ? `CASE WHEN ${rule} IN (${warningCodes.map(lit).join(', ')}) THEN 'warning' ELSE 'row_error' END` : `'row_error'`);
  const list: Finding[] = [];
  for (const field of present) list.push({ field, rule: fr(field), severity: cellSeverity(fr(field)), where: `${fr(field)} IS NOT NULL`, detail: fd(field) });
  for (const rule of ctx.dataset.rules) list.push(...ruleFindings(rule, ctx));
  const key = ctx.dataset.key;
  const keyField = key[0] as string;
  const selects = list.map(
    (x) =>
      `SELECT rec, ${x.field === null ? 'NULL' : lit(x.field)} AS field, ${x.rule} AS rule, ${x.severity} AS severity, ${x.detail ?? 'NULL'} AS detail, ${x.other ?? 'NULL'} AS other_field, CAST(NULL AS BIGINT) AS first_rec FROM ${ident(typed)} WHERE NOT is_blank AND (${x.where})`,
  );
  selects.push(
    `SELECT rec, ${lit(keyField)}, 'key.duplicate', 'row_error', ${lit(key.join(' + '))}, NULL, first_rec FROM (` +
      `SELECT rec, row_number() OVER w AS n, min(rec) OVER w AS first_rec FROM ${ident(typed)} WHERE NOT is_blank AND ${key.map((k) => `${f(k)} IS NOT NULL`).join(' AND ')} ` +
      `WINDOW w AS (PARTITION BY ${key.map(f).join(', ')} ORDER BY rec)) WHERE n > 1`,
  );
  return [
    `CREATE OR REPLACE TEMP TABLE ${ident(findings)} AS`,
    `SELECT * FROM (${selects.join('\nUNION ALL ')}) WHERE rec NOT IN (SELECT rec FROM ${ident(fieldCounts)})`,
    `UNION ALL SELECT c.rec, NULL, 'row.field_count', 'row_error', CAST(c.fields AS VARCHAR), NULL, NULL FROM ${ident(fieldCounts)} AS c JOIN ${ident(typed)} AS t ON t.rec = c.rec WHERE NOT t.is_blank`,
  ].join('\n');
}
