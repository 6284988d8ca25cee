// The catalogue: every rule code, its default severity, and the message a council data officer reads.
// Tests and the published specification use these functions; no message text is written anywhere else.
import type { RowRule } from '../../schemas/index.js';
import type { Severity } from './Diagnostic.js';

/** What a message may refer to. Every field is optional; each rule uses the ones it needs. */
export interface MessageParams {
  header?: string | null;
  value?: string | null;
  /** Rule-specific details. */
  accepted?: string[];
  otherHeader?: string;
  otherValue?: string;
  firstLine?: number;
  limit?: string | number;
  detail?: string;
  nearest?: string;
  /** Options as `code (label)`: those accepted, or those a value names. */
  options?: string[];
  /** The option a mistyped value most likely meant, as `code (label)`. */
  suggestion?: string;
  /** The code recorded, as `code (label)`. */
  code?: string;
  missing?: string[];
  extra?: string[];
  count?: number;
  total?: number;
  share?: string;
  period?: string;
}

interface RuleDef {
  severity: Severity;
  /** One line for the published specification. */
  summary: string;
  message: (p: MessageParams) => string;
}

const q = (v: string | null | undefined) => (v == null ? '(empty)' : `"${v}"`);
const h = (p: MessageParams) => (p.header ? `"${p.header}"` : 'this column');
const list = (xs: string[] | undefined, max = 12) => {
  const items = xs ?? [];
  return items.length > max ? `${items.slice(0, max).join(', ')} … (${items.length} in all)` : items.join(', ');
};

