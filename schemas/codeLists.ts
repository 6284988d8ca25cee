// Every code list of the contract, as data: code, official label, Annex A letter or number, and accepted variants.
// Matching rules (case, punctuation, `RD1 - label` combinations) live in src/ingest/matchCode.ts and apply to all lists alike.
import { CodeList } from './defineDataset.js';

const list = (name: string, description: string, codes: CodeList['codes'] | { code: string; label: string; letter?: string; number?: number; variants?: string[] }[]) =>
  CodeList.parse({ name, description, codes });

/** Letters a, b, c… assigned in list order (the Annex A template's lettered options). */
const lettered = <T extends object>(items: T[]) => items.map((it, i) => ({ ...it, letter: String.fromCharCode(97 + i) }));

// Yes/no characteristics (disability, FFA): `not_known` keeps the record when the council does not know (a warning).
export const yesNo = list('yes_no', 'Yes, no or not known', [
  { code: 'yes', label: 'Yes', letter: 'a', number: 1, variants: ['y', 'true'] },
  { code: 'no', label: 'No', letter: 'b', number: 0, variants: ['n', 'false'] },
  { code: 'not_known', label: 'Not known', variants: [] },
]);

export const gender = list('gender', 'Gender (Annex A)', [
  { code: 'male', label: 'Male', letter: 'a', number: 1, variants: ['m'] },
  { code: 'female', label: 'Female', letter: 'b', number: 2, variants: ['f'] },
  { code: 'not_stated', label: 'Not stated/recorded', letter: 'c', number: 3, variants: ['not stated', 'not recorded', 'unknown'] },
  { code: 'neither', label: 'Neither', letter: 'd', number: 4, variants: [] },
]);

// The spec says the Annex A template letters these `a) WBRI` … `s) NOBT`, but lists 20 codes; letters here run a–t in list order.
export const ethnicity = list('ethnicity', 'Ethnicity (DfE 4-letter codes)', lettered([
  { code: 'WBRI', label: 'White British' },
  { code: 'WIRI', label: 'White Irish' },
  { code: 'WIRT', label: 'Traveller of Irish heritage' },
  { code: 'WOTH', label: 'Any other White background' },
  { code: 'WROM', label: 'Gypsy/Roma' },
  { code: 'MWBC', label: 'White and Black Caribbean' },
  { code: 'MWBA', label: 'White and Black African' },
  { code: 'MWAS', label: 'White and Asian' },
  { code: 'MOTH', label: 'Any other mixed background' },
  { code: 'AIND', label: 'Indian' },
  { code: 'APKN', label: 'Pakistani' },
  { code: 'ABAN', label: 'Bangladeshi' },
  { code: 'AOTH', label: 'Any other Asian background' },
  { code: 'BCRB', label: 'Black Caribbean' },
  { code: 'BAFR', label: 'Black African' },
  { code: 'BOTH', label: 'Any other Black background' },
  { code: 'CHNE', label: 'Chinese' },
  { code: 'OOTH', label: 'Any other ethnic group' },
  { code: 'REFU', label: 'Refused' },
  { code: 'NOBT', label: 'Information not yet obtained' },
]));

export const reversalReason = list('reversal_reason', 'Reason why the child should no longer be placed for adoption', [
  { code: 'RD1', label: "The child's needs changed subsequent to the decision", letter: 'a', variants: ["Child's needs changed", 'needs changed'] },
  { code: 'RD2', label: 'The Court did not make a placement order', letter: 'b', variants: ['Court did not make placement order', 'no placement order'] },
  { code: 'RD3', label: 'Prospective adopters could not be found', letter: 'c', variants: ['Adopters could not be found', 'no adopters found'] },
  { code: 'RD4', label: 'Any other reason', letter: 'd', variants: ['Other reason', 'other'] },
]);

export const leftReason = list('left_reason', 'Reason for leaving the adoption process', [
  { code: 'withdrew', label: 'Withdrew', letter: 'a', number: 1, variants: ['withdrawn', 'self withdrew'] },
  { code: 'on_hold', label: 'Process on hold', letter: 'b', number: 2, variants: ['on hold'] },
  { code: 'refused', label: 'Application refused', letter: 'c', number: 3, variants: ['not approved'] },
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
