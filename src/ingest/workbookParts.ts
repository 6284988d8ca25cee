// exceljs's streaming parsers, fed with parts this project unzips itself (zipArchive). exceljs's own streaming entry
// point pipes the file through `unzipper`, which on Node 20 stops part-way through some archives without an error
// (the Ofsted Annex A template loses its sheets 9–11 that way); its in-memory loader inflates everything unbounded.
// So the zip is read here, with bounds, and each part handed to the parser exceljs uses for it. These are exceljs's
// internal methods (the package is pinned to 4.4.x for that reason); this module is the only place that knows them.
import type { Readable } from 'node:stream';

/** A row as exceljs's worksheet reader gives it. */
export interface SheetRow {
  number: number;
  eachCell(callback: (cell: SheetCell, column: number) => void): void;
}

export interface SheetCell {
  value: unknown;
  numFmt?: string;
  address: string;
}

export interface WorkbookModel {
  /** In workbook order. `state` is `hidden` or `veryHidden` for a hidden sheet. */
  sheets: { name: string; id: number; rId: string; state?: string }[];
}

export interface Relationship {
  Id: string;
  Type: string;
  Target: string;
}

interface PrivateReader {
  workbookRels?: Relationship[];
  model?: WorkbookModel;
  properties?: { model?: { date1904?: boolean } };
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(stream: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<SheetRow> }>;
}

/** One workbook's parsers: call the parts in this order — relationships, workbook, shared strings, styles — then sheets. */
export class WorkbookParts {
  private constructor(private readonly reader: PrivateReader) {}

  /** exceljs is imported here, when a workbook is first read, so that commands reading no workbook never load it. */
  static async create(): Promise<WorkbookParts> {
    // A CommonJS package: its exports arrive as the default export of the dynamic import.
    const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
    // Styles are cached so that a number in a date-formatted cell is read as a date.
    const options = { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' } as const;
    return new WorkbookParts(new ExcelJS.stream.xlsx.WorkbookReader(undefined as unknown as string, options) as unknown as PrivateReader);
  }

  async relationships(stream: Readable): Promise<Relationship[]> {
    await this.reader._parseRels(stream);
    return this.reader.workbookRels ?? [];
  }

  async workbook(stream: Readable): Promise<WorkbookModel> {
    await this.reader._parseWorkbook(stream);
    return { sheets: this.reader.model?.sheets ?? [] };
  }

  /** Whether the workbook counts days from 1904 (old Mac Excel) rather than 1900. */
  get date1904(): boolean {
    return this.reader.properties?.model?.date1904 === true;
  }

  async sharedStrings(stream: Readable): Promise<void> {
    // Cached by the reader; nothing is emitted in this mode, but the generator must be run to the end.
    const parsing = this.reader._parseSharedStrings(stream);
    while (!(await parsing.next()).done);
  }

  async styles(stream: Readable): Promise<void> {
    await this.reader._parseStyles(stream);
  }

  /** The rows of one sheet's part, as they are parsed. */
  rows(stream: Readable): AsyncIterable<SheetRow> {
    for (const event of this.reader._parseWorksheet(stream, '0')) if (event.eventType === 'worksheet') return event.value;
    throw new Error('exceljs did not open the worksheet');
  }
}
