// A blank CSV template for a dataset: the official headers in order, UTF-8 with BOM (so Excel reads it right), CRLF.
import { csvLine } from '../export/csvCell.js';

export function csvTemplate(dataset: { columns: readonly { header: string }[] }): string {
  return `\uFEFF${csvLine(dataset.columns.map((c) => c.header))}`;
}
