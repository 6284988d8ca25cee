// Nationalities and peoples councils write after an ethnic group (`White - Polish`, `Black - Eritrean`). None has a
// DfE code of its own, so after a group's name one is recorded as the group's "any other" code, with a warning that it
// was inferred; without a group it says nothing certain about the ethnic group, and is a diagnostic.
// (Those with a DfE extended code, such as Albanian or Somali, are in extendedEthnicity.ts.)
export const backgroundNames: readonly string[] = [
  'Algerian', 'Bosnian', 'Bulgarian', 'Caucasian', 'Cypriot', 'Cypriot (part not stated)', 'Czech', 'Danish', 'Dutch', 'Eastern European',
  'Estonian', 'European', 'Western European', 'Other European', 'Finnish', 'French', 'German', 'Hungarian', 'Latvian', 'Lithuanian',
  'Polish', 'Polish or other Eastern European', 'Romanian', 'Russian', 'Scandinavian', 'Slovakian', 'Slovak', 'Spanish', 'Swedish', 'Ukrainian',
  'Former Yugoslav republics', 'All republics which made up the former USSR', 'Other republics which made up the former Yugoslavia',
  'North American', 'Jewish', 'Jersey',
  'Eritrean', 'Ethiopian', 'Gambian', 'Kenyan', 'Zimbabwean', 'Zairean', 'Cameroon', 'Cameroonian', 'Liberian', 'Senegalese',
  'Sierra Leonian', 'South African', 'Swazi', 'Tanzanian', 'Burkina Fasian', 'Ugandan', 'Ghanian', 'Jamaican', 'Guyanese', 'Barbadian',
  'Kashmiri', 'Punjabi', 'Sri Lankan', 'Tamil', 'Sinhalese', 'East African Asian', 'Caribbean Asian', 'Mauritian', 'Mixed Asian', 'Sikh',
  'Syrian', 'Iranian', 'Iraqi', 'Vietnamese', 'Filipino', 'Kurdish', 'South American', 'Central American', 'Cambodian',
  // misspelt or cut short as councils' systems hold them
  'Scandanavian', 'Westernt European', 'Bosnian-Herzegovinia', 'Greek/G Cypriot', 'Turkish/T Cypriot',
  // two heritages within the Black group, or, after Mixed, a mixed background with no DfE code of its own
  'African and Caribbean', 'Black African and Caribbean',
];
