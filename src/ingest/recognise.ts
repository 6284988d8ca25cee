// recognise: which dataset a file is, by its header row (never its name), and which file column holds each field.
import type { Column, Dataset } from '../../schemas/index.js';
import { datasets } from '../../schemas/index.js';
import type { RuleCode } from '../diagnostics/rules.js';

/** Header comparison key: case, spacing, underscores and punctuation do not matter. */
export const headerKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export interface MappedColumn {
  column: Column;
  /** 0-based position in the file, or null when the file lacks the column. */
  index: number | null;
  /** The header as written in the file. */
  header: string | null;
}

export interface HeaderFinding {
  rule: RuleCode;
  index: number | null;
  header: string | null;
  /** The dataset field the finding is about, when there is one. */
  field?: string;
  params?: { nearest?: string; missing?: string[]; extra?: string[]; accepted?: string[]; otherHeader?: string };
}

export type Recognition =
  | { ok: true; dataset: Dataset; columns: MappedColumn[]; findings: HeaderFinding[] }
  | { ok: false; dataset: Dataset | null; findings: HeaderFinding[] };

const keysOf = (c: Column) => new Set([c.header, c.field, ...c.aliases].map(headerKey));

function matchColumns(ds: Dataset, header: string[]) {
  const byIndex = header.map((h) => (headerKey(h) === '' ? undefined : ds.columns.find((c) => keysOf(c).has(headerKey(h)))));
  const matched = new Set(byIndex.filter((c): c is Column => c !== undefined).map((c) => c.field));
  const missingRequired = ds.columns.filter((c) => c.required && !matched.has(c.field));
  return { byIndex, matched, missingRequired };
}

function mapDataset(ds: Dataset, header: string[]): Recognition {
  const { byIndex, missingRequired } = matchColumns(ds, header);
  const findings: HeaderFinding[] = [];
  const first = new Map<string, number>();
  byIndex.forEach((col, i) => {
    const h = header[i] ?? '';
    if (!col) {
      if (headerKey(h) !== '') findings.push({ rule: 'header.unknown_column', index: i, header: h });
      return;
    }
    const seen = first.get(col.field);
    if (seen === undefined) first.set(col.field, i);
    else findings.push({ rule: 'header.duplicate', index: i, header: h, field: col.field, params: { otherHeader: header[seen] ?? '' } });
  });
  for (const c of missingRequired) findings.push({ rule: 'header.missing_required', index: null, header: c.header, field: c.field });
  for (const c of ds.columns) if (!c.required && !first.has(c.field)) findings.push({ rule: 'header.missing_optional', index: null, header: c.header, field: c.field });
  const fatal = findings.some((f) => f.rule === 'header.missing_required' || f.rule === 'header.duplicate');
  if (fatal) return { ok: false, dataset: ds, findings };
  const columns = ds.columns.map((column) => {
    const index = first.get(column.field) ?? null;
    return { column, index, header: index === null ? null : (header[index] ?? null) };
  });
  return { ok: true, dataset: ds, columns, findings };
}

/**
 * Recognise the dataset of a header row. With `forced`, the named dataset is used as it is.
 * Without: the one dataset whose required columns are all present; if none, the nearest one when it is clearly
 * meant (half its required columns present, no rival) — reported as missing columns — else `header.unrecognised`.
 */
export function recognise(header: string[], forced?: Dataset): Recognition {
  if (forced) return mapDataset(forced, header);
  const scored = datasets.map((ds) => ({ ds, ...matchColumns(ds, header) }));
  const complete = scored.filter((s) => s.missingRequired.length === 0 && s.matched.size > 0);
  if (complete.length > 1) {
    return { ok: false, dataset: null, findings: [{ rule: 'header.ambiguous', index: null, header: null, params: { accepted: complete.map((s) => s.ds.name) } }] };
  }
  if (complete[0]) return mapDataset(complete[0].ds, header);
  const ranked = [...scored].sort((a, b) => b.matched.size - a.matched.size || a.missingRequired.length - b.missingRequired.length);
  const [top, second] = ranked;
  if (!top) throw new Error('no datasets defined');
  const requiredCount = top.ds.columns.filter((c) => c.required).length;
  const clear = top.matched.size > 0 && requiredCount - top.missingRequired.length >= requiredCount / 2 && (!second || second.matched.size < top.matched.size);
  if (clear) return mapDataset(top.ds, header);
  const extra = header.filter((h, i) => headerKey(h) !== '' && !top.byIndex[i]);
  return {
    ok: false,
    dataset: null,
    findings: [{ rule: 'header.unrecognised', index: null, header: null, params: { nearest: top.ds.name, missing: top.missingRequired.map((c) => c.header), extra } }],
  };
}
