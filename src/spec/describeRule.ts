// A row rule of the contract in words, with the rule code and severity it is reported under.
import type { Dataset, RowRule } from '../../schemas/index.js';
import type { Severity } from '../diagnostics/Diagnostic.js';
import { rowRuleCodes, type RuleCode } from '../diagnostics/rules.js';


type Setting = Extract<RowRule, { kind: 'atMostSetting' }>['setting'];

/** What each pipeline setting a rule may name means to the partner. */
const settingWords: Record<Setting, string> = {
  asfCap: 'the per-child Adoption Support Fund cap set in the RAA’s pipeline settings (`asfCap`)',
};

export interface RuleDescription {
  /** Markdown sentence. */
  text: string;
  code: RuleCode;
  severity: Severity;
}

export function describeRule(rule: RowRule, dataset: Dataset): RuleDescription {
  const name = (field: string) => `“${dataset.columns.find((c) => c.field === field)?.header ?? field}”`;
  const severity: Severity = rule.severity === 'error' ? 'row_error' : 'warning';
  return { text: ruleText(rule, name), code: rowRuleCodes[rule.kind], severity };
}

function ruleText(rule: RowRule, name: (field: string) => string): string {
  switch (rule.kind) {
    case 'order': {
      const [first, second, ...rest] = rule.fields.map(name);
      if (rest.length === 0) return `${second ?? ''} is on or after ${first ?? ''}.`;
      return `${[first, second, ...rest].join(' ≤ ')}: each date given is on or after the nearest date given before it in this chain.`;
    }
    case 'together':
      return `${name(rule.fields[0])} and ${name(rule.fields[1])} are given together or not at all.`;
    case 'needs':
      return `${name(rule.field)} may only be given when ${name(rule.requires)} is given.`;
    case 'requiredWhen':
      return `${name(rule.field)} is required when ${name(rule.when)} is given.`;
    case 'atLeastWhen':
      return `${name(rule.field)} is at least ${rule.min} when ${name(rule.when)} is given.`;
    case 'atMostSetting':
      return `${name(rule.field)} is at most ${settingWords[rule.setting]}.`;
    case 'ageAgrees':
      return `${name(rule.age)} agrees with ${name(rule.dob)}: the age in whole years on the last day of the reporting month.`;
  }
}
