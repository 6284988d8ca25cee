// The header rows of the Ofsted Annex A template's Lists 1 to 9 (the local authority's children's social care lists:
// contacts, early help, referrals, assessments, section 47 enquiries, children in need, child protection, children
// looked after, care leavers). An adoption agency holds none of them: `raa annex-a` writes each as the template has
// it, header row only, so the workbook has the template's sheets in its order; and a partner's workbook sheet with one
// of these header rows is named as that list, not read, rather than as a sheet with no header. Spelled as the
// template (Annex A, January 2024) spells them.
export const annexAOtherLists: readonly { sheet: string; headers: readonly string[] }[] = [
  { sheet: 'List 1', headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Date of Contact', 'Contact Source'] },
  { sheet: 'List 2', headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Assessment start date', 'Assessment completion date', 'Organisation completing assessment'] },
  {
    sheet: 'List 3',
    headers: ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Date of Referral', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months', 'Allocated Team', 'Allocated Worker'],
  },
  {
    sheet: 'List 4',
    headers: [
      'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'Continuous Assessment Start Date', 'Child Seen During Continuous Assessment',
      'Continuous Assessment Date of Authorisation', "Was the child assessed as requiring LA children's social care support?", 'Allocated Team', 'Allocated Worker',
    ],
  },
  {
    sheet: 'List 5',
    headers: [
      'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'Strategy discussion initiating Section 47 Enquiry Start Date',
      'Was an Initial Child Protection Conference deemed unnecessary?', 'Date of Initial Child Protection Conference', 'Did the Initial Child Protection Conference Result in a Child Protection Plan',
      'Number of Section 47 Enquiries in the last 12 months', 'Number of ICPCs in the last 12 months', 'Allocated Team', 'Allocated Worker',
    ],
  },
  {
    sheet: 'List 6',
    headers: [
      'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'CIN Start Date', 'Primary Need Code', 'Date Child Was Last Seen', 'CIN Closure Date',
      'Reason for Closure', 'Case Status', 'Allocated Team', 'Allocated Worker',
    ],
  },
  {
    sheet: 'List 7',
    headers: [
      'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Does the Child have a Disability', 'Child Protection Plan Start Date', 'Initial Category of Abuse', 'Latest Category of Abuse',
      'Date of the Last Statutory Visit', 'Was the Child Seen Alone?', 'Date of latest review conference', 'Child Protection Plan End Date',
      'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)', 'Number of Previous Child Protection Plans', 'Allocated Team', 'Allocated Worker',
    ],
  },
  {
    sheet: 'List 8',
    headers: [
      'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))', 'Does the Child have a Disability',
      'Date Started to be Looked After', "Child's Category of Need", 'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
      'Start date of current legal status', "Child's Legal Status", 'Date of Latest Statutory Review', 'Date of Last Social Work Visit', 'What is the permanence plan for this child?',
      'Date of Last IRO Visit / Contact to the Child', 'Date of Last Health Assessment', 'Date of Last Dental Check', 'Number of Placements in the Last 12 months', 'Date Ceased to be Looked After',
      'Reason Ceased to be Looked After', 'Start Date of Most Recent Placement', 'Placement Type', 'Placement Provider', 'Placement postcode', 'URN of Placement', 'Placement Location', 'LA of Placement',
      'Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months', 'Number of Episodes the Child has been ‘Absent’ from their Placement in the last 12 months',
      'Was the child offered a Return Interview after their last missing episode (Y/N)?', 'Did the child accept a Return Interview after their last missing episode (Y/N)?', 'Allocated Team', 'Allocated Worker',
    ],
  },
  {
    sheet: 'List 9',
    headers: [
      'Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age', 'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)', 'Does the Child have a Disability',
      'Allocated Team', 'Allocated Worker', 'Allocated Personal Advisor', 'Eligibility Category', 'Latest Pathway Plan Review Date', 'LA in Touch', 'Latest Date of Contact', 'Type of Accommodation',
      'Suitability of Accommodation', 'Activity Status',
    ],
  },
];

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The Annex A list (1 to 9) whose header row `cells` begins with, or null. */
export function otherAnnexAList(cells: readonly string[]): string | null {
  const row = cells.map(norm);
  const found = annexAOtherLists.find((l) => l.headers.every((h, i) => row[i] === norm(h)));
  return found?.sheet ?? null;
}
