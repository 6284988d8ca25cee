// The forms a coded value takes in councils' extracts, for every code column alike. Slots: {code} an option's code
// (or another code that means it: a DfE extended or CIN code), {label} any wording of an option (itself in any of
// these forms), {letter} the Annex A template's option letter, {number} a DfE numeric code, {group} an ethnic group's
// name. A space in a form stands for any run of spaces; around punctuation, spaces are optional. A value is read in
// every form it fits: when two readings name different options, the value is a diagnostic, never a guess.
export const valueForms: readonly string[] = [
  // a code beside its wording: `WBRI White British`, `RD1 - …`, `RD1: …`, `1 = Yes`, `Indian [AIND]`, `Indian (AIND)`, `(RD1) …`
  '{code} {label}',
  '{code} - {label}',
  '{code}: {label}',
  '{code} = {label}',
  '{code}) {label}',
  '{label} [{code}]',
  '{label} ({code})',
  '{label} - {code}',
  '({code}) {label}',
  '[{code}] {label}',
  // the template's lettered options: `a) Male`, `a) WBRI`, `s)`
  '{letter}) {label}',
  '{letter})',
  // DfE numeric codes: `1`, `1 - Male`, `0 = No`, `1 Yes`
  '{number}',
  '{number} {label}',
  '{number} - {label}',
  '{number}: {label}',
  '{number} = {label}',
  '{number}) {label}',
  // an ethnic group and a background: `White - Irish`, `Asian / Asian British > Indian`, `White (Irish)`, `Mixed White and Asian`
  '{group} {label}',
  '{group} - {label}',
  '{group}/{label}',
  '{group} > {label}',
  '{group}: {label}',
  '{group}, {label}',
  '{group} + {label}',
  '{group} ({label})',
  '{label} ({group})',
  // a system's sort mark before the value: `~Irish`
  '~{label}',
  // two wordings side by side (`Unborn (Not recorded)`, `Unspecified - Refused`, `a) Male / d) Neither`): one option
  // when both name it, else a diagnostic naming both
  '{label} / {label}',
  '{label} - {label}',
  '{label} ({label})',
];
