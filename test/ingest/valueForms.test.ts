// Values as councils send them: every form of schemas/valueForms.ts in every code column, typography that never
// matters, values that name two options (a diagnostic, never a guess), and unknown characteristics that keep the record.
import { describe, expect, it } from 'vitest';
import { adopters, children, codeLists, datasets, type CodeList, type Column } from '../../schemas/index.js';
import { matchCode, resolveCode } from '../../src/ingest/normalise/matchCode.js';
import { lookupValue } from '../../src/validate/buildLookups.js';

const column = (ds: typeof children | typeof adopters, field: string): Column => {
  const c = ds.columns.find((x) => x.field === field);
  if (!c) throw new Error(field);
  return c;
};

/** Every code column of the contract, with its list. */
const codeColumns = datasets.flatMap((ds) =>
  ds.columns.flatMap((c): [string, CodeList][] => (c.type.kind === 'code' || c.type.kind === 'codes' ? [[`${ds.name}.${c.field}`, c.type.codes]] : c.type.kind === 'yesno' ? [[`${ds.name}.${c.field}`, codeLists.yesNo]] : [])),
);

describe('every form in every code column', () => {
  it.each(codeColumns)('%s: code, label, code and label joined by space, dash, colon or =, [CODE], (CODE), (CODE) label, letter, number', (_name, list) => {
    for (const c of list.codes) {
      const forms = [c.code, c.label, `${c.code} ${c.label}`, `${c.code} - ${c.label}`, `${c.code}: ${c.label}`, `${c.code} = ${c.label}`, `${c.label} [${c.code}]`, `${c.label} (${c.code})`, `(${c.code}) ${c.label}`];
      if (c.letter) forms.push(`${c.letter}) ${c.label}`, `${c.letter}) ${c.code}`);
      if (c.number !== undefined) forms.push(String(c.number), `${c.number} - ${c.label}`, `${c.number} = ${c.label}`, `${c.number} ${c.label}`);
      for (const f of forms) expect([f, matchCode(list, f)]).toEqual([f, c.code]);
    }
  });

  it('typography never matters: case, curly quotes, en dashes, non-breaking and repeated spaces, mojibake', () => {
    const rd = codeLists.reversalReason;
    for (const v of ['RD1 \u2013 The child\u2019s needs changed subsequent to the decision', 'rd1\u00a0-\u00a0THE CHILD\'S  NEEDS CHANGED SUBSEQUENT TO THE DECISION', 'RD1 Child\u00e2\u20ac\u2122s Needs Changed Subsequent to the Decision'])
      expect(matchCode(rd, v)).toBe('RD1');
  });

  it('the wording councils send: reasons, DfE gender numbers, FFA as 1 = Yes, CIN disability codes', () => {
    expect(matchCode(codeLists.leftReason, 'Adopter withdrew from process')).toBe('withdrew');
    expect(matchCode(codeLists.leftReason, '2 - Process put on hold')).toBe('on_hold');
    expect(matchCode(codeLists.reversalReason, 'RD1 The child\u2019s needs changed subsequent to the decision')).toBe('RD1');
    expect(matchCode(codeLists.reversalReason, 'c) Prospective adopters cannot be found')).toBe('RD3');
    expect(['0', '9', '1', '2'].map((n) => matchCode(codeLists.gender, n))).toEqual(['not_stated', 'not_stated', 'male', 'female']);
    expect(matchCode(codeLists.gender, '3')).toBeUndefined(); // no DfE gender 3 or 4
    expect(matchCode(codeLists.gender, '4')).toBeUndefined();
    expect(['1 = Yes', '0 No', '1 Yes', '0 = No'].map((v) => matchCode(codeLists.yesNo, v))).toEqual(['yes', 'no', 'yes', 'no']);
    expect(['AUT', 'HEAR', 'Autism or Asperger syndrome', 'NONE'].map((v) => matchCode(codeLists.yesNo, v))).toEqual(['yes', 'yes', 'yes', 'no']);
  });
});

