// The DfE's extended ethnicity codes (school census and CIN census), each under the main code it belongs to. A value
// giving an extended code is stored as its main code; one naming an extended background by its label is too, with a
// warning when the main code is a group's "any other" code (the background has no DfE main code of its own).
export interface ExtendedEthnicity {
  code: string;
  label: string;
  main: string;
}

const under = (main: string, entries: [code: string, label: string][]): ExtendedEthnicity[] => entries.map(([code, label]) => ({ code, label, main }));

export const extendedEthnicity: readonly ExtendedEthnicity[] = [
  ...under('WBRI', [['WCOR', 'Cornish'], ['WENG', 'English'], ['WSCO', 'Scottish'], ['WWEL', 'Welsh'], ['WOWB', 'Other White British']]),
  ...under('WOTH', [
    ['WALB', 'Albanian'], ['WBOS', 'Bosnian-Herzegovinian'], ['WCRO', 'Croatian'], ['WGRE', 'Greek/Greek Cypriot'], ['WGRK', 'Greek'],
    ['WGRC', 'Greek Cypriot'], ['WITA', 'Italian'], ['WKOS', 'Kosovan'], ['WPOR', 'Portuguese'], ['WSER', 'Serbian'],
    ['WTUR', 'Turkish/Turkish Cypriot'], ['WTUK', 'Turkish'], ['WTUC', 'Turkish Cypriot'], ['WEUR', 'White European'],
    ['WEEU', 'White Eastern European'], ['WWEU', 'White Western European'], ['WOTW', 'White other'],
  ]),
  ...under('WROM', [['WROG', 'Gypsy'], ['WROR', 'Roma'], ['WROO', 'Other Gypsy/Roma']]),
  ...under('MWAS', [['MWAP', 'White and Pakistani'], ['MWAI', 'White and Indian'], ['MWAO', 'White and any other Asian background']]),
  ...under('MOTH', [
    ['MAOE', 'Asian and any other ethnic group'], ['MABL', 'Asian and Black'], ['MACH', 'Asian and Chinese'],
    ['MBOE', 'Black and any other ethnic group'], ['MBCH', 'Black and Chinese'], ['MCOE', 'Chinese and any other ethnic group'],
    ['MWOE', 'White and any other ethnic group'], ['MWCH', 'White and Chinese'], ['MOTM', 'Other mixed background'],
  ]),
  ...under('APKN', [['AMPK', 'Mirpuri Pakistani'], ['AKPA', 'Kashmiri Pakistani'], ['AOPK', 'Other Pakistani']]),
  ...under('AOTH', [
    ['AAFR', 'African Asian'], ['AKAO', 'Kashmiri other'], ['ANEP', 'Nepali'], ['ASNL', 'Sri Lankan Sinhalese'],
    ['ASLT', 'Sri Lankan Tamil'], ['ASRO', 'Sri Lankan other'], ['AOTA', 'Other Asian'],
  ]),
  ...under('BAFR', [
    ['BANN', 'Angolan'], ['BCON', 'Congolese'], ['BGHA', 'Ghanaian'], ['BNGN', 'Nigerian'], ['BSLN', 'Sierra Leonean'],
    ['BSOM', 'Somali'], ['BSUD', 'Sudanese'], ['BAOF', 'Other Black African'],
  ]),
  ...under('BOTH', [['BEUR', 'Black European'], ['BNAM', 'Black North American'], ['BOTB', 'Other Black']]),
  ...under('CHNE', [['CHKC', 'Hong Kong Chinese'], ['CMAL', 'Malaysian Chinese'], ['CSNG', 'Singaporean Chinese'], ['CTWN', 'Taiwanese'], ['COCH', 'Other Chinese']]),
  ...under('OOTH', [
    ['OAFG', 'Afghan'], ['OARA', 'Arab other'], ['OEGY', 'Egyptian'], ['OFIL', 'Filipino'], ['OIRN', 'Iranian'], ['OIRQ', 'Iraqi'],
    ['OJPN', 'Japanese'], ['OKOR', 'Korean'], ['OKRD', 'Kurdish'], ['OLAM', 'Latin/South/Central American'], ['OLEB', 'Lebanese'],
    ['OLIB', 'Libyan'], ['OMAL', 'Malay'], ['OMRC', 'Moroccan'], ['OPOL', 'Polynesian'], ['OTHA', 'Thai'], ['OVIE', 'Vietnamese'],
    ['OYEM', 'Yemeni'], ['OOEG', 'Other ethnic group'],
  ]),
];

/**
 * Extended labels that are the "any other" category itself (`White other`, `Other Asian`), not a narrower background:
 * naming one is naming the main code, so no warning.
 */
export const anyOtherExtended: readonly string[] = ['WOTW', 'MOTM', 'AOTA', 'BOTB', 'OOEG', 'WROO', 'AOPK', 'COCH', 'BAOF', 'WOWB'];
