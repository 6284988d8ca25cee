// Every code list of the contract, as data: code, official label, Annex A letter or number, and accepted variants.
// The forms a value takes (`RD1 - label`, `Indian [AIND]`, `a) Male`…) are in valueForms.ts; how they are read is in
// src/ingest/normalise/matchCode.ts, for all lists alike.
import { CodeList, type CodeGroup, type DefinedCodeList } from './defineDataset.js';
import { ethnicGroups, ethnicityCodes } from './ethnicityCodes.js';

type CodeInput = { code: string; label: string; letter?: string; number?: number; alsoNumbers?: number[]; variants?: string[]; altCodes?: string[]; spellings?: string[]; backgrounds?: string[] };
type ListExtras = { notKnown?: string; refused?: string; groups?: CodeGroup[]; localCodes?: boolean };

/** Parse a list at start-up, keeping its codes' literal names for the type checker (see `codesOf`). */
const list = <const C extends readonly CodeInput[]>(name: string, description: string, codes: C, extras: ListExtras = {}): DefinedCodeList<C[number]['code']> =>
  CodeList.parse({ name, description, codes, ...extras });

// Yes/no characteristics (disability, FFA): `not_known` keeps the record when the council does not know (a warning).
export const yesNo = list('yes_no', 'Yes, no or not known', [
  // The CIN census disability categories (AUT, HEAR…) mean "yes, disabled"; NONE is its "no disability".
  {
    code: 'yes', label: 'Yes', letter: 'a', number: 1, variants: ['y', 'true'],
    altCodes: ['AUT', 'BEH', 'COMM', 'CON', 'DDA', 'HAND', 'HEAR', 'INC', 'LD', 'MOB', 'PC', 'VIS'],
    spellings: [
      'Disability', 'Disabled', 'Autism', 'Asperger syndrome', 'Autism or Asperger syndrome', 'Diagnosed with autism or Asperger syndrome',
      'Behaviour', 'Communication', 'Consciousness', 'Hand function', 'Hearing', 'Incontinence', 'Learning', 'Learning disability', 'Mobility',
      'Personal care', 'Vision', 'Disabled under DDA', 'Disabled under DDA - No other', 'Other DDA',
      'Conciousness', 'Incontience',
    ],
  },
  { code: 'no', label: 'No', letter: 'b', number: 0, variants: ['n', 'false'], altCodes: ['NONE'], spellings: ['No disability', 'Not disabled'] },
  // The DfE's "not obtained" and "refused" codes, sent in a disability column, say it is not known.
  { code: 'not_known', label: 'Not known', variants: [], altCodes: ['NOBT', 'REFU'], spellings: ['Information not yet obtained'] },
], { notKnown: 'not_known' });

// DfE gender codes: 1 male, 2 female, 0 not known and 9 not stated (both the template's c); "neither" has no number.
export const gender = list('gender', 'Gender (Annex A)', [
  { code: 'male', label: 'Male', letter: 'a', number: 1, variants: ['m'] },
  { code: 'female', label: 'Female', letter: 'b', number: 2, variants: ['f'] },
  { code: 'not_stated', label: 'Not stated/recorded', letter: 'c', number: 0, alsoNumbers: [9], variants: ['not stated', 'not recorded'], spellings: ['Not stated/recorded (or unborn)'] },
  { code: 'neither', label: 'Neither', letter: 'd', variants: [], spellings: ['Non-binary', 'Non binary', 'Unable to classify'] },
], { notKnown: 'not_stated' });

// DfE main codes; the Annex A template letters them a) WBRI … r) OOTH, s) REFU and s) NOBT (see ethnicityCodes.ts).
export const ethnicity = list('ethnicity', 'Ethnicity (DfE 4-letter codes)', ethnicityCodes, { notKnown: 'NOBT', refused: 'REFU', groups: ethnicGroups, localCodes: true });

export const reversalReason = list('reversal_reason', 'Reason why the child should no longer be placed for adoption', [
  { code: 'RD1', label: "The child's needs changed subsequent to the decision", letter: 'a', variants: ["Child's needs changed", 'needs changed'], spellings: ["Child's needs changed subsequent to decision", "Child's needs changed subsequent to the decision"] },
  { code: 'RD2', label: 'The Court did not make a placement order', letter: 'b', variants: ['Court did not make placement order', 'no placement order'], spellings: ['Court did not make a PO', 'Court did not make a placement order', 'Court did not grant freeing order'] },
  { code: 'RD3', label: 'Prospective adopters could not be found', letter: 'c', variants: ['Adopters could not be found', 'no adopters found'], spellings: ['Prospective adopters cannot be found', 'Propsective adopters cannot be found'] },
  { code: 'RD4', label: 'Any other reason', letter: 'd', variants: ['Other reason', 'other'], spellings: ['Placement disruption'] },
]);

export const leftReason = list('left_reason', 'Reason for leaving the adoption process', [
  { code: 'withdrew', label: 'Withdrew', letter: 'a', number: 1, variants: ['withdrawn', 'self withdrew'], spellings: ['Adopter withdrew from process', 'Adopter withdrew'] },
  { code: 'on_hold', label: 'Process on hold', letter: 'b', number: 2, variants: ['on hold'], spellings: ['Process put on hold', 'Put on hold'] },
  { code: 'refused', label: 'Application refused', letter: 'c', number: 3, variants: ['not approved'], spellings: ['Refused'] },
]);