describe('ethnicity: never a code it does not mean', () => {
  const eth = codeLists.ethnicity;
  it.each([
    ['(B.B1) White and Black Caribbean', 'MWBC'],
    ['(A.A2) White - Irish', 'WIRI'],
    ['(A.A2) White - British', 'WBRI'], // a council's local code says nothing; the wording decides
    ['E.E1)Chinese', 'CHNE'],
    ['WBRI White British', 'WBRI'],
    ['Indian [AIND]', 'AIND'],
    ['White - Irish [WIRI]', 'WIRI'],
    ['A2', 'WIRI'], // older CIN code
    ['C1 - Indian', 'AIND'],
    ['WENG', 'WBRI'], // DfE extended code
    ['WEN - WENG - English', 'WBRI'],
    ['Asian or Asian British - Indian', 'AIND'],
    ['Mixed / Multiple Ethnic Groups/ White and Black Caribbean', 'MWBC'],
    ['Black / African / Caribbean / Black British (Caribbean)', 'BCRB'],
    ['s) NOBT', 'NOBT'],
    ['s) REFU', 'REFU'],
  ])('%j → %s', (raw, code) => {
    expect(resolveCode(eth, raw)).toEqual({ ok: true, code });
  });

  it('a background without its own DfE code, or only a group, is the group\u2019s "any other" code with a warning saying so', () => {
    expect(resolveCode(eth, 'White - Albanian')).toEqual({ ok: true, code: 'WOTH', note: { rule: 'code.inferred', code: 'WOTH', from: 'background', group: 'White' } });
    expect(resolveCode(eth, 'Black - Eritrean')).toMatchObject({ ok: true, code: 'BOTH', note: { rule: 'code.inferred' } });
    expect(resolveCode(eth, 'White')).toMatchObject({ ok: true, code: 'WOTH', note: { rule: 'code.inferred', from: 'group' } });
    expect(resolveCode(eth, 'Somali')).toEqual({ ok: true, code: 'BAFR' }); // the DfE files Somali under Black African itself
  });

  it('a value naming two options, or a background in two groups, is code.ambiguous naming both', () => {
    expect(resolveCode(eth, 'WBRI White Irish')).toEqual({ ok: false, rule: 'code.ambiguous', codes: ['WBRI', 'WIRI'] });
    expect(resolveCode(eth, 'C4 Asian/Asian British - Chinese')).toMatchObject({ ok: false, rule: 'code.ambiguous' });
    expect(resolveCode(eth, 'Asian or Asian British > Any other mixed background')).toMatchObject({ ok: false, rule: 'code.ambiguous' });
    expect(resolveCode(eth, 's)')).toEqual({ ok: false, rule: 'code.ambiguous', codes: ['REFU', 'NOBT'] }); // the template letters both s)
    expect(resolveCode(codeLists.gender, 'a) Male / d) Neither ')).toEqual({ ok: false, rule: 'code.ambiguous', codes: ['male', 'neither'] });
    expect(resolveCode(codeLists.reversalReason, 'RD1 - Any other reason')).toEqual({ ok: false, rule: 'code.ambiguous', codes: ['RD1', 'RD4'] });
  });

  it('a nationality alone, or a bare letter, names no ethnic group: code.unknown', () => {
    for (const v of ['Polish', 'British', 'A', 'A.A2', 'Transgender Male']) expect(resolveCode(eth, v)).toEqual({ ok: false, rule: 'code.unknown' });
  });

  it.each([
    ['Caribbean', 'BCRB'], // the census's own options under the Black group
    ['African', 'BAFR'],
    ['B - Caribbean', 'BCRB'], // a council's local code set off by a dash says nothing
    ['Irish', 'WIRI'],
    ['Bac - Jamaica', 'BCRB'], // Bac: Black Caribbean as one council's system abbreviates it
    ['Black - Barbados', 'BCRB'],
    ['SOMALIAN', 'BAFR'],
    ['D2 - Black or Black British - Any Other Black African Background', 'BAFR'],
    ['ETHOTH - Any other ethnicity', 'OOTH'],
    ['Chinese - Malasian Chinese', 'CHNE'],
  ])('what one meaning in councils\u2019 extracts names: %j \u2192 %s', (raw, code) => {
    expect(resolveCode(eth, raw)).toMatchObject({ ok: true, code });
  });

  it('a wording cut short by a system confirms the code beside it, and alone, or beside another code, names nothing', () => {
    expect(resolveCode(eth, 'MOT - MOTH - Any other Mixed backgro')).toEqual({ ok: true, code: 'MOTH' });
    expect(resolveCode(eth, 'MOTH - Any other Mixed backgroun (113')).toEqual({ ok: true, code: 'MOTH' });
    expect(resolveCode(eth, 'WOTH - Any other White background(106')).toEqual({ ok: true, code: 'WOTH' });
    expect(resolveCode(eth, 'BOTH - Any Other Black or African or')).toEqual({ ok: true, code: 'BOTH' });
    expect(resolveCode(eth, 'Any other Mixed backgro')).toEqual({ ok: false, rule: 'code.unknown' });
    expect(resolveCode(eth, 'WOTH - Any other Mixed backgro')).toEqual({ ok: false, rule: 'code.unknown' });
    expect(resolveCode(eth, 'MOTH - Any oth')).toEqual({ ok: false, rule: 'code.unknown' }); // too short to say anything
  });

  it('a group with a background or heritage that has no DfE code of its own is the group\u2019s "any other", with a warning', () => {
    for (const [raw, code] of [['Mixed - Black and White', 'MOTH'], ['BLACK AND WHITE', 'MOTH'], ['Other', 'OOTH'], ['Other Ethnic Arab', 'OOTH'], ['Black or Black British - African and Caribbean', 'BOTH'], ['Dual + Asian & Other Ethnicity', 'MOTH'], ['Other - Cambodian', 'OOTH'], ['White - Greek/G Cypriot', 'WOTH']] as const)
      expect([raw, resolveCode(eth, raw)]).toMatchObject([raw, { ok: true, code, note: { rule: 'code.inferred', code } }]);
  });

  it('still never a guess: a Caribbean country, a heritage or "Other European" alone, a group not yet obtained, a group heading another group\u2019s code', () => {
    for (const v of ['Jamaica', 'African and Caribbean', 'White - Jamaica', 'EUROTH - Other European', 'A.A2', 'B', 'BBRI Black British']) expect([v, resolveCode(eth, v)]).toEqual([v, { ok: false, rule: 'code.unknown' }]);
    for (const v of ['White - Not yet obtained', 'White (Kurdish)', 'Black or Black British - Egyptian', 'Mixed > Any other Black background', 'Gypsy Traveller', 'White British/Irish', 'Unspecified - Any Other Ethnic Group'])
      expect([v, resolveCode(eth, v)]).toMatchObject([v, { ok: false, rule: 'code.ambiguous' }]);
  });

  it('not-known and refused wordings councils send, and other columns\u2019 spellings with one meaning', () => {
    expect(resolveCode(eth, 'NS')).toEqual({ ok: true, code: 'NOBT', note: { rule: 'code.not_known', code: 'NOBT' } });
    expect(resolveCode(eth, 'Requested + Unable to provide')).toMatchObject({ ok: true, code: 'NOBT' });
    expect(resolveCode(eth, 'Unspecified - Refused')).toMatchObject({ ok: true, code: 'REFU' });
    expect(resolveCode(eth, 'ACS client prefers not to say')).toMatchObject({ ok: true, code: 'REFU' });
    expect(resolveCode(eth, '~IRISH')).toEqual({ ok: true, code: 'WIRI' });
    expect(resolveCode(codeLists.gender, 'Gender Unspecified')).toMatchObject({ ok: true, code: 'not_stated' });
    expect(resolveCode(codeLists.gender, 'Unable to classify')).toEqual({ ok: true, code: 'neither' });
    expect(resolveCode(codeLists.gender, 'Indeterminate')).toEqual({ ok: false, rule: 'code.unknown' }); // LIIA files it as both c) and d)
    expect(['CONCIOUSNESS', 'Incontience'].map((v) => matchCode(codeLists.yesNo, v))).toEqual(['yes', 'yes']);
    expect(matchCode(codeLists.reversalReason, 'Placement Disruption')).toBe('RD4');
  });

  it('an option letter is trusted only when no wording contradicts it: the wording decides, with a warning', () => {
    expect(resolveCode(eth, 'b) White British')).toEqual({ ok: true, code: 'WBRI', note: { rule: 'code.letter_mismatch', code: 'WBRI', letter: 'b', letterCodes: ['WIRI'] } });
  });
});

