// Reading Excel workbooks as extracts: which sheets are read and which are not (and why), title rows, cell values as
// a CSV export would hold them, and every broken workbook a council may send answered as a failure that says what to
// send instead, quickly (each case is bounded; vitest's timeout is the hang check).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cellText, numberText } from '../../src/ingest/cellText.js';
import { readWorkbook, type WorkbookRead } from '../../src/ingest/readWorkbook.js';
import { list10SheetXml, ole2File, templateFacts, workbookParts, writeBuffer, writeTemplateWorkbook, zipArchive } from '../workbooks/workbookFixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const failed = (r: WorkbookRead) => {
  if (r.ok) throw new Error('expected the workbook to fail');
  return r;
};

describe('a filled copy of the template', () => {
  it('reads List 10 and List 11 from their header rows, lists the other sheets as not read, and writes the cells as text', async () => {
    const path = join(dir, 'Annex A.xlsx');
    await writeTemplateWorkbook(path);
    const r = await readWorkbook(path, dir);
    if (!r.ok) throw new Error(r.detail);
    expect(r.sheets.map((s) => [s.sheet, s.headerRow, s.titleRows])).toEqual([['List 10', 4, 2], ['List 11', 4, 2]]);
    expect(r.notRead.map((n) => n.sheet)).toEqual(['List 1', 'List 2', 'List 3', 'List 4', 'List 5', 'List 6', 'List 7', 'List 8', 'List 9', 'Notes', 'Lookups']);
    expect(r.notRead.find((n) => n.sheet === 'Notes')?.reason).toBe('it is empty');
    expect(r.notRead.find((n) => n.sheet === 'Lookups')?.reason).toMatch(/hidden/);
    expect(r.notRead.find((n) => n.sheet === 'List 1')?.reason).toMatch(/no dataset's header row/);
    const lines = readFileSync(r.sheets[0]?.csvPath as string, 'utf8').split('\n');
    // header, the data rows, nothing for the 50 formatted empty rows below them
    expect(lines.filter((l) => l !== '')).toHaveLength(1 + templateFacts.list10Rows);
    expect(lines[0]).toMatch(/^"Child Unique ID","Family identifier","Gender"/);
    // date cells as ISO dates, a number as a number, a formula as its cached value
    expect(lines[1]).toBe('"C1001","F1","a) Male","a) WBRI","2021-03-14","5","b) No","2024-02-01","2024-06-10","2024-08-01",,,,,,');
    expect(lines[2]?.split(',')[5]).toBe('"4"');
    expect(r.sheets[0]?.formulasWithoutValue).toBeNull();
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the header on row 1 when there are no title rows', async () => {
    const path = join(dir, 'plain.xlsx');
    await writeTemplateWorkbook(path, { titleRows: false });
    const r = await readWorkbook(path, dir);
    if (!r.ok) throw new Error(r.detail);
    expect(r.sheets.map((s) => [s.sheet, s.headerRow, s.titleRows])).toEqual([['List 10', 1, 0], ['List 11', 1, 0]]);
  });

  it('names a sheet whose header row lacks one required column, and fails the workbook when no sheet is left', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('List 10').addRow(['Child Unique ID', 'Gender', 'Ethnicity', 'Does the Child have a Disability', 'Date the Child Entered Care']);
    const path = join(dir, 'short.xlsx');
    await wb.xlsx.writeFile(path);
    const r = failed(await readWorkbook(path, dir));
    expect(r.kind).toBe('no_sheet');
    expect(r.notRead).toEqual([{ sheet: 'List 10', reason: 'its row 1 looks like the children header row but lacks "Date of Decision that Child Should be Placed for Adoption"' }]);
  });

  it('counts formulas saved without their value, which are read as empty', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Child Unique ID', 'Gender', 'Ethnicity', 'Does the Child have a Disability', 'Date the Child Entered Care', 'Date of Decision that Child Should be Placed for Adoption', 'Age of Child (Years)']);
    ws.addRow(['C1', 'a) Male', 'a) WBRI', 'b) No', '01/02/2024', '10/06/2024']);
    ws.getCell('G2').value = { formula: '1+1' };
    const path = join(dir, 'nocache.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await readWorkbook(path, dir);
    if (!r.ok) throw new Error(r.detail);
    expect(r.sheets[0]?.formulasWithoutValue).toEqual({ count: 1, first: 'G2' });
  });
});

