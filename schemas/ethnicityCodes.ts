// The DfE ethnicity list as councils write it: main codes with the template's letters, older CIN codes, the DfE's
// extended codes, the wording councils send, and the five ethnic groups with the names councils give them.
// Spellings are derived from what London councils were seen to send, as collected in the London Innovation and
// Improvement Alliance's Annex A configuration (SocialFinanceDigitalLabs/liia-tools-pipeline,
// liiatools/annex_a_pipeline/spec/Annex_A_schema.yml, MIT licence); each is recorded here under the DfE code it means.
import type { CodeGroup } from './defineDataset.js';
import { anyOtherExtended, extendedEthnicity } from './extendedEthnicity.js';

interface EthnicityInput {
  code: string;
  label: string;
  letter: string;
  /** The older CIN census code (`A1`). */
  cin?: string;
  variants?: string[];
  spellings?: string[];
  /** Backgrounds without a DfE code, even an extended one, that the DfE files under this code. */
  backgrounds?: string[];
}

// The Annex A template letters the options a) WBRI … r) OOTH, then s) for both REFU and NOBT: a bare `s)` names neither.
const main: EthnicityInput[] = [
  { code: 'WBRI', label: 'White British', letter: 'a', cin: 'A1', spellings: ['White - British', 'White English', 'White Scottish', 'English/Welsh/Scottish/Northern Irish/British', 'White - English/Welsh/Scottish/Northern Irish/British'] },
  { code: 'WIRI', label: 'White Irish', letter: 'b', cin: 'A2', spellings: ['White - Irish', 'Irish'] },
  { code: 'WIRT', label: 'Traveller of Irish heritage', letter: 'c', cin: 'A4', spellings: ['White - Traveller of Irish heritage', 'Irish Traveller', 'White Irish Traveller', 'Traveller or Irish heritage', 'Travellers of Irish heritage', 'Traveller - Irish heritage', 'Traveller: Irish heritage', 'Gypsy or Irish Traveller'] },
  { code: 'WOTH', label: 'Any other White background', letter: 'd', cin: 'A3', spellings: ['Any other White', 'Other White background', 'White other', 'Other White', 'White any other background', 'White - Any other White background', 'Other white, white unspecified', 'White - Other White European, European unspecified, European mixed', 'Other White European, European unspecified, European mixed', 'White European, European unspecified, European mixed', 'Mixed white', 'Any Oth White bground', 'Any other White backgro', "White Eastern Euro'n", 'White European, European unspecified, European mxd'] },
  { code: 'WROM', label: 'Gypsy/Roma', letter: 'e', cin: 'A5', spellings: ['Gypsy or Roma', 'Gypsy Roma', 'Gypsy/Romany', 'Gypsy Romany', 'Gyspy/Roma', 'White - Gypsy/Roma'] },
  { code: 'MWBC', label: 'White and Black Caribbean', letter: 'f', cin: 'B1', spellings: ['Mixed - White and Black Caribbean', 'White & Black Caribb', 'White/Black Caribbean', 'White/Black Carib', 'White/Black Carribbean', 'White and Black Carribean', 'White/Caribbean', 'White/Black Carribbea', 'Black Caribbean and White', 'White and Black Caribbean (Mixed Race)'] },
  { code: 'MWBA', label: 'White and Black African', letter: 'g', cin: 'B2', spellings: ['Mixed - White and Black African', 'White/Black African', 'White/ Black African', 'Black African and White', 'White and Black African (Mixed Race)'] },
  { code: 'MWAS', label: 'White and Asian', letter: 'h', cin: 'B3', spellings: ['Mixed - White and Asian', 'White/Asian', 'Asian and White', 'White and Asian (Mixed Race)'] },
  { code: 'MOTH', label: 'Any other mixed background', letter: 'i', cin: 'B4', spellings: ['Any other mixed', 'Other mixed background', 'Any other mixed heritage', 'Any other dual heritage background', 'Any other mixed/multiple ethnic background', 'Mixed other', 'Mixed - other', 'Other mixed, mixed unspecified', 'Mixed race other', 'Any Oth Mixed bground', 'Any other Mixed backgroun', 'Mixed any other background', 'Mixed - Any other Mix background', 'Any other mixed/Multople ethnic background'], backgrounds: ['White and other', 'Asian and other ethnicity', 'Black and other ethnicity', 'Chinese and other ethnicity'] },
  { code: 'AIND', label: 'Indian', letter: 'j', cin: 'C1', spellings: ['Asian - Indian', 'Indian or British Indian', 'Asian Indian'] },
  { code: 'APKN', label: 'Pakistani', letter: 'k', cin: 'C2', spellings: ['Asian - Pakistani', 'Pakistani or British Pakistani', 'Asian Pakistani', 'British-Pakistani', 'British Pakistani'], backgrounds: ['Kashmiri Pakistan'] },
  { code: 'ABAN', label: 'Bangladeshi', letter: 'l', cin: 'C3', spellings: ['Asian - Bangladeshi', 'Bangladeshi or British Bangladeshi', 'Bangladesh', 'Bangaldeshi'] },
  { code: 'AOTH', label: 'Any other Asian background', letter: 'm', cin: 'C4', spellings: ['Any other Asian', 'Other Asian background', 'Any other Asian heritage', 'Asian other', 'Asian any other background', 'Other Asian, Asian unspecified', 'Any Oth Asian bground', 'Any other Asian backgro', 'Any other Asian bg'], backgrounds: ['Sri Lanken Tamil'] },
  { code: 'BCRB', label: 'Black Caribbean', letter: 'n', cin: 'D1', spellings: ['Black - Caribbean', 'Black Carribean', 'Caribbean', 'Carribean', 'Bac'] },
  { code: 'BAFR', label: 'Black African', letter: 'o', cin: 'D2', spellings: ['Black - African', 'Black African other', 'African', 'Any other Black African background'], backgrounds: ['Somalian'] },
  { code: 'BOTH', label: 'Any other Black background', letter: 'p', cin: 'D3', spellings: ['Any other Black', 'Other Black background', 'Any other Black heritage', 'Black other', 'Black any other background', 'Other Black, Black unspecified', 'Any other Black/African/Caribbean background', 'Mixed Black', 'Any other Bl bgrn', 'Any other Black or African or Caribbean background', 'Any other Bl b/grn'] },
  { code: 'CHNE', label: 'Chinese', letter: 'q', cin: 'E1', spellings: ['Chinese Main Land Chinese', 'Mainland Chinese'], backgrounds: ['Malasian Chinese'] },
  { code: 'OOTH', label: 'Any other ethnic group', letter: 'r', cin: 'E2', spellings: ['Any other ethnic background', 'Any other ethnic groups', 'Other ethnic background', 'Any other group', 'Other group', 'Any other ethnicity'], backgrounds: ['Arab', 'Afghani', 'Other Arab', 'Arab other', 'Afghanistani', 'Iraq', 'Kurdish Sorani'] },
  { code: 'REFU', label: 'Refused', letter: 's', cin: 'E3', spellings: ['Refused to provide'] },
  { code: 'NOBT', label: 'Information not yet obtained', letter: 's', cin: 'E4', spellings: ['Information not yet available', 'Info not yet obtained', 'Info not obtained'] },
];

