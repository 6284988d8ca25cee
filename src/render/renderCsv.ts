// Every table of a prepared report as CSV files: one per table, text cells through neutraliseFormula, RAG in its own column.
import { csvLine, neutraliseFormula } from '../export/csvCell.js';
import { ragText, showsSuppressed } from './formatFigure.js';
import type { PreparedReport } from './prepareReport.js';
import type { Table } from './Table.js';

/** File name (safe, unique within the report) → CSV text. */
export function renderCsv(p: PreparedReport): Map<string, string> {
  const files = new Map<string, string>();
  const add = (section: string, t: Table) => {
    const base = `${section}--${t.id}`.replace(/[^a-z0-9_.-]+/gi, '-');
    let name = `${base}.csv`;
    for (let n = 2; files.has(name); n++) name = `${base}-${n}.csv`;
    // A CSV file is read on its own: one with a suppressed (or, internal, marked) cell carries the rule as its last note.
    const suppressed = t.rows.some((r) => r.slice(1).some((c) => showsSuppressed(c.text, p.suppressed)));
    files.set(name, tableCsv(suppressed ? { ...t, notes: [...t.notes, p.suppressed.legend] } : t));
  };
  for (const sec of p.sections) {
    for (const c of sec.charts) add(sec.definition.id, c.table);
    for (const m of sec.measures) for (const t of m.tables) add(sec.definition.id, t);
    for (const t of sec.tables) add(sec.definition.id, t);
  }
  for (const t of p.evidence) add('evidence', t);
  return files;
}

/** A cell for a spreadsheet: a number the program formatted (`-2`, `+0.8`, `12.5%`, `1,387`) stays a number; any other text is neutralised. */
export function csvCell(text: string): string {
  return /^[+-]?\d[\d,]*(\.\d+)?%?$/.test(text) ? text : neutraliseFormula(text);
}

/** One table: a header row, then rows; a column holding any RAG gets a `<column> RAG` column beside it. */
export function tableCsv(t: Table): string {
  const ragCols = new Set(t.columns.map((_, i) => i).filter((i) => t.rows.some((r) => r[i]?.rag)));
  const header = t.columns.flatMap((c, i) => (ragCols.has(i) ? [c || 'Name', `${c} RAG`] : [c || 'Name']));
  const lines = [csvLine(header.map(csvCell))];
  for (const row of t.rows) {
    const cells = row.flatMap((c, i) => {
      const text = csvCell(c.text);
      return ragCols.has(i) ? [text, c.rag ? ragText[c.rag].word : ''] : [text];
    });
    lines.push(csvLine(cells));
  }
  for (const n of t.notes) lines.push(csvLine([neutraliseFormula(`Note: ${n}`)]));
  return lines.join('');
}