describe('cell values', () => {
  it('numbers as Excel shows them, dates as ISO, rich text as its text, errors as Excel writes them', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(7961370)).toBe('7961370');
    expect(numberText(6.138261464750171)).toBe('6.13826146475017');
    expect(cellText(new Date(Date.UTC(2024, 0, 5)), true, false).text).toBe('2024-01-05');
    expect(cellText(new Date(Date.UTC(2024, 0, 5, 13, 30)), true, false).text).toBe('2024-01-05 13:30:00');
    expect(cellText({ formula: 'A1+5', result: 45296 }, true, false).text).toBe('2024-01-05');
    expect(cellText({ formula: 'A1+5', result: 45296 }, false, false).text).toBe('45296');
    expect(cellText({ richText: [{ text: 'White ' }, { text: 'British' }] }, false, false).text).toBe('White British');
    expect(cellText({ error: '#N/A' }, false, false).text).toBe('#N/A');
    expect(cellText({ formula: 'X' }, false, false)).toEqual({ text: '', noCachedValue: true });
  });
});

describe('workbooks that cannot be read say what to send instead', () => {
  it('a legacy .xls', async () => {
    const r = failed(await readWorkbook(writeBuffer(join(dir, 'old.xls'), ole2File(['Root Entry', 'Workbook'])), dir));
    expect([r.kind, r.detail]).toEqual(['legacy', 'it is an Excel 97–2003 workbook (.xls)']);
  });

  it('a password-protected workbook', async () => {
    const r = failed(await readWorkbook(writeBuffer(join(dir, 'locked.xlsx'), ole2File(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])), dir));
    expect(r.kind).toBe('protected');
  });

  it('a workbook cut short', async () => {
    const path = join(dir, 'whole.xlsx');
    await writeTemplateWorkbook(path);
    const bytes = readFileSync(path);
    const r = failed(await readWorkbook(writeBuffer(join(dir, 'cut.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2))), dir));
    expect(r.kind).toBe('damaged');
    expect(r.detail).toMatch(/zip directory is missing/);
  });

  it('a workbook whose sheet is damaged inside (checksum)', async () => {
    const zip = zipArchive(workbookParts(list10SheetXml(0)));
    const sheetAt = zip.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length + 5;
    zip[sheetAt] = (zip[sheetAt] as number) ^ 0xff;
    const r = failed(await readWorkbook(writeBuffer(join(dir, 'flipped.xlsx'), zip), dir));
    expect(r.kind).toBe('damaged');
  });

  it('a zip archive that is not a workbook', async () => {
    const r = failed(await readWorkbook(writeBuffer(join(dir, 'photos.xlsx'), zipArchive([['a.txt', 'hello']])), dir));
    expect(r.detail).toMatch(/not an Excel workbook/);
  });

  it('a zip bomb that declares its size', async () => {
    const r = failed(await readWorkbook(writeBuffer(join(dir, 'declared.xlsx'), zipArchive(workbookParts(list10SheetXml(0)), (name, n) => (name.includes('sheet1') ? 3_000_000_000 : n))), dir));
    expect(r.kind).toBe('too_large');
    expect(r.detail).toMatch(/sheet1\.xml unpacks to 2861 MB/);
  });

  it('a zip bomb that hides its size: inflating stops at the size declared', async () => {
    // 20 MB of spaces behind a sheet that declares 1 KB
    const bomb = Buffer.concat([Buffer.from(list10SheetXml(0).replace('</worksheet>', '')), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    const r = failed(await readWorkbook(writeBuffer(join(dir, 'hidden.xlsx'), zipArchive([...workbookParts(list10SheetXml(0)).slice(0, 3), ['xl/worksheets/sheet1.xml', bomb]], (name, n) => (name.includes('sheet1') ? 1024 : n))), dir));
    expect(r.kind).toBe('too_large');
    expect(r.detail).toMatch(/more than the 1,024 bytes it declares/);
  });

  it('a sheet of a million formatted empty rows', async () => {
    const r = failed(await readWorkbook(writeBuffer(join(dir, 'million.xlsx'), zipArchive(workbookParts(list10SheetXml(1_000_000)))), dir));
    expect(r.kind).toBe('too_large');
    expect(r.detail).toBe('its sheet "List 10" has more than 200,000 rows (counting empty rows that carry formatting)');
  });

  it('but a few thousand formatted empty rows below the data are not data', async () => {
    const r = await readWorkbook(writeBuffer(join(dir, 'trailing.xlsx'), zipArchive(workbookParts(list10SheetXml(5_000)))), dir);
    if (!r.ok) throw new Error(r.detail);
    expect(readFileSync(r.sheets[0]?.csvPath as string, 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('a file over the size limit is refused before it is read', async () => {
    const path = join(dir, 'big.xlsx');
    writeFileSync(path, Buffer.alloc(2048, 0x50));
    const r = failed(await readWorkbook(path, dir, { maxFileBytes: 1024, maxSheetRows: 10, maxCells: 10, headerSearchRows: 20, headerSearchElements: 100 }));
    expect([r.kind, r.sha256]).toEqual(['too_large', null]);
  });
});