const extendedOf = (code: string) => extendedEthnicity.filter((e) => e.main === code);

/** A mixed background the other way round (`Black Caribbean and White` for `White and Black Caribbean`). */
const reversed = (label: string): string[] => {
  const m = /^(.+?) and (.+)$/i.exec(label);
  return m && !/any other/i.test(label) ? [`${m[2] ?? ''} and ${m[1] ?? ''}`] : [];
};

export const ethnicityCodes = main.map((m) => {
  const mixed = m.code.startsWith('M');
  const ext = extendedOf(m.code);
  const narrower = ext.filter((e) => !anyOtherExtended.includes(e.code)).map((e) => e.label);
  return {
    code: m.code,
    label: m.label,
    letter: m.letter,
    variants: m.variants ?? [],
    altCodes: [...(m.cin ? [m.cin] : []), ...ext.map((e) => e.code)],
    // An extended label that is the "any other" category itself names the main code; the others are narrower backgrounds.
    spellings: [...(m.spellings ?? []), ...ext.filter((e) => anyOtherExtended.includes(e.code)).map((e) => e.label), ...(mixed ? reversed(m.label) : [])],
    backgrounds: [...narrower, ...(mixed ? narrower.flatMap(reversed) : []), ...(m.backgrounds ?? [])],
  };
});

