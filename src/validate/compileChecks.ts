// validate: compile a dataset's contract into SQL — a typed view (one valid value, rule and detail per field, per row)
// and the list of findings (cell rules, row rules, key uniqueness) — from the schema data alone.
import type { Dataset, RowRule } from '../../schemas/index.js';
import { duckdbType } from '../contract/duckdbType.js';
import { missingTokens, notKnownToken } from '../ingest/normalise/missing.js';
import type { MappedColumn } from '../ingest/recognise.js';
import { rowRuleCodes, rules as catalogue, type RuleCode } from '../diagnostics/rules.js';
import { lookupJoin, lookupKey, lookupValueColumn, type Lookups } from './buildLookups.js';
import { ident, lit, rawCol } from './sql.js';

export interface CheckContext {
  dataset: Dataset;
  /** The dataset's columns, `index` being the source column (`c<index>`) that holds each, or null when no file has it. */
  columns: MappedColumn[];
  /**
   * The rows to check: a relation (rec, pe, c0, c1, …) of data rows only, `rec` = file × FILE_SPAN + staging rowid and
   * `pe` the last day of the row's reporting month (a DATE): no event date may be later.
   */
  source: string;
  /** The lookup table (from buildLookups), or null when the file has no typed column. */
  lookups: Lookups | null;
  settings: { asfCap: number };
}

/** Where each file's rows start in a group's `rec` numbering: far beyond any file's row count. */
export const FILE_SPAN = 2 ** 40;
/** SQL for the file (its position in the group) a `rec` belongs to. */
export const fileOfRec = (rec: string) => `(${rec} // ${FILE_SPAN})`;

const tokens = missingTokens.map(lit).join(', ');
const f = (field: string) => ident(field);

/** The names of a field's cell rule and its detail in the typed relation, beside its typed value. */
export const ruleCol = (field: string): string => ident(`rule:${field}`);
export const detailCol = (field: string): string => ident(`detail:${field}`);

/**
 * A field's typed value (from its lookup for typed domains, else trimmed text; NULL when missing or invalid) and the
 * cell rule it breaks or warns of, with its detail (NULL when none).
 */
function fieldSql(m: MappedColumn, ctx: CheckContext, j: number): { select: string[]; join?: string; flag?: string } {
  const { column: col } = m;
  if (m.index === null) return { select: [`CAST(NULL AS ${duckdbType(col.type)}) AS ${f(col.field)}`, `CAST(NULL AS VARCHAR) AS ${ruleCol(col.field)}`, `CAST(NULL AS VARCHAR) AS ${detailCol(col.field)}`] };
  const raw = `s.${rawCol(m.index)}`;
  const key = lookupKey(col);
  if (key === null) {
    const norm = `lower(trim(${raw}))`;
    const tooLong = col.type.kind === 'text' && col.type.maxLength ? `length(trim(${raw})) > ${col.type.maxLength}` : null;
    const rule = `CASE WHEN ${raw} IS NULL OR ${norm} IN (${tokens}) THEN ${col.required ? lit('required.missing') : 'NULL'} WHEN ${norm} = ${lit(notKnownToken)} THEN ${col.required ? lit('required.not_known') : 'NULL'}${
      tooLong ? ` WHEN ${tooLong} THEN 'text.too_long'` : ''
    } END`;
    const flags = [...(col.required ? [`${raw} IS NULL OR ${norm} IN (${tokens}, ${lit(notKnownToken)})`] : []), ...(tooLong ? [tooLong] : [])];
    return {
      select: [
        `CASE WHEN ${raw} IS NULL OR ${norm} IN (${tokens}, ${lit(notKnownToken)})${tooLong ? ` OR ${tooLong}` : ''} THEN NULL ELSE trim(${raw}) END AS ${f(col.field)}`,
        `${rule} AS ${ruleCol(col.field)}`,
        `CAST(NULL AS VARCHAR) AS ${detailCol(col.field)}`,
      ],
      flag: flags.length ? flags.join(' OR ') : undefined,
    };
  }
  if (!ctx.lookups) throw new Error(`no lookup for ${key}`);
  const lk = ctx.lookups;
  const j_ = `j${j}`;
  // A NULL cell (the file's row is short of it) is not in the lookup: it is missing.
  return {
    select: [
      `${j_}.${lookupValueColumn(col.type)} AS ${f(col.field)}`,
      `CASE WHEN ${raw} IS NULL THEN ${col.required ? lit('required.missing') : 'NULL'} ELSE ${j_}.rule END AS ${ruleCol(col.field)}`,
      `${j_}.detail AS ${detailCol(col.field)}`,
    ],
    join: `LEFT JOIN (SELECT pe, raw, rule, detail, ${lookupValueColumn(col.type)} FROM ${ident(lk.table)} WHERE key = ${lit(key)}) AS ${j_} ON ${lookupJoin(lk, col, j_, 's', rawCol(m.index))}`,
    // Only a key with a failing value can have a rule: a clean optional column needs no test at all.
    flag: [...(col.required ? [`${raw} IS NULL`] : []), ...(lk.failing.has(key) ? [`${j_}.rule IS NOT NULL`] : [])].join(' OR ') || undefined,
  };
}

