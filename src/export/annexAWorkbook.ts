// The Ofsted Annex A Lists 10 (children) and 11 (adopters) as an `.xlsx` workbook in the template's layout, from the
// warehouse's current submissions for a month: sheets `List 1` to `List 9` (header row only) and `List 10` and `List 11`, the template's header row on row 1
// (the headers are schemas/' own, which are the template's), options in the template's lettered wording (`a) Male`,
// `a) WBRI`, `b) No`), dates as real date cells, and a `Notes` sheet saying what the workbook holds and how it was made.
import { mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { adopters, children, codeLists, type CodeList, type Column, type Dataset } from '../../schemas/index.js';
import { monthEnd, monthParts } from '../period/month.js';
import type { Database } from '../warehouse/Database.js';
import { partnersWithCurrent } from '../warehouse/ledger.js';
import { sqlIdent, sqlText } from '../warehouse/sql.js';
import { annexAOtherLists } from '../../schemas/index.js';
import { tidyLeftovers } from './leftovers.js';
import { withPartialFile } from './withPartialFile.js';

/** The template's sheet for each list, in the template's order. */
export const annexASheets = [
  { sheet: 'List 10', dataset: children as Dataset },
  { sheet: 'List 11', dataset: adopters as Dataset },
] as const;

export interface AnnexAOptions {
  /** The reporting month M, `YYYY-MM`: each partner's current submission for M is the source. */
  period: string;
  /** Months in the window, ending with M (default 12). */
  months?: number;
  /** Partner codes in the order the workbook lists them (the pipeline's order). */
  partners: readonly string[];
  /** One partner's own workbook: ids as the partner sent them. Otherwise the region's: ids prefixed `<partner>:`. */
  partner?: string;
  /** The region's name, for the notes. */
  region: string;
  /** The `.xlsx` file to write (replaced whole, atomically). */
  path: string;
}

export interface AnnexAResult {
  path: string;
  /** Window: first and last day, `yyyy-mm-dd`. */
  window: { start: string; end: string };
  /** Rows per sheet. */
  rows: Record<string, number>;
  /** Partners with a current submission of the dataset for M, per sheet. */
  submitted: Record<string, string[]>;
  /** Per sheet with any: ids longer than the contract's limit (`limit` characters) once prefixed with the partner code (region workbook only). */
  longIds: Record<string, { ids: number; limit: number }>;
}

/** First day of the window of `months` months ending with `period`, `yyyy-mm-dd`. */
export function windowStart(period: string, months: number): string {
  const { year, month } = monthParts(period);
  return new Date(Date.UTC(year, month - months, 1)).toISOString().slice(0, 10);
}

/** The list's wording of one stored code: the template's `a) Male`, `a) WBRI` for ethnicity; a code without a letter as its label. */
export function optionWording(list: CodeList, code: string): string {
  const c = list.codes.find((x) => x.code === code);
  if (!c) return code; // a local code the list allows: as the partner sent it
  if (c.letter === undefined) return c.label;
  return list.name === 'ethnicity' ? `${c.letter}) ${c.code}` : `${c.letter}) ${c.label}`;
}

/** The field whose date opens a record (the first date of the key) and the fields whose dates close it. */
function lifetime(ds: Dataset): { opened: string; closedBy: string[] } {
  const opened = ds.key.find((f) => ds.columns.find((c) => c.field === f)?.type.kind === 'date');
  if (!opened) throw new Error(`${ds.name}: no date in its key`);
  return { opened, closedBy: ds.closedBy };
}

/**
 * The rows of one list: each partner's current submission for M, only the records open at any time in the window
 * (opened on or before its last day, and not closed before its first day: still open, or closed within it).
 */
function listSql(ds: Dataset, o: { period: string; start: string; end: string; partners: readonly string[] }): string {
  const { opened, closedBy } = lifetime(ds);
  const cols = ds.columns.map((c) => (c.type.kind === 'date' ? `CAST(${sqlIdent(c.field)} AS VARCHAR) AS ${sqlIdent(c.field)}` : sqlIdent(c.field)));
  const closed = closedBy.length === 0 ? 'NULL' : closedBy.length === 1 ? sqlIdent(closedBy[0] ?? '') : `least(${closedBy.map(sqlIdent).join(', ')})`;
  const order = o.partners.map((p, i) => `WHEN ${sqlText(p)} THEN ${i}`).join(' ');
  return `SELECT partner, ${cols.join(', ')} FROM ${sqlIdent(`current_${ds.name}`)}
WHERE period = ${sqlText(o.period)} AND partner IN (${o.partners.map(sqlText).join(', ')})
  AND ${sqlIdent(opened)} <= DATE ${sqlText(o.end)}
  AND (${closed} IS NULL OR ${closed} >= DATE ${sqlText(o.start)})
ORDER BY CASE partner ${order} END, ${ds.key.map(sqlIdent).join(', ')}, source_line`;
}

/** A value from the warehouse as text (dates arrive cast to VARCHAR, codes and ids as strings). */
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

const isIdField = (c: Column) => c.type.kind === 'text' && c.field.endsWith('_id');

/** A warehouse value as the template's cell: a date cell, a number, or the lettered option. Blank stays blank. */
function cellValue(c: Column, v: unknown, prefix: string | null): string | number | Date | null {
  if (v === null || v === undefined) return null;
  switch (c.type.kind) {
    case 'date':
      return new Date(`${text(v)}T00:00:00Z`);
    case 'integer':
    case 'decimal':
    case 'money':
      return Number(v);
    case 'yesno':
      // stored as the list's code (`yes`, `no`, `not_known`); a warehouse from before that held a boolean
      return optionWording(codeLists.yesNo, typeof v === 'boolean' ? (v ? 'yes' : 'no') : text(v));
    case 'code':
      return optionWording(c.type.codes, text(v));
    default: {
      const s = text(v);
      return prefix !== null && isIdField(c) ? `${prefix}:${s}` : s;
    }
  }
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Write the workbook; returns what it holds. `db` may be read-only. */
export async function writeAnnexAWorkbook(db: Database, options: AnnexAOptions): Promise<AnnexAResult> {
  const months = options.months ?? 12;
  const start = windowStart(options.period, months);
  const end = monthEnd(options.period);
  const partners = options.partner === undefined ? options.partners : [options.partner];
  const region = options.partner === undefined;
  const path = resolve(options.path);

  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'raa';
  const rows: Record<string, number> = {};
  const submitted: Record<string, string[]> = {};
  const longIds: AnnexAResult['longIds'] = {};

  // Lists 1–9 first, as the template orders them: header row only (an adoption agency holds none of them).
  for (const { sheet, headers } of annexAOtherLists) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow([...headers]);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  for (const { sheet, dataset } of annexASheets) {
    const sent = await partnersWithCurrent(db, options.period, [dataset.name]);
    submitted[sheet] = partners.filter((p) => sent.includes(p));
    const data = await db.all(listSql(dataset, { period: options.period, start, end, partners }));
    const ws = wb.addWorksheet(sheet);
    ws.addRow(dataset.columns.map((c) => c.header));
    ws.getRow(1).font = { bold: true };
    // A prefixed id may pass the contract's limit (an id sent at the limit): counted and said, never cut short.
    const limits = dataset.columns.map((c) => (region && isIdField(c) && c.type.kind === 'text' ? (c.type.maxLength ?? null) : null));
    let long = 0;
    for (const r of data) {
      const cells = dataset.columns.map((c) => cellValue(c, r[c.field], region ? String(r.partner) : null));
      long += cells.filter((v, i) => limits[i] != null && String(v ?? '').length > (limits[i] ?? 0)).length;
      ws.addRow(cells);
    }
    if (long > 0) longIds[sheet] = { ids: long, limit: Math.min(...limits.filter((x): x is number => x !== null)) };
    dataset.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(40, Math.max(12, c.header.length * 0.6));
      if (c.type.kind === 'date') col.numFmt = 'dd/mm/yyyy';
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    rows[sheet] = data.length;
  }

  const notes = wb.addWorksheet('Notes');
  const lines = [
    `Ofsted Annex A Lists 10 and 11: ${region ? `${options.region} (every partner council)` : `partner ${options.partner ?? ''}`}, made by raa from the warehouse.`,
    `Source: each partner's current (newest loaded) submission for ${options.period}; nothing a partner did not send.`,
    `Window: ${dmy(start)} to ${dmy(end)} (${months} month(s) ending with ${options.period}). A record is listed when it was open at any time in the window: opened (List 10: date of decision that the child should be placed for adoption; List 11: date enquiry received) on or before ${dmy(end)}, and not closed (List 10: adoption order or decision that the child should no longer be placed; List 11: adoption order or leaving the process) before ${dmy(start)}, so every record still open is listed.`,
    ...(region ? ['Ids are unique only within a council: every Child Unique ID, Individual adopter identifier and Family identifier here is prefixed with the partner code and a colon (northmoor:C123).'] : []),
    'Lists 1 to 9 are the local authorities\' children\'s social care lists (contacts to care leavers): the adoption agency does not hold them, so they are here as the template has them, header row only, and are to come from each council.',
    'Dates of birth are held to the month by design: each is shown as the 1st of its month.',
    'Options are in the template\'s lettered wording; a characteristic the council recorded as not known is shown as the template\'s not-known option (c) Not stated/recorded, s) NOBT).',
    ...annexASheets.map(({ sheet }) => {
      const missing = partners.filter((p) => !(submitted[sheet] ?? []).includes(p));
      return `${sheet}: ${rows[sheet] ?? 0} row(s) from ${(submitted[sheet] ?? []).join(', ') || 'no partner'}${missing.length > 0 ? `; no current submission for ${options.period} from ${missing.join(', ')} (not listed)` : ''}.`;
    }),
  ];
  for (const { sheet } of annexASheets) {
    const long = longIds[sheet];
    if (long) lines.push(`${sheet}: ${long.ids} id(s) are longer than ${long.limit} characters once prefixed with the partner code, so raa validate flags them as too long; after the prefix each is as the partner sent it.`);
  }
  for (const line of lines) notes.addRow([line]);
  notes.getColumn(1).width = 140;

  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // A partial copy of this workbook left by a killed annex-a (its process gone) is removed; nothing else in the folder.
  await tidyLeftovers(dirname(path), basename(path));
  const buffer = await wb.xlsx.writeBuffer();
  await withPartialFile(path, async (file) => {
    await file.writeFile(new Uint8Array(buffer));
  });
  return { path, window: { start, end }, rows, submitted, longIds };
}
