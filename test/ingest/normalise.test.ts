// normalise: every form of a value the spec says real extracts carry is accepted and mapped to one canonical text;
// every form it calls an error gets the exact rule (and the detail the message needs).
import { describe, expect, it } from 'vitest';
import { codeLists } from '../../schemas/index.js';
import { matchCode, acceptedCodes } from '../../src/ingest/normalise/matchCode.js';
import { presence } from '../../src/ingest/normalise/missing.js';
import { normaliseCell } from '../../src/ingest/normalise/normaliseCell.js';
import { parseDate } from '../../src/ingest/normalise/parseDate.js';
import { parseMonth } from '../../src/ingest/normalise/parseMonth.js';
import { parseDecimal, parseInteger, parseMoney } from '../../src/ingest/normalise/parseNumber.js';

describe('parseDate: accepted forms', () => {
  it.each([
    ['dd/mm/yyyy (the LA norm)', '01/04/2025', '2025-04-01'],
    ['dd/mm/yyyy, day over 12', '25/12/2024', '2024-12-25'],
    ['d/m/yyyy', '1/4/2025', '2025-04-01'],
    ['d/mm/yyyy', '5/11/2025', '2025-11-05'],
    ['dd-mm-yyyy', '01-04-2025', '2025-04-01'],
    ['dd.mm.yyyy', '01.04.2025', '2025-04-01'],
    ['ISO yyyy-mm-dd', '2025-04-01', '2025-04-01'],
    ['ISO with a time', '2025-04-01T00:00:00', '2025-04-01'],
    ['Excel date-time dd/mm/yyyy hh:mm', '01/04/2025 00:00', '2025-04-01'],
    ['Excel date-time dd/mm/yyyy hh:mm:ss', '01/04/2025 13:45:10', '2025-04-01'],
    ['Excel date-time d/m/yyyy h:mm', '1/4/2025 9:05', '2025-04-01'],
    ['Excel serial 45292', '45292', '2024-01-01'],
    ['Excel serial with a time fraction', '45292.75', '2024-01-01'],
    ['Excel serial 45747', '45747', '2025-03-31'],
    ['dd-Mon-yyyy', '01-Jan-2025', '2025-01-01'],
    ['dd-Mon-yyyy, lower case', '15-sep-2024', '2024-09-15'],
    ['d Month yyyy', '1 March 2025', '2025-03-01'],
    ['a leap day', '29/02/2024', '2024-02-29'],
    ['leading and trailing spaces', '  01/04/2025 ', '2025-04-01'],
    ['1900 itself', '01/01/1900', '1900-01-01'],
  ])('%s: %j → %s', (_what, raw, iso) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: iso });
  });
});

