// What a normaliser returns for one raw value: the canonical text of the value, or the rule it breaks.
import type { RuleCode } from '../../diagnostics/rules.js';

export type Normalised = { ok: true; value: string } | { ok: false; rule: RuleCode; detail?: string };

export const ok = (value: string): Normalised => ({ ok: true, value });
export const fail = (rule: RuleCode, detail?: string): Normalised => (detail === undefined ? { ok: false, rule } : { ok: false, rule, detail });
