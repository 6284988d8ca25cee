// Workbook fixtures written for the tests, in the layout of the Ofsted Annex A template (sheets "List 1" … "List 11",
// the official headers, lettered options such as "a) Male"), filled as a council would: title rows above the header,
// date cells, numbers as numbers, a formula with its cached value; plus the broken workbooks a council may send.
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { adopters, children } from '../../schemas/index.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The List 10 rows: child id, gender, ethnicity, dob, age (a formula for the second), disability, dates… */
const list10Rows: (string | number | Date | null)[][] = [
  ['C1001', 'F1', 'a) Male', 'a) WBRI', day('2021-03-14'), 5, 'b) No', day('2024-02-01'), day('2024-06-10'), day('2024-08-01'), null, null, null, null, null, null],
  ['C1002', 'F2', 'b) Female', 'k) APKN', day('2022-07-02'), 4, 'a) Yes', day('2024-05-20'), day('2024-09-03'), day('2024-11-12'), day('2025-03-01'), day('2025-04-15'), null, null, null, null],
  // a placement order dated after the end of the reporting month: a row error on this row, column J
  ['C1003', 'F3', 'a) Male', 'a) WBRI', day('2023-01-09'), 3, 'b) No', day('2025-01-10'), day('2025-05-02'), day('2030-01-01'), null, null, null, null, null, null],
];

/** The List 11 rows: adopter id, family, gender, ethnicity, disability, FFA, enquiry date, …, children placed (a number). */
const list11Rows: (string | number | Date | null)[][] = [
  ['A2001', 'F1', 'b) Female', 'a) WBRI', 'b) No', 'No', day('2024-01-05'), day('2024-01-20'), day('2024-04-01'), day('2024-04-02'), day('2024-09-01'), null, null, day('2025-02-10'), day('2025-03-01'), 1, null, null, null],
  ['A2002', 'F2', 'a) Male', 'a) WBRI', 'b) No', 'No', day('2024-03-11'), day('2024-03-25'), null, null, null, null, null, null, null, null, null, null, null],
];

export interface TemplateOptions {
  /** Rows with values above each list's header (a council's titles). */
  titleRows?: boolean;
}

/**
 * A filled copy of the template layout: Lists 1–9 with a few of their columns (not extracts), List 10 and List 11
 * with two title rows and a blank row above the header, an empty sheet and a hidden sheet.
 */
export async function writeTemplateWorkbook(path: string, opts: TemplateOptions = {}): Promise<void> {
  const titles = opts.titleRows ?? true;
  const wb = new ExcelJS.Workbook();
  for (let n = 1; n <= 9; n++) {
    const ws = wb.addWorksheet(`List ${n}`);
    ws.addRow(['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age']);
    ws.addRow([`X${n}01`, 'a) Male', 'a) WBRI', day('2015-01-25'), 6.138261464750171]);
  }
  const list = (name: string, headers: string[], rows: (string | number | Date | null)[][]) => {
    const ws = wb.addWorksheet(name);
    if (titles) {
      ws.addRow([`Annex A ${name}`]);
      ws.addRow(['Data as at 31/10/2026 — OFFICIAL-SENSITIVE']);
      ws.addRow([]);
    }
    ws.addRow(headers);
    for (const r of rows) ws.addRow(r);
    ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    }));
    // Formatted empty rows below the data, as a council's template has: not data.
    const last = ws.rowCount;
    for (let k = 1; k <= 50; k++) ws.getRow(last + k).getCell(1).numFmt = '@';
    return ws;
  };
  const l10 = list('List 10', children.columns.map((c) => c.header), list10Rows);
  // The second child's age as a formula (years from the date of birth), saved with its value as Excel does.
  const headerRow = titles ? 4 : 1;
  l10.getCell(`F${headerRow + 2}`).value = { formula: `DATEDIF(E${headerRow + 2},DATE(2026,10,31),"y")`, result: 4 };
  list('List 11', adopters.columns.map((c) => c.header), list11Rows);
  wb.addWorksheet('Notes');
  const hidden = wb.addWorksheet('Lookups', { state: 'hidden' });
  hidden.addRow(['a) Male', 'b) Female']);
  await wb.xlsx.writeFile(path);
}

/** The rows of each list in the fixture, and the sheet row of its first data row. */
export const templateFacts = { list10Rows: list10Rows.length, list11Rows: list11Rows.length, firstDataRow: (titles: boolean) => (titles ? 5 : 2) };

/** A zip archive of the given parts (stored deflated), with sizes as declared unless overridden. */
export function zipArchive(parts: [string, string | Buffer][], declare: (name: string, size: number) => number = (_, n) => n): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const size = declare(name, data.length);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a minimal one-sheet workbook whose sheet XML is given. */
export function workbookParts(sheetXml: string): [string, string][] {
  return [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List 10" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
    ['xl/worksheets/sheet1.xml', sheetXml],
  ];
}

/** Sheet XML: the List 10 header and one child in inline strings, then `emptyRows` formatted empty rows. */
export function list10SheetXml(emptyRows: number): string {
  const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const letters = (i: number) => String.fromCharCode(65 + i);
  const header = children.columns.map((c, i) => cell(`${letters(i)}1`, c.header)).join('');
  const values = ['C1', '', 'a) Male', 'a) WBRI', '', '', 'b) No', '2024-02-01', '2024-06-10'];
  const data = values.map((v, i) => (v ? cell(`${letters(i)}2`, v) : '')).join('');
  const empties: string[] = [];
  for (let r = 3; r < 3 + emptyRows; r++) empties.push(`<row r="${r}" s="1" customFormat="1"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${header}</row><row r="2">${data}</row>${empties.join('')}</sheetData></worksheet>`;
}

/** The first bytes of an OLE2 compound file (legacy .xls, and Excel's container for a password-protected workbook). */
export function ole2File(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  streams.forEach((name, i) => Buffer.from(name, 'utf16le').copy(directory, i * 128));
  return Buffer.concat([header, directory]);
}

export const writeBuffer = (path: string, data: Buffer): string => {
  writeFileSync(path, data);
  return path;
};