const catalogue = {
  // ── the file as a whole ──────────────────────────────────────────────
  'file.unreadable': {
    severity: 'file_error',
    summary: 'The file could not be opened.',
    message: (p) => `The file could not be read (${p.detail ?? 'unknown reason'}). Check the path and permissions, or ask for the file to be sent again.`,
  },
  'file.empty': {
    severity: 'file_error',
    summary: 'The file is empty or has only blank lines.',
    message: () => 'The file is empty. Please send the extract again with its header row and data.',
  },
  'file.not_csv': {
    severity: 'file_error',
    summary: 'The file is a spreadsheet, document or archive, not a CSV text file.',
    message: (p) => `This is ${p.detail ?? 'not a CSV file'}, not a CSV file. Please open it in Excel and use "Save As" → "CSV UTF-8 (Comma delimited)", then send that file.`,
  },
  'file.binary': {
    severity: 'file_error',
    summary: 'The file contains binary data (NUL bytes) and is not a text file.',
    message: (p) => `The file contains binary data (a NUL byte near line ${p.limit ?? '?'}), so it is not a CSV text file or it was damaged in transfer. Please export the extract again as CSV.`,
  },
  'file.encoding': {
    severity: 'file_error',
    summary: 'The bytes are not valid in any accepted encoding (UTF-8, UTF-16, Windows-1252).',
    message: (p) => `The file's text could not be decoded: ${p.detail ?? 'it is in an unknown encoding'}. Please save it as "CSV UTF-8" and send it again.`,
  },
  'file.unterminated_quote': {
    severity: 'file_error',
    summary: 'A quoted value is never closed: the file is cut short or a quote is stray.',
    message: () => 'A value that starts with a double quote (") here is never closed, so the rest of the file cannot be read. The file may have been cut short while being written; please check the value on this line and send the complete file again.',
  },
  'file.line_too_long': {
    severity: 'file_error',
    summary: 'A single record is longer than the limit (1 MB): usually not a CSV, or a broken quote.',
    message: (p) => `A record starting here is longer than ${p.limit ?? 'the limit'} characters, which no extract row should be. The file is probably not a CSV, or a stray quote joins many lines; please export it again.`,
  },
  'file.parse': {
    severity: 'file_error',
    summary: 'The CSV structure could not be read reliably.',
    message: (p) => `The file could not be read as a CSV: ${p.detail ?? 'its structure is inconsistent'}. Please export it again from the source system as CSV.`,
  },
  // ── Excel workbooks (.xlsx: each sheet with a dataset's header row is an extract of its own) ──
  'file.workbook_legacy': {
    severity: 'file_error',
    summary: 'An Excel 97–2003 (.xls), binary (.xlsb) or OpenDocument workbook, which is not read.',
    message: (p) => `This is ${p.detail ?? 'an old Excel workbook'}, which cannot be read. Please open it in Excel and use "Save As" → "Excel Workbook (.xlsx)", or save each list as "CSV UTF-8 (Comma delimited)", and send that.`,
  },
  'file.workbook_protected': {
    severity: 'file_error',
    summary: 'The workbook is protected with a password.',
    message: () => 'The workbook is protected with a password, so it cannot be read. Please save a copy without the password (File → Info → Protect Workbook → Encrypt with Password, then clear it), or save each list as "CSV UTF-8 (Comma delimited)", and send that through the usual secure route.',
  },
  'file.workbook_damaged': {
    severity: 'file_error',
    summary: 'The workbook is damaged or cut short.',
    message: (p) => `The workbook could not be read: ${p.detail ?? 'it is damaged'}. Please open it in Excel (which may offer to repair it), save it again as "Excel Workbook (.xlsx)" or each list as "CSV UTF-8 (Comma delimited)", and send it again.`,
  },
  'file.workbook_too_large': {
    severity: 'file_error',
    summary: 'The workbook is over the size, row or cell limits, so it is not read.',
    message: (p) => `The workbook is too large to read safely: ${p.detail ?? 'it is over the limits'}. Please delete the empty formatted rows below the data and any sheets that are not needed, or save each list as "CSV UTF-8 (Comma delimited)", and send that.`,
  },
  'file.workbook_no_sheet': {
    severity: 'file_error',
    summary: "No sheet of the workbook has a dataset's header row.",
    message: (p) => `No sheet of this workbook has the header row of a dataset (${p.detail ?? 'no sheets'}). Please put the list's header row from the data specification (raa spec) directly above its data, or save the list as "CSV UTF-8 (Comma delimited)", and send it again.`,
  },
  'file.formula_no_value': {
    severity: 'warning',
    summary: 'Cells hold a formula saved without its result, so they are read as empty.',
    message: (p) => `${p.count ?? 'Some'} cell(s) of this sheet hold a formula saved without its result (the first is ${p.detail ?? '?'}), so they are read as empty. Please open the workbook in Excel so that it calculates, save it, and send it again.`,
  },
  'file.no_rows': {
    severity: 'warning',
    summary: 'The file has a header but no data rows.',
    message: () => 'The file has a header row but no data. If there really were no records this month, no action is needed; otherwise please send the full extract.',
  },
  'file.held': {
    severity: 'hold',
    summary: 'Too many rows have errors: the file is held and not loaded (configurable threshold).',
    message: (p) => `${p.count ?? 0} of ${p.total ?? 0} rows (${p.share ?? '?'}) have errors, more than the ${p.limit ?? '20%'} allowed, so the file is held: its figures would mislead. Please correct the rows listed and send the file again (an analyst can load the good rows with --accept-partial).`,
  },
  // ── the header row ──────────────────────────────────────────────────
  'header.unrecognised': {
    severity: 'file_error',
    summary: 'The header row matches no dataset; the message names the nearest dataset and the columns that differ.',
    message: (p) =>
      `The header row does not match any dataset in the specification. The nearest is "${p.nearest ?? '?'}"` +
      (p.missing?.length ? `, which also needs: ${list(p.missing)}` : '') +
      (p.extra?.length ? `; these columns are not in it: ${list(p.extra)}` : '') +
      '. Please use the column headers from the data specification (raa spec) and send the file again.',
  },
  'header.ambiguous': {
    severity: 'file_error',
    summary: 'The header row matches more than one dataset.',
    message: (p) => `The header row matches more than one dataset (${list(p.accepted)}). Please send each dataset as its own file with the headers from the specification.`,
  },
  'header.missing_required': {
    severity: 'file_error',
    summary: 'A required column is missing.',
    message: (p) => `The required column ${h(p)} is missing, so no row of this file can be loaded. Please add the column (with this header) and send the file again.`,
  },
  'header.duplicate': {
    severity: 'file_error',
    summary: 'Two columns of the file are the same column of the dataset.',
    message: (p) => `The column ${h(p)} appears twice (also as "${p.otherHeader ?? '?'}"), so it is not clear which to use. Please remove one and send the file again.`,
  },
  'header.unknown_column': {
    severity: 'warning',
    summary: 'A column that is not in the specification is ignored.',
    message: (p) => `The column ${h(p)} is not in the specification and was ignored. If it holds personal details, please stop sending it; if it is a renamed column, use the header from the specification.`,
  },
  'header.missing_optional': {
    severity: 'warning',
    summary: 'An optional column is missing; it loads as empty.',
    message: (p) => `The optional column ${h(p)} is missing, so it is treated as empty for every row. If your system records it, please include it next month.`,
  },
  // ── cells ───────────────────────────────────────────────────────────
  'row.field_count': {
    severity: 'row_error',
    summary: 'A row has more or fewer values than the header has columns.',
    message: (p) => `This row has ${p.count ?? '?'} values but the header has ${p.total ?? '?'} columns, so the values cannot be matched to columns. A value probably contains an unquoted delimiter or line break; please correct the row.`,
  },
  'required.missing': {
    severity: 'row_error',
    summary: 'A required value is empty.',
    message: (p) => `${h(p)} is required but is empty${p.value ? ` (${q(p.value)})` : ''}. Please fill it in for this record.`,
  },
  'required.not_known': {
    severity: 'row_error',
    summary: '"Not known" is given in a required column.',
    message: (p) => `${h(p)} is required, and "Not known" is only accepted in optional columns. Please give the actual value for this record.`,
  },
  'text.control': {
    severity: 'row_error',
    summary: 'An identifier holds a control or text-direction character.',
    message: (p) => `${h(p)} holds the invisible character(s) ${p.detail ?? '?'} (a control or text-direction code), so the record could not be matched or shown reliably. Please remove them from the identifier (they are often pasted in by accident) and send the file again.`,
  },
  'text.too_long': {
    severity: 'row_error',
    summary: 'A text value is longer than allowed.',
    message: (p) => `${h(p)} is ${p.count ?? '?'} characters long; at most ${p.limit ?? '?'} are allowed. Please send the identifier as your system stores it, without extra text.`,
  },
  'date.format': {
    severity: 'row_error',
    summary: 'A date is not in a recognised form.',
    message: (p) => `${q(p.value)} in ${h(p)} is not a date we can read. Please use dd/mm/yyyy, for example 01/04/2025.`,
  },
  'date.two_digit_year': {
    severity: 'row_error',
    summary: 'A date has a two-digit year.',
    message: (p) => `${q(p.value)} in ${h(p)} has a two-digit year, which could be either century. Please give the year in full as dd/mm/yyyy.`,
  },
  'date.impossible': {
    severity: 'row_error',
    summary: 'A date does not exist (e.g. 31/02/2025).',
    message: (p) => `${q(p.value)} in ${h(p)} is not a real date (${p.detail ?? 'no such day'}). Please check the date in your system and correct it.`,
  },
  'date.us_order': {
    severity: 'row_error',
    summary: 'A date looks like US month/day order (a month part over 12).',
    message: (p) => `${q(p.value)} in ${h(p)} has ${p.detail ?? 'a month over 12'}, so it is probably in US order (mm/dd/yyyy). Please send dates as dd/mm/yyyy.`,
  },
  'date.future': {
    severity: 'row_error',
    summary: 'An event date is after the last day of the reporting month.',
    message: (p) => `${q(p.value)} in ${h(p)} is after the end of the reporting month (${p.limit ?? '?'}), so the event cannot have happened yet. Please check the date.`,
  },
  'date.too_early': {
    severity: 'row_error',
    summary: 'A date is before 1900.',
    message: (p) => `${q(p.value)} in ${h(p)} is before 1900, which is not plausible. Please check the date (a missing date should be left empty).`,
  },
  'number.format': {
    severity: 'row_error',
    summary: 'A number is not a plain number (or not a whole number where one is needed).',
    message: (p) => `${q(p.value)} in ${h(p)} is not ${p.detail ?? 'a number'}. Please give digits only, for example 3.`,
  },
  'number.range': {
    severity: 'row_error',
    summary: 'A number is outside the allowed range.',
    message: (p) => `${q(p.value)} in ${h(p)} is outside the allowed range (${p.detail ?? '?'}). Please check the value.`,
  },
  'money.format': {
    severity: 'row_error',
    summary: 'An amount of money is not in a recognised form.',
    message: (p) => `${q(p.value)} in ${h(p)} is not an amount of money we can read. Please give pounds and pence, for example 1234.50 or £1,234.50.`,
  },
  'month.format': {
    severity: 'row_error',
    summary: 'A month is not in YYYY-MM form.',
    message: (p) => `${q(p.value)} in ${h(p)} is not a month we can read. Please give the month as YYYY-MM, for example 2025-04.`,
  },
  'code.unknown': {
    severity: 'row_error',
    summary: 'A value is not one of the codes (or labels) of its code list.',
    message: (p) =>
      `${q(p.value)} in ${h(p)} is not one of the accepted values.${p.suggestion ? ` Did you mean ${p.suggestion}?` : ''} ` +
      `Please use one of: ${list(p.options ?? p.accepted, 24)} (the code, its label, or both, as in the data specification).`,
  },
  'code.ambiguous': {
    severity: 'row_error',
    summary: 'A value names two different options (a code beside another option’s label, or two options in one cell).',
    message: (p) => `${q(p.value)} in ${h(p)} names more than one option (${list(p.options)}), so it is not clear which is meant. Please send the one option that is right for this record.`,
  },
  'code.not_known': {
    severity: 'warning',
    summary: 'A characteristic is given as not known, refused or not stated: the record loads with the not-known value.',
    message: (p) => `${q(p.value)} in ${h(p)} was recorded as not known (${p.code ?? '?'}). The record is loaded and counted wherever this characteristic is not needed; if it is known, please send it.`,
  },
  'code.inferred': {
    severity: 'warning',
    summary: 'An ethnicity gives only a group, or a background without a DfE code of its own: the group’s "any other" code is inferred.',
    message: (p) =>
      `${q(p.value)} in ${h(p)} ${p.detail === 'group' ? 'gives the ethnic group but not the background' : 'is a background without a DfE code of its own'}, so ${p.code ?? '?'} was inferred. ` +
      `If another code fits better, please send that code (${list(p.options)}).`,
  },
  'code.letter_mismatch': {
    severity: 'warning',
    summary: 'A template option letter names another option than the wording beside it: the wording decided.',
    message: (p) => `${q(p.value)} in ${h(p)}: the letter is ${list(p.options)} in the Annex A template, but the wording says ${p.code ?? '?'}, which was recorded. Please check the value and send the option's code.`,
  },
  // ── rows ────────────────────────────────────────────────────────────
  'key.duplicate': {
    severity: 'row_error',
    summary: 'Two rows have the same key; every occurrence after the first is rejected.',
    message: (p) => `This record has the same ${p.detail ?? 'key'} as the row on line ${p.firstLine ?? '?'}. Each record must appear once; please remove the duplicate or correct its identifier.`,
  },
  'chronology.order': {
    severity: 'row_error',
    summary: 'Two dates are in the wrong order.',
    message: (p) => `${h(p)} (${p.value ?? ''}) is before "${p.otherHeader ?? '?'}" (${p.otherValue ?? ''}), which should come first. Please check both dates.`,
  },
  'rule.together': {
    severity: 'row_error',
    summary: 'Two values must be given together or not at all.',
    message: (p) => `${h(p)} is ${p.value ? 'given' : 'empty'} but "${p.otherHeader ?? '?'}" is ${p.otherValue ? 'given' : 'empty'}; they must be given together. Please complete or clear both.`,
  },
  'rule.needs': {
    severity: 'row_error',
    summary: 'A value is given without the value it depends on.',
    message: (p) => `${h(p)} is given (${p.value ?? ''}) but "${p.otherHeader ?? '?'}" is empty; it can only be given when that is. Please add "${p.otherHeader ?? '?'}" or clear this value.`,
  },
  'rule.required_when': {
    severity: 'row_error',
    summary: 'A value is required because another is given.',
    message: (p) => `${h(p)} is required when "${p.otherHeader ?? '?'}" is given (${p.otherValue ?? ''}). Please fill it in.`,
  },
  'rule.at_least': {
    severity: 'warning',
    summary: 'A value is lower than expected given another value.',
    message: (p) => `${h(p)} is ${q(p.value)} but "${p.otherHeader ?? '?'}" is given; we would expect at least ${p.limit ?? '?'}. Please check.`,
  },
  'rule.over_cap': {
    severity: 'warning',
    summary: 'An ASF amount is over the per-child cap in the pipeline settings.',
    message: (p) => `${h(p)} is ${q(p.value)}, over the per-child cap of £${p.limit ?? '?'}. Please confirm the amount (a match-funded award should be recorded as the ASF share only).`,
  },
  'age.mismatch': {
    severity: 'warning',
    summary: 'The age does not agree with the date of birth at the end of the reporting month.',
    message: (p) => `${h(p)} is ${q(p.value)} but the date of birth (${p.otherValue ?? '?'}) gives ${p.detail ?? '?'} at the end of the reporting month. Please check both.`,
  },
  // ── across datasets and submissions (checked at load) ──────────────
  'cross.related_missing': {
    severity: 'warning',
    summary: 'A concern names a child or adopter id found in neither dataset of the same partner and month.',
    message: (p) => `${h(p)} ${q(p.value)} matches no child or adopter sent for the same month. Please check the identifier.`,
  },
  'cross.immutable_changed': {
    severity: 'warning',
    summary: 'A date that should never change differs from the previous month’s submission.',
    message: (p) => `${h(p)} changed from ${p.otherValue ?? '?'} last month to ${q(p.value)}. This date should not change once recorded; please confirm which is right.`,
  },
  'cross.vanished': {
    severity: 'warning',
    summary: 'A record open last month is missing without a closing date.',
    message: (p) => `${p.count ?? '?'} record(s) open in last month's extract are missing from this one without a closing date${p.detail ? ` (${p.detail})` : ''}. Closed records must stay in the extract for 12 months; please check the extract's filter.`,
  },
  'cross.row_swing': {
    severity: 'warning',
    summary: 'The row count changed by more than 50% from the previous month.',
    message: (p) => `This file has ${p.count ?? '?'} rows against ${p.total ?? '?'} last month (${p.share ?? '?'} change). Please check the extract was complete.`,
  },
} satisfies Record<string, RuleDef>;

export type RuleCode = keyof typeof catalogue;
export const rules: Readonly<Record<RuleCode, RuleDef>> = catalogue;
export const ruleCodes = Object.keys(catalogue) as RuleCode[];

/** The code each kind of row rule (schemas/defineDataset.ts) is reported under: the checks and the published spec use this. */
export const rowRuleCodes = {
  order: 'chronology.order',
  together: 'rule.together',
  needs: 'rule.needs',
  requiredWhen: 'rule.required_when',
  atLeastWhen: 'rule.at_least',
  atMostSetting: 'rule.over_cap',
  ageAgrees: 'age.mismatch',
} as const satisfies Record<RowRule['kind'], RuleCode>;

export function message(rule: RuleCode, params: MessageParams = {}): string {
  return rules[rule].message(params);
}
