// What a normaliser returns for one raw value: the canonical text of the value, or the rule it breaks. A value can be
// read and still deserve a word to the sender (an unknown stored as not known, an inferred code): a warning.
import type { RuleCode } from '../../diagnostics/rules.js';

export interface NormalisedWarning {
  rule: RuleCode;
  detail: string;
}

export type Normalised = { ok: true; value: string; warning?: NormalisedWarning } | { ok: false; rule: RuleCode; detail?: string };

export const ok = (value: string, warning?: NormalisedWarning): Normalised => (warning === undefined ? { ok: true, value } : { ok: true, value, warning });
export const fail = (rule: RuleCode, detail?: string): Normalised => (detail === undefined ? { ok: false, rule } : { ok: false, rule, detail });
