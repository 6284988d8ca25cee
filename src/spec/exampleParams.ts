// Example parameters for every rule code, so the specification can show each message as a data officer would read it.
import { adopters, children, codeLists, concerns, support, workforce, type Dataset } from '../../schemas/index.js';
import type { MessageParams, RuleCode } from '../diagnostics/rules.js';

/** The official header of a field; a field that no longer exists fails the spec build, not the reader. */
function header(dataset: Dataset, field: string): string {
  const column = dataset.columns.find((c) => c.field === field);
  if (!column) throw new Error(`exampleParams: ${dataset.name} has no field "${field}"`);
  return column.header;
}

export const exampleParams: Record<RuleCode, MessageParams> = {
  'file.unreadable': { detail: 'permission denied' },
  'file.empty': {},
  'file.not_csv': { detail: 'an Excel workbook (.xlsx)' },
  'file.binary': { limit: 12 },
  'file.encoding': { detail: 'its bytes are not UTF-8, UTF-16 or Windows-1252' },
  'file.unterminated_quote': {},
  'file.line_too_long': { limit: '1,048,576' },
  'file.parse': { detail: 'a quote appears in the middle of an unquoted value' },
  'file.no_rows': {},
  'file.held': { count: 30, total: 120, share: '25%', limit: '20%' },
  'file.workbook_legacy': { detail: 'an Excel 97–2003 workbook (.xls)' },
  'file.workbook_protected': {},
  'file.workbook_damaged': { detail: 'the file ends part-way through its zip archive' },
  'file.workbook_too_large': { detail: 'sheet "List 10" has more than 200,000 rows, counting formatted empty ones' },
  'file.workbook_no_sheet': { detail: 'sheets List 1 to List 9 have no dataset header row' },
  'file.formula_no_value': { count: 3, detail: 'K12' },
  'header.unrecognised': { nearest: children.name, missing: [header(children, 'adm_decision_date')], extra: ['Child name'] },
  'header.ambiguous': { accepted: [children.name, adopters.name] },
  'header.missing_required': { header: header(children, 'entered_care') },
  'header.duplicate': { header: header(children, 'gender'), otherHeader: 'GENDER' },
  'header.unknown_column': { header: 'Child name' },
  'header.missing_optional': { header: header(children, 'ffa_placed_date') },
  'row.field_count': { count: 17, total: children.columns.length },
  'required.missing': { header: header(children, 'child_id'), value: null },
  'required.not_known': { header: header(children, 'gender'), value: 'Not known' },
  'text.control': { header: header(support, 'request_id'), value: 'S-1043\u001B', detail: '\\u001B' },
  'text.too_long': { header: header(children, 'child_id'), count: 64, limit: 50 },
  'date.format': { header: header(children, 'dob'), value: 'spring 2019' },
  'date.two_digit_year': { header: header(children, 'entered_care'), value: '03/04/19' },
  'date.impossible': { header: header(children, 'placed_date'), value: '31/02/2025', detail: 'February 2025 has 28 days' },
  'date.us_order': { header: header(children, 'matched_date'), value: '12/31/2024', detail: 'a month part of 31' },
  'date.future': { header: header(children, 'placed_date'), value: '03/05/2025', limit: '30/04/2025' },
  'date.too_early': { header: header(children, 'dob'), value: '01/01/1890' },
  'number.format': { header: header(children, 'age'), value: 'three', detail: 'a whole number' },
  'number.range': { header: header(adopters, 'children_placed'), value: '12', detail: '0 to 10' },
  'money.format': { header: header(support, 'asf_amount'), value: '£1.234,50' },
  'month.format': { header: header(workforce, 'month'), value: 'April 2025' },
  'code.unknown': { header: header(children, 'gender'), value: 'Femail', accepted: codeLists.gender.codes.map((c) => c.code), options: codeLists.gender.codes.map((c) => `${c.code} (${c.label})`), suggestion: 'female (Female)' },
  'code.ambiguous': { header: header(children, 'ethnicity'), value: 'WBRI - White Irish', options: ['WBRI (White British)', 'WIRI (White Irish)'] },
  'code.not_known': { header: header(children, 'disability'), value: 'Unknown', code: 'not_known (Not known)' },
  'code.inferred': { header: header(children, 'ethnicity'), value: 'White - Albanian', detail: 'background', code: 'WOTH (Any other White background)', options: ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM'] },
  'code.letter_mismatch': { header: header(children, 'ethnicity'), value: 'b) White British', options: ['WIRI (White Irish)'], code: 'WBRI (White British)' },
  'key.duplicate': { detail: header(concerns, 'concern_id'), firstLine: 14 },
  'chronology.order': {
    header: header(children, 'placed_date'), value: '01/03/2025',
    otherHeader: header(children, 'matched_date'), otherValue: '15/03/2025',
  },
  'rule.together': { header: header(children, 'reversal_date'), value: '02/02/2025', otherHeader: header(children, 'reversal_reason') },
  'rule.needs': { header: header(adopters, 'stage1_end'), value: '10/01/2025', otherHeader: header(adopters, 'stage1_start') },
  'rule.required_when': { header: header(support, 'closure_reason'), otherHeader: header(support, 'closed_date'), otherValue: '28/02/2025' },
  'rule.at_least': { header: header(adopters, 'children_placed'), value: '0', otherHeader: header(adopters, 'placed_date'), limit: 1 },
  'rule.over_cap': { header: header(support, 'asf_amount'), value: '4500.00', limit: '3,000' },
  'age.mismatch': { header: header(children, 'age'), value: '5', otherValue: '01/06/2022', detail: '2' },
  'cross.related_missing': { header: header(concerns, 'related_id'), value: 'C999' },
  'cross.immutable_changed': { header: header(children, 'dob'), value: '01/05/2019', otherValue: '01/04/2019' },
  'cross.vanished': { count: 3, detail: 'C102, C117, C230' },
  'cross.row_swing': { count: 40, total: 120, share: '−67%' },
};
