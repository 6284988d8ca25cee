// An Excel workbook as extracts: every sheet whose header row is a dataset's becomes a UTF-8 CSV in the scratch folder
// (the header row its first line, one line per sheet row below it), which the CSV checks then read like any extract;
// the other sheets are listed with the reason they were not read. Title rows above the header are skipped and counted.
// The work is bounded (file size, zip parts, rows, cells), so a zip bomb or a sheet of a million formatted empty rows
// is refused quickly; a legacy .xls, a password-protected or a damaged workbook is a failure that says what to send.
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { Readable } from 'node:stream';
import { recognise, type HeaderFinding } from './recognise.js';
import { cellText, isDateFormat } from './cellText.js';
import { WorkbookParts, type SheetRow } from './workbookParts.js';
import { entryText, zipEntries, ZipDamagedError, ZipTooLargeError, type ZipEntry } from './zipArchive.js';
import { otherAnnexAList } from '../../schemas/index.js';

export const workbookLimits = {
  /** Size of the workbook file itself. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Row elements in one sheet that is read (data, blank and formatted empty rows alike). */
  maxSheetRows: 200_000,
  /** Cells with a value, over the whole workbook. */
  maxCells: 4_000_000,
  /** The header must be among a sheet's first rows that hold values… */
  headerSearchRows: 20,
  /** …and within its first rows of any kind. */
  headerSearchElements: 1_000,
};

export type WorkbookFailureKind = 'legacy' | 'protected' | 'damaged' | 'too_large' | 'no_sheet';

/** A sheet turned into a CSV extract. */
export interface SheetExtract {
  sheet: string;
  /** The UTF-8 CSV in the scratch folder: line 1 is the header row. */
  csvPath: string;
  /** The sheet row of the header: CSV line k is sheet row `headerRow + k − 1` (for a record on one line). */
  headerRow: number;
  /** Rows with values above the header (a council's titles and notes), not read. */
  titleRows: number;
  /** Cells holding a formula saved without its value (read as empty): how many, and the first one's address. */
  formulasWithoutValue: { count: number; first: string } | null;
}

export interface SheetNotRead {
  sheet: string;
  reason: string;
}

export type WorkbookRead =
  | { ok: true; bytes: number; sha256: string; sheets: SheetExtract[]; notRead: SheetNotRead[] }
  | { ok: false; bytes: number; sha256: string | null; kind: WorkbookFailureKind; detail: string; notRead: SheetNotRead[] };

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (head: Uint8Array, sig: number[]) => sig.every((b, i) => head[i] === b);

/** Whether bytes are an Excel workbook of either kind (OOXML zip or legacy OLE2), whatever the file is called. */
export function isWorkbookBytes(head: Uint8Array): boolean {
  return startsWith(head, ZIP) || startsWith(head, OLE2.slice(0, 4));
}

/** A failure inside the reading of a sheet, carried out to the workbook's answer. */
class SheetLimitError extends Error {}

