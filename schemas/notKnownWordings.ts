// What councils write for a characteristic they do not know (gender, ethnicity, disability, FFA). Such a value is
// stored as the field's not-known code with a warning, and the record loads: an unknown characteristic must not drop
// a child or adopter from every other count. Compared after case, punctuation and spacing are set aside.
export const notKnownWordings: readonly string[] = [
  'not known', 'unknown', 'not recorded', 'not stated', 'not specified', 'unspecified', 'not obtained', 'not yet obtained',
  'information not obtained', 'information not yet obtained', 'information not yet available', 'not yet available', 'not yet known',
  'not given', 'not asked', 'u', 'n/k', 'no data', 'no information', 'not populated', 'unk', 'nk', 'not stated/recorded', 'not known or stated',
  'not known or not stated', 'not stated/not obtained', 'not stated/not yet obtained', 'not stated (not yet obtained)', 'not stated - not yet obtained',
  'not stated information not yet obtained - not refused', 'not yet obtained/not established', 'undeclared/not known', 'undeclared',
  'form not completed', 'not stated - form not completed', 'no data (form not completed)', 'no data (information not yet obtained)',
  'no data (awaiting client contact)', 'awaiting client contact', 'no client contact', 'unborn', 'not recorded/unborn', 'unborn/unknown',
  'unknown/not recorded/unborn', 'not stated/recorded (or unborn)', 'not stated > not stated', 'not stated/not known', 'to be confirmed',
  'case closed before ethnicity obtained', 'no initial client contact', 'ethnicity not stated',
  'gender unspecified', 'ns', 'unable to provide', 'requested and unable to provide',
];

/** Wordings that say the person would not say: stored as the list's `refused` code (ethnicity's REFU) where it has one. */
export const refusedWordings: readonly string[] = [
  'refused', 'refused to provide', 'declined', 'client declined', 'declined to give', 'declined to say', 'dtg', 'did not wish to reply',
  'not stated - did not wish to reply', 'no data (did not wish to reply)', 'prefer not to say', 'not divulged', 'withheld', 'not disclosed',
  'not stated - refused', 'not stated refused', 'not stated/refused', 'refused information', 'refused to disclose', 'refused to give',
  'refused to say', 'refused to specify', 'would not say', 'not declared', 'parent/pupil preferred not to say', 'client prefers not to say',
  'prefers not to say', 'preferred not to say',
  'unspecified - refused', 'acs client prefers not to say',
];