describe('parseDate: errors say why', () => {
  it('a two-digit year is date.two_digit_year', () => {
    expect(parseDate('01/04/25')).toEqual({ ok: false, rule: 'date.two_digit_year' });
    expect(parseDate('1-4-25')).toEqual({ ok: false, rule: 'date.two_digit_year' });
    expect(parseDate('01-Jan-25')).toEqual({ ok: false, rule: 'date.two_digit_year' });
  });

  it('31/02/2025 is date.impossible, naming the days the month has', () => {
    expect(parseDate('31/02/2025')).toEqual({ ok: false, rule: 'date.impossible', detail: 'February 2025 has 28 days' });
    expect(parseDate('29/02/2025')).toEqual({ ok: false, rule: 'date.impossible', detail: 'February 2025 has 28 days' });
    expect(parseDate('31/04/2025')).toEqual({ ok: false, rule: 'date.impossible', detail: 'April 2025 has 30 days' });
    expect(parseDate('00/04/2025')).toEqual({ ok: false, rule: 'date.impossible', detail: 'April 2025 has 30 days' });
    expect(parseDate('2025-02-30')).toEqual({ ok: false, rule: 'date.impossible', detail: 'February 2025 has 28 days' });
  });

  it('a month part of 13 with a day part also over 12 is date.impossible (no month 13), not US order', () => {
    expect(parseDate('13/13/2025')).toEqual({ ok: false, rule: 'date.impossible', detail: 'there is no month 13' });
  });

  it('12/31/2024 is date.us_order: the month part is over 12', () => {
    expect(parseDate('12/31/2024')).toEqual({ ok: false, rule: 'date.us_order', detail: 'a month part of 31' });
    expect(parseDate('4/15/2025')).toEqual({ ok: false, rule: 'date.us_order', detail: 'a month part of 15' });
  });

  it('garbage is date.format', () => {
    for (const raw of ['soon', 'TBC', '01/04', '2025', '1st April 2025', '01/04/2025/1', '32-Foo-2025', '0001']) {
      expect(parseDate(raw), raw).toEqual({ ok: false, rule: 'date.format' });
    }
  });

  it('a date before 1900 is date.too_early', () => {
    expect(parseDate('31/12/1899')).toEqual({ ok: false, rule: 'date.too_early' });
    expect(parseDate('1899-01-01')).toEqual({ ok: false, rule: 'date.too_early' });
    expect(parseDate('01-Jan-1066')).toEqual({ ok: false, rule: 'date.too_early' });
  });
});

describe('missing values', () => {
  it.each(['', '   ', 'NULL', 'null', 'N/A', 'n/a', 'NA', 'na', '-', ' - '])('%j is missing', (raw) => {
    expect(presence(raw)).toBe('missing');
  });

  it('null and undefined are missing', () => {
    expect(presence(null)).toBe('missing');
    expect(presence(undefined)).toBe('missing');
  });

  it.each(['Not known', 'not known', 'NOT KNOWN', ' Not  known '])('%j is "not known" (accepted only in optional fields)', (raw) => {
    expect(presence(raw)).toBe('not_known');
  });

  it.each(['0', 'No', 'None', 'Unknown', 'N', '--'])('%j is a value', (raw) => {
    expect(presence(raw)).toBe('value');
  });
});