export async function readWorkbook(path: string, scratchDir: string, limits = workbookLimits): Promise<WorkbookRead> {
  const size = (await stat(path)).size;
  const fail = (kind: WorkbookFailureKind, detail: string, sha256: string | null = null, notRead: SheetNotRead[] = []): WorkbookRead => ({ ok: false, bytes: size, sha256, kind, detail, notRead });
  if (size > limits.maxFileBytes) return fail('too_large', `the file is ${mb(size)}, over the ${mb(limits.maxFileBytes)} a workbook may be`);
  const buf = await readFile(path);
  const sha256 = createHash('sha256').update(buf).digest('hex');

  if (startsWith(buf, OLE2.slice(0, 4))) {
    // Excel saves a password-protected workbook as an OLE2 container whose stream "EncryptedPackage" holds the xlsx.
    if (buf.includes(Buffer.from('EncryptedPackage', 'utf16le'))) return fail('protected', 'it is protected with a password', sha256);
    return fail('legacy', 'it is an Excel 97–2003 workbook (.xls)', sha256);
  }
  if (!startsWith(buf, ZIP)) return fail('damaged', 'it does not start as an Excel workbook does', sha256);

  let entries: Map<string, ZipEntry>;
  try {
    entries = new Map(zipEntries(buf).map((e) => [e.name.replace(/^\//, ''), e]));
  } catch (e) {
    return zipFailure(e, fail, sha256);
  }
  const workbookPart = entries.get('xl/workbook.xml');
  if (!workbookPart) {
    if (entries.has('xl/workbook.bin')) return fail('legacy', 'it is an Excel binary workbook (.xlsb)', sha256);
    if (entries.has('content.xml')) return fail('legacy', 'it is an OpenDocument spreadsheet (.ods)', sha256);
    return fail('damaged', 'it is a zip archive, not an Excel workbook (it has no xl/workbook.xml)', sha256);
  }

  const parts = await WorkbookParts.create();
  const text = (e: ZipEntry) => entryText(buf, e);
  const sheets: SheetExtract[] = [];
  const notRead: SheetNotRead[] = [];
  const cells = { count: 0 };
  try {
    const relsPart = entries.get('xl/_rels/workbook.xml.rels');
    const rels = relsPart ? await parts.relationships(text(relsPart)) : [];
    const model = await parts.workbook(text(workbookPart));
    const target = (type: string) => rels.find((r) => r.Type.endsWith(`/${type}`))?.Target;
    const partOf = (t: string | undefined) => (t === undefined ? undefined : entries.get(t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join('xl', t))));
    const shared = partOf(target('sharedStrings'));
    if (shared) await parts.sharedStrings(text(shared));
    const styles = partOf(target('styles'));
    if (styles) await parts.styles(text(styles));

    for (const s of model.sheets) {
      const rel = rels.find((r) => r.Id === s.rId);
      const part = partOf(rel?.Target);
      if (!rel || !part) {
        notRead.push({ sheet: s.name, reason: 'its contents are missing from the file' });
        continue;
      }
      if (!rel.Type.endsWith('/worksheet')) {
        notRead.push({ sheet: s.name, reason: 'it is a chart or dialog sheet, not a table' });
        continue;
      }
      if (s.state === 'hidden' || s.state === 'veryHidden') {
        notRead.push({ sheet: s.name, reason: 'it is hidden (unhide it if it is meant to be sent)' });
        continue;
      }
      const read = await readSheet(parts, text(part), s.name, scratchDir, limits, cells);
      if ('reason' in read) notRead.push(read);
      else sheets.push(read);
    }
  } catch (e) {
    if (e instanceof SheetLimitError) return fail('too_large', e.message, sha256, notRead);
    return zipFailure(e, fail, sha256, notRead);
  }
  if (sheets.length === 0) {
    const detail = notRead.length === 0 ? 'it has no sheets' : 'no sheet has the header row of a dataset';
    return fail('no_sheet', detail, sha256, notRead);
  }
  return { ok: true, bytes: size, sha256, sheets, notRead };
}

function zipFailure(e: unknown, fail: (kind: WorkbookFailureKind, detail: string, sha: string | null, notRead?: SheetNotRead[]) => WorkbookRead, sha256: string, notRead: SheetNotRead[] = []): WorkbookRead {
  if (e instanceof ZipTooLargeError) return fail('too_large', e.message, sha256, notRead);
  if (e instanceof ZipDamagedError) return fail('damaged', e.message, sha256, notRead);
  // The XML parser's own complaint (a part that is not well-formed XML) means a damaged file.
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  return fail('damaged', `a part of it could not be read (${first})`, sha256, notRead);
}

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

/** A CSV field: empty as nothing, anything else quoted (quotes doubled), so commas and line breaks stay inside. */
const csvField = (s: string) => (s === '' ? '' : `"${s.replace(/"/g, '""')}"`);

/** Read one sheet: find its header row, then write it and every row below it to a CSV (empty rows as empty lines). */
async function readSheet(parts: WorkbookParts, stream: Readable, sheet: string, scratchDir: string, limits: typeof workbookLimits, cells: { count: number }): Promise<SheetExtract | SheetNotRead> {
  const date1904 = parts.date1904;
  let header: { row: number; width: number } | null = null;
  let titleRows = 0;
  let elements = 0;
  let out: WriteStream | null = null;
  let csvPath = '';
  let lastWritten = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  let formulas: SheetExtract['formulasWithoutValue'] = null;
  /** A row that is nearly a dataset's header (one required column short, or one column twice): named in the reason. */
  let nearMiss: string | null = null;
  /** A row that is the header of one of the template's Lists 1–9 (children's social care, not adoption): named in the reason. */
  let otherList: { list: string; row: number } | null = null;
  const flush = async () => {
    if (!out || pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    pendingBytes = 0;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out?.once('drain', () => resolve()));
  };
  try {
    for await (const row of parts.rows(stream)) {
      elements++;
      if (header === null && elements > limits.headerSearchElements) break;
      if (elements > limits.maxSheetRows) {
        throw new SheetLimitError(`its sheet "${sheet}" has more than ${limits.maxSheetRows.toLocaleString('en-GB')} rows (counting empty rows that carry formatting)`);
      }
      const texts = rowTexts(row, date1904, (address) => {
        formulas = formulas ? { count: formulas.count + 1, first: formulas.first } : { count: 1, first: address };
      });
      if (texts.length === 0) continue;
      cells.count += texts.filter((t) => t !== '').length;
      if (cells.count > limits.maxCells) throw new SheetLimitError(`it has more than ${limits.maxCells.toLocaleString('en-GB')} cells with values`);
      if (header === null) {
        // Only a complete header row makes a sheet an extract: the template's other lists share a few of its columns.
        const rec = recognise(texts);
        if (!rec.ok && rec.dataset !== null && nearMiss === null) nearMiss = nearMissReason(rec.dataset.name, rec.findings, row.number);
        if (!rec.ok && otherList === null) {
          const list = otherAnnexAList(texts);
          if (list !== null) otherList = { list, row: row.number };
        }
        if (rec.ok) {
          header = { row: row.number, width: texts.length };
          csvPath = join(scratchDir, `sheet-${Math.random().toString(36).slice(2)}.csv`);
          out = createWriteStream(csvPath, { mode: 0o600 });
          pending.push(`${texts.map(csvField).join(',')}\n`);
          lastWritten = row.number;
          formulas = null; // formulas above the header are in title rows, which are not read
          continue;
        }
        titleRows++;
        if (titleRows >= limits.headerSearchRows) break;
        continue;
      }
      // Empty rows between data rows stay as empty lines (counted as blank rows); empty rows after the last are not data.
      const gap = row.number - lastWritten - 1;
      const width = Math.max(header.width, texts.length);
      const line = `${'\n'.repeat(Math.max(0, gap))}${Array.from({ length: width }, (_, i) => csvField(texts[i] ?? '')).join(',')}\n`;
      pending.push(line);
      pendingBytes += line.length;
      lastWritten = row.number;
      if (pendingBytes > 1 << 20) await flush();
    }
    await flush();
  } finally {
    stream.destroy();
    if (out) await new Promise<void>((resolve) => (out as WriteStream).end(() => resolve()));
  }
  if (header === null) {
    const reason = otherList
      ? `it is Annex A ${otherList.list} (header on row ${otherList.row}), a children's social care list, not an adoption extract`
      : elements === 0 || (titleRows === 0 && nearMiss === null) ? 'it is empty' : (nearMiss ?? `no dataset's header row among its first ${limits.headerSearchRows} rows`);
    return { sheet, reason };
  }
  return { sheet, csvPath, headerRow: header.row, titleRows, formulasWithoutValue: formulas };
}

/** Why a row that is nearly a dataset's header is not one; null when it is not near (the template's other lists). */
function nearMissReason(dataset: string, findings: HeaderFinding[], row: number): string | null {
  const missing = findings.filter((f) => f.rule === 'header.missing_required').map((f) => `"${f.header ?? ''}"`);
  const twice = findings.filter((f) => f.rule === 'header.duplicate').map((f) => `"${f.header ?? ''}"`);
  if (missing.length > 1) return null;
  return `its row ${row} looks like the ${dataset} header row but ${[missing.length ? `lacks ${missing.join(', ')}` : '', twice.length ? `has ${twice.join(', ')} twice` : ''].filter(Boolean).join(' and ')}`;
}

/** A row's cells as text, from column A to its last cell with a value (empty when it has none). */
function rowTexts(row: SheetRow, date1904: boolean, noValue: (address: string) => void): string[] {
  const texts: string[] = [];
  row.eachCell((cell, column) => {
    const t = cellText(cell.value as never, isDateFormat(cell.numFmt), date1904);
    if (t.noCachedValue) noValue(cell.address);
    if (t.text !== '') {
      while (texts.length < column - 1) texts.push('');
      texts[column - 1] = t.text;
    }
  });
  return texts;
}
