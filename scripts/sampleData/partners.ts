// The five partner LAs and their habits: each writes the same canonical rows its own way, every way the spec accepts.
import type { CodeList, Column, Dataset, DatasetName } from '../../schemas/index.js';
import { codeLists } from '../../schemas/index.js';
import { day } from './days.js';
import type { PartnerSize } from './world/common.js';

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le';

/** How a partner writes one canonical value of a column. */
export interface CellHabits {
  date(iso: string, dataset: DatasetName, field: string): string;
  code(list: CodeList, code: string): string;
  /** A list of codes (learning destinations). */
  codes(list: CodeList, codes: string[]): string;
  integer(n: string): string;
  decimal(n: string): string;
  money(amount: string): string;
  month(ym: string): string;
}

export interface Partner extends PartnerSize {
  name: string;
  /** One line per habit, for the README. */
  habits: string[];
  encoding: FileEncoding;
  delimiter: ',' | ';' | '\t';
  eol: '\n' | '\r\n';
  sends: readonly DatasetName[];
  fileName(dataset: DatasetName, period: string): string;
  header(column: Column): string;
  /** The fields the partner sends, in its column order (a field left out is a column it does not send). */
  fields(dataset: Dataset): string[];
  /** Empty columns Excel leaves after the last one (`,,,`), on every line. */
  trailingEmpty: number;
  /** Fully blank rows: before the data row with this index (Infinity: at the end). */
  blankRows: Partial<Record<DatasetName, number[]>>;
  /** Optional fields the partner's system does not fill in: the column is there, its cells empty. */
  leavesEmpty?: Partial<Record<DatasetName, string[]>>;
  /** A column the specification does not have (ignored with a warning). */
  extraColumn?: { dataset: DatasetName; header: string };
  cells: CellHabits;
  /** When the partner's file for `period` reached the inbox (UTC). */
  received(period: string, dataset: DatasetName): string;
}

