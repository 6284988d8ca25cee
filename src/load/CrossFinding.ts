// A finding of a check across datasets or submissions, and the Diagnostic it becomes (located in the file being loaded).
import type { Diagnostic } from '../diagnostics/Diagnostic.js';
import { message, rules, type MessageParams, type RuleCode } from '../diagnostics/rules.js';
import type { CheckedFile } from '../validate/index.js';

export interface CrossFinding {
  /** The record (`rec` of the checked file's relations) it is about; null for the file as a whole. */
  rec: number | null;
  field: string | null;
  rule: RuleCode;
  /** The raw cell, as written. */
  value: string | null;
  /** The record's identifier as the file writes it (`K-104`), for a finding about one record. */
  record?: string | null;
  params: MessageParams;
}

export function crossDiagnostic(file: string, checked: CheckedFile, f: CrossFinding): Diagnostic {
  const at = checked.locate(f.rec, f.field);
  // A row diagnostic names its record by the dataset's identifier, as validation's do (`Concern ID K-104`).
  const key = checked.dataset.key[0];
  const keyName = key === undefined ? null : checked.locate(null, key).name;
  return {
    file,
    dataset: checked.dataset.name,
    line: at.line,
    excelRow: at.excelRow,
    column: at.column,
    header: at.header,
    field: f.field,
    value: f.value,
    record: f.rec !== null && f.record && keyName ? `${keyName} ${f.record}` : null,
    rule: f.rule,
    severity: rules[f.rule].severity,
    message: message(f.rule, { header: at.name, value: f.value, ...f.params }),
  };
}
