// A finding of a check across datasets or submissions, and the Diagnostic it becomes (located in the file being loaded).
import { columnLetter, type Diagnostic } from '../diagnostics/Diagnostic.js';
import { message, rules, type MessageParams, type RuleCode } from '../diagnostics/rules.js';
import type { Staged } from '../validate/checkFiles.js';

export interface CrossFinding {
  /** The record (staging rowid) it is about; null for the file as a whole. */
  rec: number | null;
  field: string | null;
  rule: RuleCode;
  /** The raw cell, as written. */
  value: string | null;
  params: MessageParams;
}

export function crossDiagnostic(file: string, staged: Staged, f: CrossFinding): Diagnostic {
  const m = f.field === null ? undefined : staged.columns.find((c) => c.column.field === f.field);
  const header = m?.header ?? m?.column.header ?? null;
  return {
    file,
    dataset: staged.dataset.name,
    line: f.rec === null ? null : staged.map.lineOf(f.rec),
    excelRow: f.rec === null ? null : staged.map.excelRowOf(f.rec),
    column: m?.index != null ? columnLetter(m.index) : null,
    header: m?.header ?? null,
    field: f.field,
    value: f.value,
    rule: f.rule,
    severity: rules[f.rule].severity,
    message: message(f.rule, { header, value: f.value, ...f.params }),
  };
}
