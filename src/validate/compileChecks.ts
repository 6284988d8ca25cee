// validate: compile a dataset's contract into SQL — a typed table (one valid value, rule and detail per field, per row)
// and the list of findings (cell rules, row rules, key uniqueness) — from the schema data alone.
import type { Column, Dataset, RowRule } from '../../schemas/index.js';
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

/**
 * SQL: an identifier cell holding a control character (C0, DEL, C1) or a bidi override, or null for a column that is
 * not an identifier (a key field, or a text field named `*_id`). Such an id is a row error (`text.control`): it
 * could not be matched, shown or exported reliably. Free text keeps them (and is shown with them escaped).
 */
function controlSql(col: Column, ctx: CheckContext, raw: string): string | null {
  const isId = col.type.kind === 'text' && (ctx.dataset.key.includes(col.field) || col.field.endsWith('_id'));
  return isId ? `regexp_matches(${raw}, '[\\x00-\\x1f\\x7f-\\x9f\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}]')` : null;
}

/** The typed value of a field: from its lookup (typed domains) or trimmed text; NULL when missing or invalid. */
function valueSql(m: MappedColumn, ctx: CheckContext, j: number): { select: string; join?: string } {
  const { column: col } = m;
  if (m.index === null) return { select: `CAST(NULL AS ${duckdbType(col.type)}) AS ${f(col.field)}` };
  const raw = `s.${rawCol(m.index)}`;
  const key = lookupKey(col);
  if (key === null) {
    const max = col.type.kind === 'text' && col.type.maxLength ? ` OR length(trim(${raw})) > ${col.type.maxLength}` : '';
    const control = controlSql(col, ctx, raw);
    return { select: `CASE WHEN ${raw} IS NULL OR lower(trim(${raw})) IN (${tokens}, ${lit(notKnownToken)})${max}${control ? ` OR ${control}` : ''} THEN NULL ELSE trim(${raw}) END AS ${f(col.field)}` };
  }
  if (!ctx.lookups) throw new Error(`no lookup for ${key}`);
  const lk = ctx.lookups;
  return { select: `j${j}.${lookupValueColumn(col.type)} AS ${f(col.field)}`, join: `LEFT JOIN (SELECT pe, raw, ${lookupValueColumn(col.type)} FROM ${ident(lk.table)} WHERE key = ${lit(key)}) AS j${j} ON ${lookupJoin(lk, col, `j${j}`, 's', rawCol(m.index))}` };
}

/** The rows that are not blank (`blank`: the table of blank rows, null when there are none). */
const notBlank = (blank: string | null) => (blank === null ? 'true' : `s.rec NOT IN (SELECT rec FROM ${ident(blank)})`);

/** Cell findings of one field: (rec, field, rule, detail) for every non-blank data row whose cell breaks a rule. */
function cellFindingsSql(m: MappedColumn & { index: number }, ctx: CheckContext, blank: string | null): string | null {
  const { column: col } = m;
  const raw = `s.${rawCol(m.index)}`;
  const rows = notBlank(blank);
  const field = lit(col.field);
  const key = lookupKey(col);
  if (key === null) {
    const norm = `lower(trim(${raw}))`;
    const control = controlSql(col, ctx, raw);
    const rule = `CASE WHEN ${raw} IS NULL OR ${norm} IN (${tokens}) THEN ${col.required ? lit('required.missing') : 'NULL'} WHEN ${norm} = ${lit(notKnownToken)} THEN ${col.required ? lit('required.not_known') : 'NULL'}${
      control ? ` WHEN ${control} THEN 'text.control'` : ''
    }${col.type.kind === 'text' && col.type.maxLength ? ` WHEN length(trim(${raw})) > ${col.type.maxLength} THEN 'text.too_long'` : ''} END`;
    return `SELECT rec, ${field} AS field, rule, NULL AS detail FROM (SELECT s.rec AS rec, ${rule} AS rule FROM ${ident(ctx.source)} AS s WHERE ${rows}) WHERE rule IS NOT NULL`;
  }
  if (!ctx.lookups) throw new Error(`no lookup for ${key}`);
  const missing = `SELECT s.rec AS rec, ${field} AS field, 'required.missing' AS rule, NULL AS detail FROM ${ident(ctx.source)} AS s WHERE ${raw} IS NULL AND ${rows}`;
  // Only values that break a rule need the join; a clean column of an optional field needs no scan at all.
  const failing = ctx.lookups.failing.has(key)
    ? `SELECT s.rec AS rec, ${field} AS field, j.rule, j.detail FROM ${ident(ctx.source)} AS s JOIN (SELECT pe, raw, rule, detail FROM ${ident(ctx.lookups.table)} WHERE key = ${lit(key)} AND rule IS NOT NULL) AS j ON ${lookupJoin(ctx.lookups, col, 'j', 's', rawCol(m.index))} WHERE ${rows}`
    : null;
  const parts = [failing, col.required ? missing : null].filter((x): x is string => x !== null);
  return parts.length ? parts.join(' UNION ALL ') : null;
}

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
 * `CREATE TABLE typed AS …`: per non-blank data row, `rec`, `pe` (its month end) and each field's typed value (NULL
 * when missing or invalid).
 */