const codeEntry = (list: CodeList, code: string) => {
  const entry = list.codes.find((c) => c.code === code);
  if (!entry) throw new Error(`no code "${code}" in ${list.name}`);
  return entry;
};
const label = (list: CodeList, code: string) => codeEntry(list, code).label;
const [yyyy, mm, dd] = [(s: string) => s.slice(0, 4), (s: string) => s.slice(5, 7), (s: string) => s.slice(8, 10)];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const shortMonths = monthNames.map((m) => m.slice(0, 3));
const excelSerial = (iso: string): number => day(iso) - day('1899-12-30');
/** `2437.5` → `2,437.50`. */
const thousands = (amount: string): string => {
  const [whole = '0', pence = '00'] = Number(amount).toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${pence}`;
};

const dmy = (sep: string) => (iso: string) => `${dd(iso)}${sep}${mm(iso)}${sep}${yyyy(iso)}`;
const officialOrder = (ds: Dataset) => ds.columns.map((c) => c.field);
const plain: Pick<CellHabits, 'integer' | 'decimal' | 'money' | 'month'> = {
  integer: (n) => n,
  decimal: (n) => n,
  money: (a) => a,
  month: (ym) => ym,
};

/** The next month's day `d` at `hh:mm` UTC: when a period's extract arrived. */
function nextMonthAt(period: string, d: number, hhmm: string, minutes = 0): string {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  const t = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, d, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)) + minutes));
  return t.toISOString().replace('.000Z', 'Z');
}

const datasetIndex: Record<DatasetName, number> = { children: 0, adopters: 1, support: 2, concerns: 3, workforce: 4 };

/** Windows-1252 from Excel on Windows: `dd/mm/yyyy`, `£1,234.50`, `M`/`F`, `Y`/`N`, curly quotes, a Notes column. */
const northmoor: Partner = {
  code: 'northmoor', prefix: 'NM', scale: 1.2, name: 'Northmoor Borough Council',
  habits: [
    'Windows-1252 (Excel "CSV (Comma delimited)" on Windows), comma-separated, CRLF line endings. A file with nothing beyond ASCII in it (adopters, staffing) is byte for byte UTF-8 too, and is reported as such.',
    'Dates `dd/mm/yyyy`; money `£1,234.50` (quoted because of the comma); months `September 2026`.',
    'Codes as codes, except gender `M`/`F` and yes/no `Y`/`N`; reversal reasons as `RD1 – The child’s needs changed…` (en dash, curly apostrophe).',
    'Official headers. The concerns log carries an extra free-text `Notes` column (curly quotes, `é`, `€`, `£`, a quoted line break, doubled quotes), which the spec does not have: one `header.unknown_column` warning per concerns file.',
  ],
  encoding: 'windows-1252', delimiter: ',', eol: '\r\n',
  sends: ['children', 'adopters', 'support', 'concerns', 'workforce'],
  fileName: (ds, period) => {
    const mon = `${shortMonths[Number(period.slice(5, 7)) - 1] ?? ''}${period.slice(2, 4)}`;
    return { children: `Northmoor_List10_${mon}.csv`, adopters: `Northmoor_List11_${mon}.csv`, support: `Northmoor_AdoptionSupport_${mon}.csv`, concerns: `Northmoor_ConcernsLog_${mon}.csv`, workforce: `Northmoor_Staffing_${mon}.csv` }[ds];
  },
  header: (c) => c.header,
  fields: officialOrder,
  trailingEmpty: 0,
  blankRows: {},
  extraColumn: { dataset: 'concerns', header: 'Notes' },
  cells: {
    ...plain,
    date: dmy('/'),
    code: (list, code) =>
      list.name === codeLists.gender.name ? ({ male: 'M', female: 'F' } as Record<string, string>)[code] ?? label(list, code)
      : list.name === codeLists.yesNo.name ? (code === 'yes' ? 'Y' : 'N')
      : list.name === codeLists.reversalReason.name ? `${code} – ${label(list, code).replace("'", '’')}`
      : code,
    codes: (_list, codes) => codes.join(';'),
    money: (a) => `£${thousands(a)}`,
    month: (ym) => `${monthNames[Number(ym.slice(5, 7)) - 1] ?? ''} ${ym.slice(0, 4)}`,
  },
  received: (period, ds) => nextMonthAt(period, period === '2026-09' ? 8 : 9, '14:03', datasetIndex[ds] * 7),
};

/** A database export from a European locale: UTF-8, semicolons, `dd.mm.yyyy`, lower-case headers, its own column order. */
const eastbridge: Partner = {
  code: 'eastbridge', prefix: 'EB', scale: 0.9, name: 'Eastbridge City Council',
  habits: [
    'UTF-8 without BOM, semicolon-separated, LF line endings; values containing `;` are quoted.',
    'Dates `dd.mm.yyyy`; money `1,234.50`; months `09/2026`; yes/no as `1`/`0`.',
    'Headers in lower case (`date received`), columns in the database’s order: key fields, then dates, then the rest.',
    'The children extract has no column for the FFA placement date: one `header.missing_optional` warning per children file.',
    'Age of child left empty.',
    '2026-10: `support.csv` had three bad rows; the corrected `support_resubmitted.csv` arrived a week later (the resubmission).',
  ],
  encoding: 'utf-8', delimiter: ';', eol: '\n',
  sends: ['children', 'adopters', 'support', 'concerns', 'workforce'],
  fileName: (ds) => `${ds}.csv`,
  header: (c) => c.header.toLowerCase(),
  fields: (ds) => {
    const isDate = (c: Column) => c.type.kind === 'date';
    const key = ds.columns.filter((c) => ds.key.includes(c.field));
    const dates = ds.columns.filter((c) => isDate(c) && !ds.key.includes(c.field) && c.field !== 'ffa_placed_date');
    const rest = ds.columns.filter((c) => !isDate(c) && !ds.key.includes(c.field));
    return [...key, ...dates, ...rest].map((c) => c.field);
  },
  trailingEmpty: 0,
  blankRows: {},
  leavesEmpty: { children: ['age'] },
  cells: {
    ...plain,
    date: dmy('.'),
    code: (list, code) => (list.name === codeLists.yesNo.name ? String(codeEntry(list, code).number) : code),
    codes: (_list, codes) => codes.join(';'),
    integer: (n) => n,
    money: thousands,
    month: (ym) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`,
  },
  received: (period, ds) => nextMonthAt(period, period === '2026-09' ? 6 : 5, '09:12', datasetIndex[ds]),
};

/** UTF-8 with BOM and CRLF, every code written as its label, `d/m/yyyy`; sends no workforce file. */
const southwold: Partner = {
  code: 'southwold', prefix: 'SW', scale: 1.0, name: 'Southwold County Council',
  habits: [
    'UTF-8 with BOM (Excel "CSV UTF-8"), comma-separated, CRLF line endings.',
    'Every code as its label: `Male`, `White British`, `Yes`/`No`, `Adopted adult`, `Access to records`, `Quality of assessment`, `Adoption support; Training`.',
    'Dates `d/m/yyyy` without leading zeros; money `2437.5` (no trailing zero).',
    'Sends no workforce file (the report says it is missing).',
    'Files arrive on the due day itself.',
  ],
  encoding: 'utf-8-bom', delimiter: ',', eol: '\r\n',
  sends: ['children', 'adopters', 'support', 'concerns'],
  fileName: (ds, period) => {
    const stem = { children: 'AnnexA List 10 children', adopters: 'AnnexA List 11 adopters', support: 'Adoption support requests', concerns: 'Concerns log', workforce: 'Workforce' }[ds];
    return `SW ${stem} ${period}.csv`;
  },
  header: (c) => c.header,
  fields: officialOrder,
  trailingEmpty: 0,
  blankRows: {},
  cells: {
    ...plain,
    date: (iso) => `${Number(dd(iso))}/${Number(mm(iso))}/${yyyy(iso)}`,
    code: (list, code) => label(list, code),
    codes: (list, codes) => codes.map((c) => label(list, c)).join('; '),
    money: (a) => String(Number(a)),
  },
  received: (period, ds) => nextMonthAt(period, 10, '15:40', datasetIndex[ds] * 3),
};

