// How a diagnostic reads on a terminal: where, then what to do.
import type { Diagnostic } from './Diagnostic.js';

const severityWord = { file_error: 'file error', row_error: 'row error', warning: 'warning', hold: 'held' } as const;

export function formatLocation(d: Diagnostic): string {
  const parts: string[] = [];
  if (d.line !== null) parts.push(`line ${d.line}${d.excelRow !== null && d.excelRow !== d.line ? ` (Excel row ${d.excelRow})` : ''}`);
  if (d.record) parts.push(`record ${d.record}`);
  if (d.column !== null) parts.push(`column ${d.column}${d.header ? ` "${d.header}"` : ''}`);
  else if (d.header) parts.push(`column "${d.header}"`);
  return parts.join(', ');
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d);
  return `${severityWord[d.severity]} [${d.rule}]${where ? ` ${where}` : ''}: ${d.message}`;
}