/** The rows that are not blank (`blank`: the table of blank rows, null when there are none). */
const notBlank = (blank: string | null) => (blank === null ? 'true' : `s.rec NOT IN (SELECT rec FROM ${ident(blank)})`);

/** A file's staging table (rowid 0 = header, then c0 … c<width − 1>) and the number its row ids are offset by in `rec`. */
export interface StagedPart {
  staging: string;
  width: number;
  offset: number;
}

/**
 * `CREATE TABLE blank AS …`: the data rows (as `rec`) whose every cell is empty or white space, across the files given
 * (those whose record scan found rows that might be blank).
 */
export function blankTableSql(parts: readonly StagedPart[], blank: string): string {
  const selects = parts.map((p) => {
    const empty = Array.from({ length: Math.max(1, p.width) }, (_, i) => `coalesce(trim(${rawCol(i)}), '') = ''`).join(' AND ');
    return `SELECT rowid + ${p.offset} AS rec FROM ${ident(p.staging)} WHERE rowid > 0 AND ${empty}`;
  });
  return `CREATE OR REPLACE TEMP TABLE ${ident(blank)} AS ${selects.join(' UNION ALL ')}`;
}

/**
 * `CREATE VIEW typed AS …` (or `TABLE`): per non-blank data row, `rec`, `pe` (its month end) and, for each field of `fields` (default:
 * every field), its typed value (NULL when missing or invalid), `"rule:<field>"` and `"detail:<field>"`, then `"cell:flag"`,
 * true when some cell has a rule (the same test as the rule columns', made cheap to filter on). A view, not a
 * table: the checks read it once for the few rows that break a rule, and the load reads it once more to insert the rows
 * that load, so typed rows are never written twice. Only the lookups of the fields asked for are joined. As a TABLE
 * (small groups), later statements plan against one table instead of a join per typed field.
 */