export const requester = list('requester', 'Who asked for adoption support', [
  { code: 'adoptive_parent', label: 'Adoptive parent' },
  { code: 'adopted_adult', label: 'Adopted adult' },
  { code: 'adopted_child', label: 'Adopted child or young person' },
  { code: 'birth_relative', label: 'Birth relative' },
  { code: 'special_guardian', label: 'Special guardian' },
  { code: 'prospective_adopter', label: 'Prospective adopter' },
  { code: 'professional', label: 'Professional' },
  { code: 'other', label: 'Other' },
]);

export const requestType = list('request_type', 'What kind of adoption support was asked for', [
  { code: 'assessment_of_need', label: 'Assessment of need' },
  { code: 'asf_application', label: 'Adoption Support Fund application', variants: ['ASF application', 'ASF'] },
  { code: 'access_to_records', label: 'Access to records', variants: ['Access to birth records', 'Records access'] },
  { code: 'birth_records_counselling', label: 'Birth records counselling', variants: ['Section 98 counselling'] },
  { code: 'contact_support', label: 'Contact support', variants: ['Letterbox contact'] },
  { code: 'peer_support', label: 'Peer support' },
  { code: 'therapeutic_support', label: 'Therapeutic support', variants: ['Therapy'] },
  { code: 'advice_information', label: 'Advice and information', variants: ['Advice & information', 'Advice'] },
  { code: 'training', label: 'Training' },
  { code: 'other', label: 'Other' },
]);

export const provider = list('provider', 'Who provided the service', [
  { code: 'in_house', label: 'In house', variants: ['RAA', 'In-house'] },
  { code: 'third_sector', label: 'Third sector', variants: ['Voluntary sector', 'Charity'] },
  { code: 'health', label: 'Health', variants: ['NHS'] },
  { code: 'education', label: 'Education', variants: ['School'] },
  { code: 'independent', label: 'Independent provider', variants: ['Independent', 'Private'] },
  { code: 'other', label: 'Other' },
]);

export const closureReason = list('closure_reason', 'Why the support request was closed', [
  { code: 'service_provided', label: 'Service provided' },
  { code: 'signposted', label: 'Signposted' },
  { code: 'no_further_action', label: 'No further action', variants: ['NFA'] },
  { code: 'withdrawn', label: 'Withdrawn' },
  { code: 'transferred', label: 'Transferred' },
  { code: 'other', label: 'Other' },
]);

export const concernSource = list('concern_source', 'Where the issue of concern came from', [
  { code: 'complaint', label: 'Complaint' },
  { code: 'allegation', label: 'Allegation' },
  { code: 'case_review', label: 'Case review', variants: ['MARP', 'Multi-Agency Resource Panel'] },
  { code: 'disruption_review', label: 'Disruption review', variants: ['Disruption meeting'] },
  { code: 'audit', label: 'Audit' },
  { code: 'panel', label: 'Panel feedback', variants: ['Panel'] },
  { code: 'staff', label: 'Staff' },
  { code: 'partner_agency', label: 'Partner agency' },
  { code: 'ofsted', label: 'Ofsted recommendation', variants: ['Ofsted'] },
  { code: 'service_user_feedback', label: 'Service user feedback', variants: ['Feedback'] },
  { code: 'other', label: 'Other' },
]);

export const concernCategory = list('concern_category', 'What the issue of concern is about', [
  { code: 'communication', label: 'Communication' },
  { code: 'delay', label: 'Delay' },
  { code: 'assessment_quality', label: 'Quality of assessment' },
  { code: 'support_network_overlooked', label: 'Support network overlooked' },
  { code: 'sibling_trauma_bond', label: 'Sibling trauma bond' },
  { code: 'early_disruption_indicators_missed', label: 'Early disruption indicators missed' },
  { code: 'life_story_work', label: 'Life story work' },
  { code: 'contact', label: 'Contact' },
  { code: 'records_access', label: 'Access to records' },
  { code: 'safeguarding', label: 'Safeguarding' },
  { code: 'matching', label: 'Matching' },
  { code: 'placement_stability', label: 'Placement stability' },
  { code: 'staffing', label: 'Staffing' },
  { code: 'other', label: 'Other' },
]);

export const concernSeverity = list('concern_severity', 'How serious the issue of concern is', [
  { code: 'low', label: 'Low', variants: ['l'] },
  { code: 'medium', label: 'Medium', variants: ['med'] },
  { code: 'high', label: 'High', variants: ['h'] },
]);

export const concernOutcome = list('concern_outcome', 'Outcome of the issue of concern', [
  { code: 'upheld', label: 'Upheld' },
  { code: 'partially_upheld', label: 'Partially upheld', variants: ['Partly upheld'] },
  { code: 'not_upheld', label: 'Not upheld' },
  { code: 'resolved', label: 'Resolved' },
  { code: 'referred_on', label: 'Referred on' },
  { code: 'withdrawn', label: 'Withdrawn' },
]);

export const learningDestination = list('learning_destination', 'Where learning was fed back to', [
  { code: 'recruitment', label: 'Recruitment' },
  { code: 'assessment', label: 'Assessment' },
  { code: 'family_finding', label: 'Family finding' },
  { code: 'matching', label: 'Matching' },
  { code: 'support', label: 'Adoption support', variants: ['Support'] },
  { code: 'training', label: 'Training' },
  { code: 'la_childrens_services', label: "LA children's services", variants: ['Childrens services', 'Local authority'] },
  { code: 'none', label: 'None' },
]);

export const team = list('team', 'RAA team', [
  { code: 'adoption_support', label: 'Adoption support' },
  { code: 'recruitment_assessment', label: 'Recruitment and assessment', variants: ['Recruitment & assessment'] },
  { code: 'family_finding', label: 'Family finding' },
  { code: 'duty', label: 'Duty' },
]);