/** Excel saving the Annex A template: lettered options, date-times, trailing empty columns, a blank row, padded numbers. */
const westholm: Partner = {
  code: 'westholm', prefix: 'WH', scale: 0.8, name: 'Westholm Metropolitan Borough Council',
  habits: [
    'Excel-saved UTF-8 without BOM, comma-separated, CRLF; every line ends with three empty columns (`,,,`).',
    'Annex A lettered options: `a) Male`, `a) WBRI`, `a) Yes`/`b) No`, `a) Child\'s needs changed`, `a) Withdrew`; RAA-format code lists as codes.',
    'Children and adopters dates as Excel date-times `dd/mm/yyyy 00:00`; support and concerns dates ISO `yyyy-mm-dd`; workforce months as `01/09/2026 00:00`.',
    'Numbers stored as text with a leading space (` 4`, ` 6.5`); money without trailing zeros.',
    'Headers in Title Case without `?` and `.` (`Is The (prospective) Adopter Fostering For Adoption`, `No Of Children Placed`).',
    'A fully blank row (`,,,,…`) in the middle of the children file and at the end of the adopters file.',
  ],
  encoding: 'utf-8', delimiter: ',', eol: '\r\n',
  sends: ['children', 'adopters', 'support', 'concerns', 'workforce'],
  fileName: (ds) => `Westholm - ${{ children: 'Annex A List 10', adopters: 'Annex A List 11', support: 'Support requests', concerns: 'Concerns log', workforce: 'Workforce' }[ds]}.csv`,
  header: (c) => c.header.replace(/[?.]/g, '').replace(/(^|\s)([a-z])/g, (_m, sp: string, ch: string) => sp + ch.toUpperCase()),
  fields: officialOrder,
  trailingEmpty: 3,
  blankRows: { children: [20], adopters: [Infinity] },
  cells: {
    date: (iso, ds) => (ds === 'children' || ds === 'adopters' ? `${dmy('/')(iso)} 00:00` : iso),
    code: (list, code) => {
      const entry = codeEntry(list, code);
      if (!entry.letter) return code;
      const wording = list.name === codeLists.ethnicity.name ? entry.code : list.name === codeLists.reversalReason.name ? (entry.variants[0] ?? entry.label) : entry.label;
      return `${entry.letter}) ${wording}`;
    },
    codes: (_list, codes) => codes.join(';'),
    integer: (n) => ` ${n}`,
    decimal: (n) => ` ${n}`,
    money: (a) => String(Number(a)),
    month: (ym) => `01/${ym.slice(5, 7)}/${ym.slice(0, 4)} 00:00`,
  },
  received: (period, ds) => nextMonthAt(period, period === '2026-09' ? 2 : 3, '11:25', datasetIndex[ds] * 2),
};

/** Excel "Unicode text": UTF-16 LE with BOM, tab-separated `.txt`, field names as headers, `1 - Male` combinations. */
const rivermead: Partner = {
  code: 'rivermead', prefix: 'RM', scale: 1.1, name: 'Rivermead Council',
  habits: [
    'UTF-16 LE with BOM, tab-separated, saved as `.txt` (Excel "Unicode Text"), CRLF line endings.',
    'Headers are the field names in UPPER_SNAKE_CASE (`CHILD_ID`, `ADM_DECISION_DATE`).',
    'Codes as combinations: `1 - Male`, `1 - Yes`/`0 - No`, `WBRI - White British`, `RD1 - The child\'s needs changed subsequent to the decision`, `1 - Withdrew`; RAA-format code lists in upper case (`ADOPTED_ADULT`).',
    'Dates `dd/mm/yyyy`, except date of birth as an Excel serial day number (`45292` = 1 January 2024).',
    'The 2026-10 files arrived late (after the 10th).',
  ],
  encoding: 'utf-16le', delimiter: '\t', eol: '\r\n',
  sends: ['children', 'adopters', 'support', 'concerns', 'workforce'],
  fileName: (ds, period) => `RM_${ds.toUpperCase()}_${period.replace('-', '')}.txt`,
  header: (c) => c.field.toUpperCase(),
  fields: officialOrder,
  trailingEmpty: 0,
  blankRows: {},
  cells: {
    ...plain,
    date: (iso, _ds, field) => (field === 'dob' ? String(excelSerial(iso)) : dmy('/')(iso)),
    code: (list, code) => {
      const entry = codeEntry(list, code);
      if (entry.number !== undefined) return `${entry.number} - ${entry.label}`;
      if (list.name === codeLists.ethnicity.name || list.name === codeLists.reversalReason.name) return `${entry.code} - ${entry.label}`;
      return code.toUpperCase();
    },
    codes: (_list, codes) => codes.map((c) => c.toUpperCase()).join(';'),
  },
  received: (period, ds) => (period === '2026-09' ? nextMonthAt(period, 9, '16:20', datasetIndex[ds]) : nextMonthAt(period, 16, '10:05', datasetIndex[ds])),
};

export const partners: readonly Partner[] = [northmoor, eastbridge, southwold, westholm, rivermead];