describe('matchCode: codes as LAs send them', () => {
  const rd = codeLists.reversalReason;
  const rd1Label = "The child's needs changed subsequent to the decision";

  it.each([
    ['the code', 'RD1', 'RD1'],
    ['the code, lower case', 'rd1', 'RD1'],
    ['the label', rd1Label, 'RD1'],
    ['the label in upper case', rd1Label.toUpperCase(), 'RD1'],
    ['the label with a curly apostrophe', 'The child\u2019s needs changed subsequent to the decision', 'RD1'],
    ['RD1 - label', `RD1 - ${rd1Label}`, 'RD1'],
    ['RD1 – label (en dash)', `RD1 \u2013 ${rd1Label}`, 'RD1'],
    ['RD1-label', `RD1-${rd1Label}`, 'RD1'],
    ['(RD1) label', `(RD1) ${rd1Label}`, 'RD1'],
    ['RD1: label', `RD1: ${rd1Label}`, 'RD1'],
    ['label (RD1)', `${rd1Label} (RD1)`, 'RD1'],
    ['RD2 - label', 'RD2 - The Court did not make a placement order', 'RD2'],
    ['RD3 label in lower case with the code', 'rd3: prospective adopters could not be found', 'RD3'],
    ['RD4 - label', 'RD4 - Any other reason', 'RD4'],
  ])('%s: %j → %s', (_what, raw, code) => {
    expect(matchCode(rd, raw)).toBe(code);
  });

  it.each([
    ['a) short wording', "a) Child's needs changed", 'RD1'],
    ['a) with a curly apostrophe', 'a) Child\u2019s needs changed', 'RD1'],
    ['b) short wording', 'b) Court did not make placement order', 'RD2'],
    ['c) short wording', 'c) Adopters could not be found', 'RD3'],
    ['d) short wording', 'd) Other reason', 'RD4'],
    ['the letter alone with its bracket', 'b)', 'RD2'],
    ['A) upper-case letter', "A) Child's needs changed", 'RD1'],
  ])('reversal reasons, Annex A lettered %s: %j → %s', (_what, raw, code) => {
    expect(matchCode(rd, raw)).toBe(code);
  });

  it.each([
    ['a) Male', 'male'],
    ['b) Female', 'female'],
    ['c) Not stated/recorded', 'not_stated'],
    ['d) Neither', 'neither'],
    ['1 - Male', 'male'],
    ['2 - Female', 'female'],
    ['M', 'male'],
    ['m', 'male'],
    ['F', 'female'],
    ['Male', 'male'],
    ['FEMALE', 'female'],
    ['female', 'female'],
    ['Not stated/recorded', 'not_stated'],
    ['not_stated', 'not_stated'],
    ['1', 'male'],
  ])('gender %j → %s', (raw, code) => {
    expect(matchCode(codeLists.gender, raw)).toBe(code);
  });

  it.each([
    ['a) WBRI', 'WBRI'],
    ['b) WIRI', 'WIRI'],
    ['f) MWBC', 'MWBC'],
    ['WBRI', 'WBRI'],
    ['wbri', 'WBRI'],
    ['White British', 'WBRI'],
    ['WBRI - White British', 'WBRI'],
    ['Any other White background (WOTH)', 'WOTH'],
    ['Gypsy/Roma', 'WROM'],
  ])('ethnicity %j → %s', (raw, code) => {
    expect(matchCode(codeLists.ethnicity, raw)).toBe(code);
  });

  it('ethnicity "s) NOBT", the last lettered option the spec quotes, is NOBT', () => {
    // Partners send ethnicity as `a) WBRI`…`s) NOBT` (the letter before the DfE code).
    expect(matchCode(codeLists.ethnicity, 's) NOBT')).toBe('NOBT');
  });

  it.each([
    ['a) Withdrew', 'withdrew'],
    ['b) Process on hold', 'on_hold'],
    ['c) Application refused', 'refused'],
    ['1 - Withdrew', 'withdrew'],
    ['2', 'on_hold'],
    ['Withdrew', 'withdrew'],
    ['on hold', 'on_hold'],
    ['APPLICATION REFUSED', 'refused'],
  ])('leaving reason %j → %s', (raw, code) => {
    expect(matchCode(codeLists.leftReason, raw)).toBe(code);
  });

  it('labels with apostrophes match with straight or curly ones, or none', () => {
    const l = codeLists.learningDestination;
    expect(matchCode(l, "LA children's services")).toBe('la_childrens_services');
    expect(matchCode(l, 'LA children\u2019s services')).toBe('la_childrens_services');
    expect(matchCode(l, 'la childrens services')).toBe('la_childrens_services');
  });

  it('punctuation and & do not matter', () => {
    expect(matchCode(codeLists.requestType, 'Advice & information')).toBe('advice_information');
    expect(matchCode(codeLists.requestType, 'advice_information')).toBe('advice_information');
    expect(matchCode(codeLists.provider, 'In-house')).toBe('in_house');
    expect(matchCode(codeLists.concernSource, 'Multi-Agency Resource Panel')).toBe('case_review');
  });

  it('an unknown value matches nothing; beside a letter the label decides (templates letter options differently); a DfE number beside another label is ambiguous', () => {
    expect(matchCode(rd, 'RD5')).toBeUndefined();
    expect(matchCode(rd, 'Because')).toBeUndefined();
    expect(matchCode(codeLists.gender, 'a) Female')).toBe('female');
    expect(matchCode(codeLists.gender, '2 - Male')).toBeUndefined(); // DfE 2 is female: two options named, never a guess
    expect(matchCode(codeLists.ethnicity, 's) NOBT')).toBe('NOBT'); // the template letters both REFU and NOBT s)
    expect(matchCode(rd, 'RD1 - Any other reason')).toBeUndefined(); // a code beside another code's label is ambiguous
    expect(matchCode(codeLists.gender, 'a')).toBeUndefined(); // a bare letter is too easily a typo
    expect(matchCode(codeLists.gender, 'x) Male')).toBe('male'); // no option x): the label decides
    expect(matchCode(codeLists.ethnicity, 'WBRI2')).toBeUndefined();
  });

  it('acceptedCodes lists the codes in list order', () => {
    expect(acceptedCodes(rd)).toEqual(['RD1', 'RD2', 'RD3', 'RD4']);
    expect(acceptedCodes(codeLists.leftReason)).toEqual(['withdrew', 'on_hold', 'refused']);
  });
});