/** The five ethnic groups, as councils name them. Wordings name an option only after the group's name (`Black - Caribbean`). */
export const ethnicGroups: CodeGroup[] = [
  {
    name: 'White', codes: ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM'], anyOther: 'WOTH',
    names: ['White'],
    wordings: { WBRI: ['British', 'Other British', 'Northern Irish'], WIRI: ['Irish'], WIRT: ['Traveller', 'Irish Traveller', 'Traveller of Irish heritage'], WROM: ['Gypsy/Roma', 'Gypsy or Roma', 'Romany', 'Gypsy/Romany'] },
  },
  {
    name: 'Mixed', codes: ['MWBC', 'MWBA', 'MWAS', 'MOTH'], anyOther: 'MOTH',
    names: ['Mixed', 'Mixed/Multiple', 'Mixed/Multiple ethnic groups', 'Mixed/Multiple ethnic group', 'Mixed/Multiple ethic groups', 'Mixed race', 'Dual heritage', 'Mixed/Dual heritage', 'Dual', 'Mixed multiple ethnic background',
      // Black and White heritage says the group and no more: it is White and Black Caribbean or White and Black African.
      'Black and White'],
    wordings: { MWBC: ['White + Black Caribbean', 'White & Black Caribbean'], MWBA: ['White + Black African', 'White & Black African'], MWAS: ['White + Asian', 'White & Asian'] },
  },
  {
    name: 'Asian or Asian British', codes: ['AIND', 'APKN', 'ABAN', 'AOTH'], anyOther: 'AOTH',
    names: ['Asian', 'Asian or Asian British', 'Asian/Asian British', 'Asian/Brit', 'Asian/Asian Brit', 'Asian/Asian Bri', 'Asian/Asian Bristish', 'Asian/Brit.Asian', 'Asian or Asian-British', 'Asian/A Brit', 'British Asian', 'Asian British', 'Asian - British'],
    wordings: { AOTH: ['Oth', 'Other Asian'] },
  },
  {
    name: 'Black or Black British', codes: ['BCRB', 'BAFR', 'BOTH'], anyOther: 'BOTH',
    names: ['Black', 'Black or Black British', 'Black/Black British', 'Black/Black Brit', 'Black/Brit', 'Black or Black-British', 'Black British', 'Black/African/Caribbean/Black British', 'Black/Black British/African/Caribbean'],
    // A Caribbean country after the Black group, or after `Bac` (Black Caribbean, as one council's system abbreviates
    // it: `Bac - Jamaica`), is Black Caribbean; alone it names no group.
    wordings: { BCRB: ['Caribbean', 'Carribean', 'West Indian', 'Jamaica', 'Guyana', 'Barbados', 'Antigua and Barbuda', 'Bahamas', 'Dominica', 'Grenada', 'Montserrat', 'St Kitts and St Nevis', 'St Kitts and Nevis', 'St Vincent and Grenadines', 'St Vincent and the Grenadines', 'Trinidad and Tobago'], BAFR: ['African'], BOTH: ['Oth Black', 'Other Black'] },
  },
  {
    name: 'Other ethnic group', codes: ['CHNE', 'OOTH'], anyOther: 'OOTH',
    names: ['Other ethnic group', 'Other ethnic groups', 'Chinese or other ethnic group', 'Other Eth. Grp', 'Other Eth Groups', 'Other Eth Grp', 'Other', 'Any other ethnic group', 'Other ethnic'],
    wordings: { OOTH: ['Any other group'] },
  },
];

/** Wordings that, after a group's name, mean the group's "any other" code (`White - Other`, `Mixed any other background`). */
export const otherWordings: readonly string[] = ['other', 'any other', 'other background', 'any other background', 'others', 'oth', 'other unspecified', 'unspecified', 'other cultural background'];
