// `raa explain`'s three outputs: a table for the terminal, CSV (one line per record) and JSON (the whole explanation).
// Figures are written as the reports write them (formatFigure). Every value from an extract is shown harmlessly
// (control and bidi characters as escapes); CSV cells are neutralised against formulas.
import { visible } from '../diagnostics/visible.js';
import type { Explanation, ExplainedRow } from '../explain/explainer.js';
import { csvLine, neutraliseFormula } from '../export/csvCell.js';
import type { Figure } from '../measure/types.js';
import { formatFigure } from './formatFigure.js';

export const explainFormats = ['table', 'csv', 'json'] as const;
export type ExplainFormat = (typeof explainFormats)[number];

/** Said before every explanation (on stderr for CSV and JSON, so the data stays clean). */
export const internalNotice =
  'INTERNAL: record-level detail for the agency’s own analysts, by record id. Not for publication: raa explain has no published audience.';

/** A figure in words, as the reports write it (internal: nothing hidden), with what it is over. */
export function figureText(f: Figure): string {
  const value = formatFigure({ ...f, suppressed: false }, undefined, true);
  if (f.status !== 'ok' || f.value === null) return value;
  const over = f.unit === 'percent' && f.numerator !== null ? ` (${f.numerator} of ${f.denominator})` : f.denominator !== null && f.unit !== 'count' ? ` (over ${f.denominator} record(s))` : '';
  return `${value}${over}${f.excluded ? `; ${f.excluded} left out` : ''}`;
}

/** The used fields across the rows, in first-seen order (they are the columns after the file). */
function usedFields(rows: readonly ExplainedRow[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.used)))];
}

const roleText: Record<ExplainedRow['role'], string> = { numerator: 'numerator', denominator: 'denominator only', counted: 'counted', excluded: 'left out' };

function cells(r: ExplainedRow, used: readonly string[], fullSha: boolean): string[] {
  return [
    roleText[r.role], r.partner, r.source, r.key, r.file ?? '(none received)', (fullSha ? r.sha256 : r.sha256?.slice(0, 12)) ?? '', r.line === null ? '' : String(r.line),
    ...used.map((u) => r.used[u] ?? ''), r.value === null ? '' : String(r.value), r.group ?? '', r.reason,
  ];
}

function header(used: readonly string[]): string[] {
  return ['role', 'partner', 'source', 'record', 'file', 'sha256', 'line', ...used, 'value', 'group', 'reason'];
}

export function explanationTable(e: Explanation): string {
  const who = e.entity === 'region' ? `the region (${e.partners.join(', ') || 'no partner'})` : e.entity;
  const lines = [
    internalNotice,
    '',
    `${e.measure.id} › ${e.figure}: ${e.figureTitle} — ${who}, ${e.period} (NMS ${e.measure.standard})`,
    `  The report shows: ${figureText(e.reported)}`,
  ];
  if (e.reported.status === 'not_submitted') {
    lines.push(`  ${e.entity} sent no accepted file of a dataset this measure needs for ${e.period}, so no records are behind the figure.`);
  } else {
    const counts = Object.entries(e.counts).map(([role, n]) => `${n} ${roleText[role as ExplainedRow['role']]}`).join(', ') || 'no records';
    lines.push(`  The ${e.rows.length} record(s) below (${counts}) give back: ${figureText(e.recomputed)}${e.agrees ? ' — the same figure' : ' — NOT the same figure: this is a bug in raa; please report it with this output'}`);
  }
  lines.push(`  How: ${e.how}`, `  Definition: ${e.measure.definition}`);
  if (e.measure.numerator) lines.push(`  Numerator: ${e.measure.numerator}`);
  if (e.measure.denominator) lines.push(`  Denominator: ${e.measure.denominator}`);
  lines.push(`  Window: ${e.measure.window}`);
  if (e.measure.exclusions) lines.push(`  Left out: ${e.measure.exclusions}`);
  if (e.notSubmitted.length) lines.push(`  Not in the region's figure (sent nothing the measure needs): ${e.notSubmitted.join(', ')}`);
  if (e.rows.length) {
    const used = usedFields(e.rows);
    const all = [header(used), ...e.rows.map((r) => cells(r, used, false).map(visible))];
    // A column empty for every record (no value, no group) is left out of the table; CSV and JSON keep every column.
    const keep = all[0]!.map((_, i) => i === all[0]!.length - 1 || all.slice(1).some((row) => (row[i] ?? '') !== ''));
    const table = all.map((row) => row.filter((_, i) => keep[i]));
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
    lines.push('', ...table.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()));
  }
  return `${lines.join('\n')}\n`;
}

export function explanationCsv(e: Explanation): string {
  const used = usedFields(e.rows);
  return [csvLine(header(used)), ...e.rows.map((r) => csvLine(cells(r, used, true).map(neutraliseFormula)))].join('');
}

export function explanationJson(e: Explanation): string {
  return `${JSON.stringify({ notice: internalNotice, ...e }, null, 2)}\n`;
}
