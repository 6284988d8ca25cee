// Turn the findings table into Diagnostic values: locations from the record scan, raw values from staging, messages from the catalogue.
import { unsafeCharacters } from '../diagnostics/visible.js';
import type { Dataset } from '../../schemas/index.js';
import { columnLetter, type Diagnostic, type Severity } from '../diagnostics/Diagnostic.js';
import { message, type MessageParams, type RuleCode } from '../diagnostics/rules.js';
import type { MappedColumn } from '../ingest/recognise.js';
import type { Database } from '../warehouse/Database.js';
import { ident, lit, rawCol } from './sql.js';
import { codeParams } from './codeParams.js';
import { FILE_SPAN } from './compileChecks.js';
import type { PreparedFile } from './prepareFile.js';

interface FindingRow {
  rec: number;
  field: string | null;
  rule: string;
  severity: string;
  detail: string | null;
  other_field: string | null;
  first_rec: number | null;
  value: string | null;
  other_value: string | null;
  /** The raw value of the record's identifier (the dataset's first key field). */
  record: string | null;
}

export interface CollectContext {
  dataset: Dataset;
  /** The group's columns (`index` = source column), as the checks were compiled with. */
  columns: MappedColumn[];
  /** The group's files, in order: file k's rows are `rec` k × FILE_SPAN + its staging rowid. */
  files: readonly PreparedFile[];
}

const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface Collected {
  diagnostics: Diagnostic[];
  /** Records with at least one row error. */
  rejected: number;
  /** Records with a warning and no row error. */
  warned: number;
}

/** Every finding of the group as a Diagnostic of its file, in file order, then line, then column; and each file's row counts. */
export async function collectDiagnostics(db: Database, source: string, findings: string, ctx: CollectContext): Promise<Collected[]> {
  const rawOf = (alias: string) =>
    `CASE ${alias} ${ctx.columns
      .filter((m) => m.index !== null)
      .map((m) => `WHEN ${lit(m.column.field)} THEN s.${rawCol(m.index as number)}`)
      .join(' ')} END`;
  const order = `CASE d.field ${ctx.columns.map((m, i) => `WHEN ${lit(m.column.field)} THEN ${i}`).join(' ')} ELSE -1 END`;
  const id = ctx.columns.find((m) => m.column.field === ctx.dataset.key[0]);
  const record = id?.index != null ? `trim(s.${rawCol(id.index)})` : 'NULL';
  const rows = await db.all<FindingRow>(
    `SELECT d.rec, d.field, d.rule, d.severity, d.detail, d.other_field, d.first_rec, ${rawOf('d.field')} AS value, ${rawOf('d.other_field')} AS other_value, ${record} AS record
     FROM ${ident(findings)} AS d JOIN ${ident(source)} AS s ON s.rec = d.rec ORDER BY d.rec, ${order}, d.rule`,
  );
  // Rows arrive in rec order, so each file's are one run: hand each run to its file.
  const out: Collected[] = [];
  let from = 0;
  for (const [k, f] of ctx.files.entries()) {
    const end = (k + 1) * FILE_SPAN;
    let to = from;
    while (to < rows.length && (rows[to] as FindingRow).rec < end) to++;
    out.push(fileDiagnostics(rows.slice(from, to), f, k * FILE_SPAN, ctx));
    from = to;
  }
  return out;
}

function fileDiagnostics(found: FindingRow[], f: PreparedFile, offset: number, ctx: CollectContext): Collected {
  const rows = found.map((r) => ({ ...r, rec: r.rec - offset, first_rec: r.first_rec === null ? null : r.first_rec - offset }));
  const byField = new Map(f.columns.map((m) => [m.column.field, m]));
  const rejected = new Set(rows.filter((r) => r.severity === 'row_error').map((r) => r.rec));
  const warned = new Set(rows.filter((r) => r.severity === 'warning' && !rejected.has(r.rec)).map((r) => r.rec));
  const keyHeaders = ctx.dataset.key.map((k) => byField.get(k)?.header ?? byField.get(k)?.column.header ?? k).join(' and ');
  const idField = ctx.dataset.key[0] ?? '';
  const idHeader = byField.get(idField)?.header ?? byField.get(idField)?.column.header ?? idField;
  const diagnostics = rows.map((r): Diagnostic => {
    const m = r.field ? byField.get(r.field) : undefined;
    const other = r.other_field ? byField.get(r.other_field) : undefined;
    const rule = r.rule as RuleCode;
    const col = m?.column;
    const params: MessageParams = {
      header: m?.header ?? col?.header ?? null,
      value: r.value,
      otherHeader: other?.header ?? other?.column.header,
      otherValue: r.other_value ?? undefined,
      detail: r.detail ?? undefined,
    };
    switch (rule) {
      case 'code.unknown':
      case 'code.ambiguous':
      case 'code.not_known':
      case 'code.inferred':
      case 'code.letter_mismatch':
        if (col) Object.assign(params, codeParams(col, rule, r.value, r.detail));
        break;
      case 'text.control':
        params.detail = unsafeCharacters(r.value ?? '').join(', ');
        break;
      case 'text.too_long':
        params.count = r.value?.trim().length ?? 0;
        params.limit = col?.type.kind === 'text' ? col.type.maxLength : undefined;
        break;
      case 'date.future':
        params.limit = ukDate(f.periodEnd);
        break;
      case 'rule.at_least':
      case 'rule.over_cap':
        params.limit = r.detail ?? undefined;
        break;
      case 'key.duplicate':
        params.detail = keyHeaders;
        params.firstLine = r.first_rec === null ? undefined : f.map.lineOf(r.first_rec);
        break;
      case 'row.field_count':
        params.count = Number(r.detail);
        params.total = f.headerWidth;
        break;
      default:
        break;
    }
    return {
      file: f.result.file,
      dataset: ctx.dataset.name,
      line: f.map.lineOf(r.rec),
      excelRow: f.map.excelRowOf(r.rec),
      column: m?.index != null ? columnLetter(m.index) : null,
      header: m?.header ?? null,
      field: r.field,
      value: r.value,
      record: r.record === null || r.record === '' ? null : `${idHeader} ${r.record}`,
      rule,
      severity: r.severity as Severity,
      message: message(rule, params),
    };
  });
  return { diagnostics, rejected: rejected.size, warned: warned.size };
}
