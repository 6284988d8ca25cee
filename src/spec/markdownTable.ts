// A GitHub-flavoured Markdown table from a header and rows of plain strings; cells are escaped, never interpreted twice.

/** A cell's text made safe for a table: pipes escaped, line breaks as `<br>`. */
export const mdCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** Inline code that survives backticks in the text. */
export const mdCode = (text: string): string => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/** Rows are written as given (already Markdown); only pipes and line breaks are escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