describe('normaliseCell', () => {
  const yesno = { kind: 'yesno' } as const;

  it.each([
    ['Y', 'yes'],
    ['N', 'no'],
    ['y', 'yes'],
    ['Yes', 'yes'],
    ['No', 'no'],
    ['YES', 'yes'],
    ['1', 'yes'],
    ['0', 'no'],
    ['True', 'yes'],
    ['False', 'no'],
    ['TRUE', 'yes'],
    ['1 - Yes', 'yes'],
    ['0 - No', 'no'],
    ['a) Yes', 'yes'],
    ['b) No', 'no'],
    [' Yes ', 'yes'],
  ])('yes/no %j → %s', (raw, value) => {
    expect(normaliseCell(yesno, raw)).toEqual({ ok: true, value });
  });

  it('an unknown yes/no is code.unknown listing yes, no', () => {
    expect(normaliseCell(yesno, 'Maybe')).toEqual({ ok: false, rule: 'code.unknown', detail: 'yes, no, not_known' });
    // A number beside a wording that names nothing is not certain: a diagnostic, never a guess.
    expect(normaliseCell(yesno, '1 - Maybe')).toEqual({ ok: false, rule: 'code.unknown', detail: 'yes, no, not_known' });
    expect(normaliseCell(yesno, '2')).toEqual({ ok: false, rule: 'code.unknown', detail: 'yes, no, not_known' });
  });

  it('a code column gives the code, or code.unknown with every accepted code', () => {
    const type = { kind: 'code', codes: codeLists.reversalReason } as const;
    expect(normaliseCell(type, '(RD3) Prospective adopters could not be found')).toEqual({ ok: true, value: 'RD3' });
    expect(normaliseCell(type, 'RD9')).toEqual({ ok: false, rule: 'code.unknown', detail: 'RD1, RD2, RD3, RD4' });
  });

  it('a list of codes separated by ; gives each code once, in order', () => {
    const type = { kind: 'codes', codes: codeLists.learningDestination, separator: ';' } as const;
    expect(normaliseCell(type, 'Matching; Training')).toEqual({ ok: true, value: 'matching;training' });
    expect(normaliseCell(type, 'matching;matching;support')).toEqual({ ok: true, value: 'matching;support' });
    expect(normaliseCell(type, 'Matching; Lunch')).toMatchObject({ ok: false, rule: 'code.unknown' });
  });

  it('date, integer, decimal, money and month columns go to their parsers', () => {
    expect(normaliseCell({ kind: 'date', planned: false, minimisedToMonth: false }, '45292')).toEqual({ ok: true, value: '2024-01-01' });
    expect(normaliseCell({ kind: 'integer', min: 0, max: 10 }, ' 7 ')).toEqual({ ok: true, value: '7' });
    expect(normaliseCell({ kind: 'decimal', min: 0 }, '6.5')).toEqual({ ok: true, value: '6.5' });
    expect(normaliseCell({ kind: 'money', min: 0 }, '£1,234.50')).toEqual({ ok: true, value: '1234.50' });
    expect(normaliseCell({ kind: 'month' }, 'Apr-2025')).toEqual({ ok: true, value: '2025-04' });
  });
});