export function typedViewSql(ctx: CheckContext, typed: string, blank: string | null, fields?: readonly string[], kind: 'VIEW' | 'TABLE' = 'VIEW'): string {
  const parts = ctx.columns.flatMap((m, j) => (fields && !fields.includes(m.column.field) ? [] : [fieldSql(m, ctx, j)]));
  return [
    `CREATE OR REPLACE TEMP ${kind} ${ident(typed)} AS SELECT s.rec AS rec, s.pe AS pe,`,
    [...parts.flatMap((p) => p.select), `${parts.some((p) => p.flag) ? parts.flatMap((p) => (p.flag ? [`(${p.flag})`] : [])).join(' OR ') : 'false'} AS ${ident('cell:flag')}`].join(',\n  '),
    `FROM ${ident(ctx.source)} AS s`,
    ...parts.flatMap((p) => (p.join ? [p.join] : [])),
    `WHERE ${notBlank(blank)}`,
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
  /** Fields whose own cell errors make this finding moot (it is not reported then). */
  guard?: string[];
}

const sev = (s: 'error' | 'warning') => lit(s === 'error' ? 'row_error' : 'warning');

function ruleFindings(rule: RowRule, ctx: CheckContext): Finding[] {
  switch (rule.kind) {
    case 'order':
      return rule.fields.slice(1).map((later, i) => {
        const earlier = rule.fields.slice(0, i + 1).reverse();
        return {
          field: later,
          rule: lit(rowRuleCodes.order),
          severity: sev(rule.severity),
          where: `${f(later)} < coalesce(${earlier.map(f).join(', ')})`,
          other: `CASE ${earlier.map((e) => `WHEN ${f(e)} IS NOT NULL THEN ${lit(e)}`).join(' ')} END`,
        };
      });
    case 'together': {
      const [a, b] = rule.fields;
      return [{ field: a, rule: lit(rowRuleCodes.together), severity: sev(rule.severity), where: `(${f(a)} IS NULL) <> (${f(b)} IS NULL)`, guard: [a, b], other: lit(b) }];
    }
    case 'needs':
      return [{ field: rule.field, rule: lit(rowRuleCodes.needs), severity: sev(rule.severity), where: `${f(rule.field)} IS NOT NULL AND ${f(rule.requires)} IS NULL`, guard: [rule.requires], other: lit(rule.requires) }];
    case 'requiredWhen':
      return [{ field: rule.field, rule: lit(rowRuleCodes.requiredWhen), severity: sev(rule.severity), where: `${f(rule.when)} IS NOT NULL AND ${f(rule.field)} IS NULL`, guard: [rule.field], other: lit(rule.when) }];
    case 'atLeastWhen':
      return [{ field: rule.field, rule: lit(rowRuleCodes.atLeastWhen), severity: sev(rule.severity), where: `${f(rule.when)} IS NOT NULL AND ${f(rule.field)} < ${rule.min}`, other: lit(rule.when), detail: lit(String(rule.min)) }];
    case 'atMostSetting': {
      const cap = ctx.settings[rule.setting];
      return [{ field: rule.field, rule: lit(rowRuleCodes.atMostSetting), severity: sev(rule.severity), where: `${f(rule.field)} > ${cap}`, detail: lit(String(cap)) }];
    }
    case 'ageAgrees': {
      const e = 'pe';
      const age = `(year(${e}) - year(${f(rule.dob)}) - CASE WHEN month(${e}) * 100 + day(${e}) < month(${f(rule.dob)}) * 100 + day(${f(rule.dob)}) THEN 1 ELSE 0 END)`;
      return [{ field: rule.age, rule: lit(rowRuleCodes.ageAgrees), severity: sev(rule.severity), where: `${f(rule.age)} IS NOT NULL AND ${f(rule.dob)} IS NOT NULL AND ${f(rule.age)} <> ${age}`, other: lit(rule.dob), detail: `CAST(${age} AS VARCHAR)` }];
    }
  }
}

/** The tables the findings are built from and into (see findingsTableSql). */
export interface FindingTables {
  /** The typed view (typedViewSql, every field). */
  typed: string;
  /** The typed view of the key fields only (typedViewSql with the key), for the duplicate check. */
  keyed: string;
  blank: string | null;
  fieldCounts: string | null;
  /** Written: the rows with a cell or row rule to report, with every field, rule and row-rule flag. */
  flagged: string;
  /** Written: the rows repeating an earlier row's key, with that row (`first_rec`). */
  dups: string;
  /** Written: every finding. */
  findings: string;
}

/**
 * The statements that write `findings`: every diagnostic of every non-blank row — cell rules, row rules, key
 * uniqueness — as (rec, field, rule, severity, detail, other_field, first_rec). One pass over the typed view flags the
 * rows with anything to report (a few percent) with a flag per row rule; only those rows are expanded into findings.
 * A row with a wrong field count (listed in `fieldCounts`, null when there is none) gets only that finding.
 */
export function findingsTableSql(ctx: CheckContext, t: FindingTables): [flagged: string, dups: string, findings: string] {
  const warningCodes = (Object.keys(catalogue) as RuleCode[]).filter((c) => catalogue[c].severity === 'warning');
  const cellSeverity = warningCodes.length ? `CASE WHEN rule IN (${warningCodes.map(lit).join(', ')}) THEN 'warning' ELSE 'row_error' END` : `'row_error'`;
  const present = ctx.columns.filter((m): m is MappedColumn & { index: number } => m.index !== null);
  const rows: Finding[] = ctx.dataset.rules.flatMap((rule) => ruleFindings(rule, ctx));
  const presentFields = new Set(present.map((m) => m.column.field));
  // A row rule's flag: it fires, and none of its guard fields has a cell finding of its own.
  const flags = rows.map((x, k) => {
    const guard = (x.guard ?? []).filter((g) => presentFields.has(g)).map((g) => ` AND ${ruleCol(g)} IS NULL`).join('');
    return `coalesce((${x.where})${guard}, false) AS ${ident(`row:${k}`)}`;
  });
  const anything = [ident('cell:flag'), ...rows.map((_, k) => ident(`row:${k}`))];
  const flagged = [
    `CREATE OR REPLACE TEMP TABLE ${ident(t.flagged)} AS SELECT * FROM (SELECT *${flags.map((x) => `, ${x}`).join('')} FROM ${ident(t.typed)})`,
    `WHERE ${anything.length ? anything.join(' OR ') : 'false'}`,
  ].join('\n');
  const key = ctx.dataset.key;
  const dups =
    `CREATE OR REPLACE TEMP TABLE ${ident(t.dups)} AS SELECT rec, first_rec FROM (` +
    `SELECT rec, row_number() OVER w AS n, min(rec) OVER w AS first_rec FROM ${ident(t.keyed)} WHERE ${key.map((k) => `${f(k)} IS NOT NULL`).join(' AND ')} ` +
    `WINDOW w AS (PARTITION BY ${fileOfRec('rec')}, ${key.map(f).join(', ')} ORDER BY rec)) WHERE n > 1`;
  const cells = present.map((m) => `SELECT rec, ${lit(m.column.field)} AS field, ${ruleCol(m.column.field)} AS rule, ${detailCol(m.column.field)} AS detail FROM ${ident(t.flagged)} WHERE ${ruleCol(m.column.field)} IS NOT NULL`);
  const rowSelects = rows.map(
    (x, k) =>
      `SELECT rec, ${x.field === null ? 'NULL' : lit(x.field)} AS field, ${x.rule} AS rule, ${x.severity} AS severity, ${x.detail ?? 'NULL'} AS detail, ${x.other ?? 'NULL'} AS other_field, CAST(NULL AS BIGINT) AS first_rec FROM ${ident(t.flagged)} WHERE ${ident(`row:${k}`)}`,
  );
  rowSelects.push(`SELECT rec, ${lit(key[0] as string)}, 'key.duplicate', 'row_error', ${lit(key.join(' + '))}, NULL, first_rec FROM ${ident(t.dups)}`);
  // Rows with a wrong field count (none in most files: then no table) get that finding only.
  const notMisaligned = t.fieldCounts ? `rec NOT IN (SELECT rec FROM ${ident(t.fieldCounts)})` : 'true';
  const findings = [
    `CREATE OR REPLACE TEMP TABLE ${ident(t.findings)} AS`,
    `SELECT CAST(rec AS BIGINT) AS rec, field, rule, ${cellSeverity} AS severity, detail, CAST(NULL AS VARCHAR) AS other_field, CAST(NULL AS BIGINT) AS first_rec FROM (${
      cells.length ? cells.join('\nUNION ALL ') : 'SELECT NULL AS rec, NULL AS field, NULL AS rule, NULL AS detail WHERE false'
    }) WHERE ${notMisaligned}`,
    `UNION ALL SELECT * FROM (${rowSelects.join('\nUNION ALL ')}) WHERE ${notMisaligned}`,
    ...(t.fieldCounts
      ? [`UNION ALL SELECT s.rec, NULL, 'row.field_count', 'row_error', CAST(s.fields AS VARCHAR), NULL, NULL FROM ${ident(t.fieldCounts)} AS s WHERE ${notBlank(t.blank)}`]
      : []),
  ].join('\n');
  return [flagged, dups, findings];
}