export function typedTableSql(ctx: CheckContext, typed: string, blank: string | null): string {
  const parts = ctx.columns.map((m, j) => valueSql(m, ctx, j));
  return [
    `CREATE OR REPLACE TEMP TABLE ${ident(typed)} AS SELECT s.rec AS rec, s.pe AS pe,`,
    parts.map((p) => p.select).join(',\n  '),
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

/**
 * `CREATE TABLE findings AS …`: every diagnostic of every non-blank row — cell rules, row rules, key uniqueness —
 * as (rec, field, rule, severity, detail, other_field, first_rec). A row with a wrong field count (listed in `fieldCounts`,
 * null when there is none) gets only that finding.
 */
export function findingsTableSql(ctx: CheckContext, t: { typed: string; blank: string | null; fieldCounts: string | null; cells: string; findings: string }): string[] {
  const warningCodes = (Object.keys(catalogue) as RuleCode[]).filter((c) => catalogue[c].severity === 'warning');
  const cellSeverity = warningCodes.length ? `CASE WHEN rule IN (${warningCodes.map(lit).join(', ')}) THEN 'warning' ELSE 'row_error' END` : `'row_error'`;
  const present = ctx.columns.filter((m): m is MappedColumn & { index: number } => m.index !== null);
  const cells = present.map((m) => cellFindingsSql(m, ctx, t.blank)).filter((x): x is string => x !== null);
  const rows: Finding[] = ctx.dataset.rules.flatMap((rule) => ruleFindings(rule, ctx));
  const rowSelects = rows.map((x) => {
    const guard = x.guard?.length ? ` AND rec NOT IN (SELECT rec FROM ${ident(t.cells)} WHERE field IN (${x.guard.map(lit).join(', ')}))` : '';
    return `SELECT rec, ${x.field === null ? 'NULL' : lit(x.field)} AS field, ${x.rule} AS rule, ${x.severity} AS severity, ${x.detail ?? 'NULL'} AS detail, ${x.other ?? 'NULL'} AS other_field, CAST(NULL AS BIGINT) AS first_rec FROM ${ident(t.typed)} WHERE (${x.where})${guard}`;
  });
  const key = ctx.dataset.key;
  // A repeated key: every row of a file after the first with that key (a grouped join: cheaper than a window here;
  // `_file` cannot clash with a contract field: defineDataset requires each to start with a letter).
  rowSelects.push(
    `SELECT t.rec, ${lit(key[0] as string)}, 'key.duplicate', 'row_error', ${lit(key.join(' + '))}, NULL, d.first_rec FROM ${ident(t.typed)} AS t JOIN (` +
      `SELECT ${fileOfRec('rec')} AS _file, ${key.map(f).join(', ')}, min(rec) AS first_rec FROM ${ident(t.typed)} WHERE ${key.map((k) => `${f(k)} IS NOT NULL`).join(' AND ')} ` +
      `GROUP BY ALL HAVING count(*) > 1) AS d ON d._file = ${fileOfRec('t.rec')} AND ${key.map((k) => `d.${f(k)} = t.${f(k)}`).join(' AND ')} WHERE t.rec > d.first_rec`,
  );
  // Rows with a wrong field count (none in most files: then no table) get that finding only.
  const notMisaligned = t.fieldCounts ? `rec NOT IN (SELECT rec FROM ${ident(t.fieldCounts)})` : 'true';
  return [
    `CREATE OR REPLACE TEMP TABLE ${ident(t.cells)} AS SELECT CAST(rec AS BIGINT) AS rec, field, rule, detail FROM (${cells.length ? cells.join('\nUNION ALL ') : 'SELECT NULL AS rec, NULL AS field, NULL AS rule, NULL AS detail WHERE false'})`,
    [
      `CREATE OR REPLACE TEMP TABLE ${ident(t.findings)} AS`,
      `SELECT rec, field, rule, ${cellSeverity} AS severity, detail, CAST(NULL AS VARCHAR) AS other_field, CAST(NULL AS BIGINT) AS first_rec FROM ${ident(t.cells)} WHERE ${notMisaligned}`,
      `UNION ALL SELECT * FROM (${rowSelects.join('\nUNION ALL ')}) WHERE ${notMisaligned}`,
      ...(t.fieldCounts
        ? [`UNION ALL SELECT s.rec, NULL, 'row.field_count', 'row_error', CAST(s.fields AS VARCHAR), NULL, NULL FROM ${ident(t.fieldCounts)} AS s WHERE ${notBlank(t.blank)}`]
        : []),
    ].join('\n'),
  ];
}