describe('money', () => {
  it.each([
    ['1234.5', '1234.50'],
    ['£1,234.50', '1234.50'],
    ['1,234', '1234.00'],
    ['1234', '1234.00'],
    ['0', '0.00'],
    ['£0.99', '0.99'],
    ['  £ 2,500 ', '2500.00'],
    ['1,234,567.89', '1234567.89'],
    ['GBP 10', '10.00'],
  ])('%j → %s', (raw, value) => {
    expect(parseMoney(raw, 0)).toEqual({ ok: true, value });
  });

  it.each(['1,23,4', '12,34', '1234.567', 'about £300', '£', '1.2.3', '£1,234.5.0'])('%j is money.format', (raw) => {
    expect(parseMoney(raw, 0)).toEqual({ ok: false, rule: 'money.format' });
  });

  it('a negative amount breaks the column minimum (number.range)', () => {
    expect(parseMoney('-50', 0)).toEqual({ ok: false, rule: 'number.range', detail: 'at least £0' });
    expect(parseMoney('-£1,000.00', 0)).toEqual({ ok: false, rule: 'number.range', detail: 'at least £0' });
  });
});

describe('integers and decimals', () => {
  it.each([
    ['5', '5'],
    [' 5 ', '5'],
    ['\t10 ', '10'],
    ['5.0', '5'],
    ['5.00', '5'],
    ['0', '0'],
    ['+3', '3'],
  ])('integer %j → %s', (raw, value) => {
    expect(parseInteger(raw, 0, 10)).toEqual({ ok: true, value });
  });

  it('a fraction or text is number.format, naming a whole number', () => {
    for (const raw of ['5.5', 'five', '1,000', '5 years', '']) {
      expect(parseInteger(raw, 0, 25), raw).toEqual({ ok: false, rule: 'number.format', detail: 'a whole number' });
    }
  });

  it('out of range is number.range, naming the range', () => {
    expect(parseInteger('11', 0, 10)).toEqual({ ok: false, rule: 'number.range', detail: '0 to 10' });
    expect(parseInteger('-1', 0, 10)).toEqual({ ok: false, rule: 'number.range', detail: '0 to 10' });
    expect(parseInteger('26', 0, 25)).toEqual({ ok: false, rule: 'number.range', detail: '0 to 25' });
  });

  it('decimals', () => {
    expect(parseDecimal('6.5', 0)).toEqual({ ok: true, value: '6.5' });
    expect(parseDecimal(' 3 ', 0)).toEqual({ ok: true, value: '3' });
    expect(parseDecimal('0.50', 0)).toEqual({ ok: true, value: '0.5' });
    expect(parseDecimal('.5', 0)).toEqual({ ok: true, value: '0.5' });
    expect(parseDecimal('-0.5', 0)).toEqual({ ok: false, rule: 'number.range', detail: 'at least 0' });
    expect(parseDecimal('six', 0)).toEqual({ ok: false, rule: 'number.format', detail: 'a number' });
  });
});

describe('months', () => {
  it.each([
    ['2025-04', '2025-04'],
    ['2025/4', '2025-04'],
    ['04/2025', '2025-04'],
    ['4-2025', '2025-04'],
    ['Apr-2025', '2025-04'],
    ['April 2025', '2025-04'],
    ['sept 2025', '2025-09'],
    ['01/04/2025', '2025-04'],
    ['30/04/2025', '2025-04'],
    ['2025-04-01', '2025-04'],
    ['45383', '2024-04'],
    [' 2025-04 ', '2025-04'],
  ])('%j → %s', (raw, value) => {
    expect(parseMonth(raw)).toEqual({ ok: true, value });
  });

  it.each(['2025-13', '13/2025', '2025', 'Foo-2025', 'April', '1899-12', '31/02/2025'])('%j is month.format', (raw) => {
    expect(parseMonth(raw)).toEqual({ ok: false, rule: 'month.format' });
  });
});
