// A blank CSV template for a dataset: the official headers in order, UTF-8 with BOM (so Excel reads it right), CRLF.

/** Quote a field only when it needs it: a delimiter LAs use, a quote, a line break, or edge spaces. */
export function csvField(text: string): string {
  return /[",;\t|\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTemplate(dataset: { columns: readonly { header: string }[] }): string {
  return `\uFEFF${dataset.columns.map((c) => csvField(c.header)).join(',')}\r\n`;
}
