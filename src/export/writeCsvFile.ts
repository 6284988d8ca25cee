// Write a streamed query result to one CSV file for spreadsheets: UTF-8 with BOM, header row, RFC 4180, formulas neutralised.
import type { ColumnStream } from '../warehouse/Database.js';
import { csvLine } from './csvCell.js';
import { csvFormatter } from './csvFormatter.js';
import { withPartialFile } from './withPartialFile.js';

/**
 * The UTF-8 byte order mark: without it Excel reads a UTF-8 CSV as Windows-1252 and garbles `£` and accented
 * names. csv-parse (`bom: true`), DuckDB, R's readr and pandas (`encoding="utf-8-sig"`) skip it.
 */
const bom = '\uFEFF';

/**
 * Write `stream` to `path`: a header row of column names, then one CRLF-ended record per row, each cell as
 * `csvFormatter` writes its type (text cells neutralised against formula injection). Written a batch at a time;
 * the file appears only when complete. Returns the number of rows written.
 */
export async function writeCsvFile(path: string, stream: ColumnStream): Promise<number> {
  const formatters = stream.columns.map((c) => csvFormatter(c.type));
  return withPartialFile(path, async (file) => {
    await file.write(bom + csvLine(stream.columns.map((c) => c.name)));
    let rows = 0;
    for await (const batch of stream.batches) {
      const lines: string[] = [];
      for (let r = 0; r < batch.rowCount; r++) {
        lines.push(csvLine(formatters.map((format, c) => format(batch.values[c]?.[r] ?? null))));
      }
      await file.write(lines.join(''));
      rows += batch.rowCount;
    }
    return rows;
  });
}