describe('unknown is not missing: each characteristic stores its not-known value with a warning', () => {
  it.each([
    [children, 'gender', 'Unknown', 'not_stated'],
    [children, 'gender', 'Not known', 'not_stated'],
    [adopters, 'gender', 'Prefer not to say', 'not_stated'],
    [children, 'ethnicity', 'Not known', 'NOBT'],
    [children, 'ethnicity', 'Declined to say', 'REFU'],
    [adopters, 'ethnicity', 'Not Recorded', 'NOBT'],
    [children, 'disability', 'Unknown', 'not_known'],
    [children, 'disability', 'c) Unknown', 'not_known'],
    [children, 'disability', 'NOBT', 'not_known'],
    [children, 'disability', 'REFU', 'not_known'],
    [adopters, 'disability', 'Not known', 'not_known'],
    [adopters, 'ffa', 'Not known', 'not_known'],
  ] as const)('%s.%s %j → %s, code.not_known', (ds, field, raw, code) => {
    expect(lookupValue(column(ds, field), raw)).toEqual({ value: code, rule: 'code.not_known', detail: code });
  });

  it("the list's own not-known option, written as the template or DfE writes it, is an answer: no warning", () => {
    expect(lookupValue(column(children, 'gender'), 'c) Not stated/recorded')).toEqual({ value: 'not_stated', rule: null, detail: null });
    expect(lookupValue(column(children, 'gender'), '9')).toEqual({ value: 'not_stated', rule: null, detail: null });
    expect(lookupValue(column(children, 'ethnicity'), 'NOBT')).toEqual({ value: 'NOBT', rule: null, detail: null });
  });

  it('keys and event dates stay strict: "Not known" there is still an error', () => {
    expect(lookupValue(column(children, 'entered_care'), 'Not known')).toEqual({ value: null, rule: 'required.not_known', detail: null });
    expect(lookupValue(column(children, 'adm_decision_date'), 'Unknown')).toMatchObject({ value: null, rule: 'date.format' });
  });
});
