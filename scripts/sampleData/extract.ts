// One extract file: canonical rows written in a partner's habits, then encoded; with the diagnostics it must produce.
import iconv from 'iconv-lite';
import { codeLists, type Dataset, type DatasetName } from '../../schemas/index.js';
import { columnLetter, type Severity } from '../../src/diagnostics/Diagnostic.js';
import type { RuleCode } from '../../src/diagnostics/rules.js';
import type { Partner } from './partners.js';
import type { Row } from './world/common.js';

/** A diagnostic the validator must report for a row, before its line is known. */
export interface RowExpectation {
  rule: RuleCode;
  severity: Severity;
  field: string;
}

/** A diagnostic as the expectation files list it. */
export interface Expected {
  rule: RuleCode;
  severity: Severity;
  line: number | null;
  column: string | null;
  field: string | null;
}

export interface ExtractRow {
  canonical: Row;
  cells: string[];
  expect: RowExpectation[];
}

export interface Extract {
  partner: Partner;
  dataset: Dataset;
  /** The field of each column, in file order; null for a column the specification does not have. */
  fields: (string | null)[];
  header: string[];
  rows: ExtractRow[];
}

/** One canonical value in the partner's habits ('' stays ''). */
function writeValue(p: Partner, ds: Dataset, field: string, value: string): string {
  if (value === '') return '';
  const column = ds.columns.find((c) => c.field === field);
  if (!column) throw new Error(`${ds.name} has no field ${field}`);
  const t = column.type;
  const name = ds.name as DatasetName;
  switch (t.kind) {
    case 'text':
      return value;
    case 'date':
      return p.cells.date(value, name, field);
    case 'integer':
      return p.cells.integer(value);
    case 'decimal':
      return p.cells.decimal(value);
    case 'money':
      return p.cells.money(value);
    case 'month':
      return p.cells.month(value);
    case 'yesno':
      return p.cells.code(codeLists.yesNo, value);
    case 'code':
      return p.cells.code(t.codes, value);
    case 'codes':
      return p.cells.codes(t.codes, value.split(';'));
  }
}

export function buildExtract(p: Partner, ds: Dataset, rows: Row[], extra?: (row: Row) => string, warnings?: (row: Row) => RowExpectation[]): Extract {
  const fields: (string | null)[] = p.fields(ds);
  const header = fields.map((f) => {
    const column = ds.columns.find((c) => c.field === f);
    if (!column) throw new Error(`${ds.name} has no field ${f}`);
    return p.header(column);
  });
  const withExtra = extra !== undefined && p.extraColumn?.dataset === ds.name;
  if (withExtra) {
    fields.push(null);
    header.push(p.extraColumn?.header ?? '');
  }
  return {
    partner: p,
    dataset: ds,
    fields,
    header,
    rows: rows.map((canonical) => ({
      canonical,
      cells: fields.map((f) => (f === null ? (extra?.(canonical) ?? '') : writeValue(p, ds, f, canonical[f] ?? ''))),
      expect: warnings?.(canonical) ?? [],
    })),
  };
}

/** The index of a field's column, or an error if the partner does not send it. */
export function columnOf(x: Extract, field: string): number {
  const i = x.fields.indexOf(field);
  if (i < 0) throw new Error(`${x.partner.code} does not send ${x.dataset.name}.${field}`);
  return i;
}

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function encode(text: string, p: Partner): Buffer {
  switch (p.encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'windows-1252': {
      const bytes = iconv.encode(text, 'win1252');
      if (iconv.decode(bytes, 'win1252') !== text) throw new Error(`${p.code}: text not representable in Windows-1252`);
      return bytes;
    }
  }
}

/** The file's bytes, and every diagnostic validation must report (lines are physical: a quoted line break adds one). */
export function renderExtract(x: Extract): { bytes: Buffer; expected: Expected[] } {
  const p = x.partner;
  const trailing = p.delimiter.repeat(p.trailingEmpty);
  const line = (cells: string[]) => cells.map((c) => quote(c, p.delimiter)).join(p.delimiter) + trailing;
  const blankLine = p.delimiter.repeat(x.fields.length - 1) + trailing;
  const blanks = p.blankRows[x.dataset.name as DatasetName] ?? [];
  const out: string[] = [line(x.header)];
  const expected: Expected[] = headerExpectations(x);
  let next = 2;
  const add = (text: string) => {
    out.push(text);
    const at = next;
    next += 1 + (text.match(/\n/g)?.length ?? 0);
    return at;
  };
  x.rows.forEach((row, i) => {
    if (blanks.includes(i)) add(blankLine);
    const at = add(line(row.cells));
    for (const e of row.expect) {
      expected.push({ rule: e.rule, severity: e.severity, line: at, column: columnLetter(columnOf(x, e.field)), field: e.field });
    }
  });
  if (blanks.includes(Infinity)) add(blankLine);
  return { bytes: encode(out.join(p.eol) + p.eol, p), expected };
}

function headerExpectations(x: Extract): Expected[] {
  const found: Expected[] = [];
  x.fields.forEach((f, i) => {
    if (f === null) found.push({ rule: 'header.unknown_column', severity: 'warning', line: 1, column: columnLetter(i), field: null });
  });
  for (const c of x.dataset.columns) {
    if (!c.required && !x.fields.includes(c.field)) found.push({ rule: 'header.missing_optional', severity: 'warning', line: 1, column: null, field: c.field });
  }
  return found;
}
