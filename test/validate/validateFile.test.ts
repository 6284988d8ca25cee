// validate: small inline fixtures written to a temp folder, run through validateFiles with the reporting month 2026-10
// (its own scratch DuckDB), asserting each diagnostic's exact rule, severity, line, column letter and field, and that
// every row read is accounted for: rowsRead = wouldLoad + wouldReject + blank.
import { codeParams } from '../../src/validate/codeParams.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adopters, children, concerns, support, workforce, type Dataset } from '../../schemas/index.js';
import type { Diagnostic } from '../../src/diagnostics/Diagnostic.js';
import { message } from '../../src/diagnostics/rules.js';
import type { FileResult } from '../../src/validate/FileResult.js';
import { validateFiles } from '../../src/validate/validateFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-validate-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERIOD = '2026-10';

// ── fixtures ───────────────────────────────────────────────────────────

type Cells = Record<string, string>;

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (values: string[]) => values.map(cell).join(',');
const headerLine = (ds: Dataset) => line(ds.columns.map((c) => c.header));
const rowLine = (ds: Dataset, base: Cells, over: Cells = {}) => line(ds.columns.map((c) => over[c.field] ?? base[c.field] ?? ''));

const supportOk: Cells = {
  request_id: 'S0',
  family_id: 'F1',
  requester: 'Adoptive parent',
  request_type: 'Assessment of need',
  received_date: '01/04/2025',
  allocated_date: '05/04/2025',
  assessed_date: '01/05/2025',
  provider: 'In house',
  score_start: '4',
};
const childOk: Cells = {
  child_id: 'C0',
  gender: 'a) Male',
  ethnicity: 'WBRI',
  dob: '15/06/2019',
  age: '7',
  disability: 'N',
  entered_care: '01/02/2024',
  adm_decision_date: '01/06/2024',
  placement_order_date: '01/09/2024',
};
const adopterOk: Cells = {
  adopter_id: 'A0',
  gender: 'Female',
  ethnicity: 'WBRI',
  disability: 'No',
  ffa: 'No',
  enquiry_date: '01/01/2025',
  stage1_start: '01/02/2025',
  stage1_end: '01/03/2025',
  stage2_start: '01/04/2025',
  stage2_end: '01/06/2025',
  approval_date: '01/07/2025',
};
const concernOk: Cells = {
  concern_id: 'K0',
  raised_date: '01/04/2025',
  source: 'Complaint',
  category: 'Delay',
  severity: 'Low',
  action_agreed_date: '10/04/2025',
  action_due_date: '30/06/2025',
};
const workforceOk: Cells = { month: '2026-10', team: 'Duty', sw_fte: '3.5' };

const bases = new Map<Dataset, Cells>([
  [support, supportOk],
  [children, childOk],
  [adopters, adopterOk],
  [concerns, concernOk],
  [workforce, workforceOk],
]);

/** A file of `ds`: the header, then one row per entry (cells over the dataset's valid row; a string is a raw line). */
function fileOf(ds: Dataset, rows: (Cells | string)[], eol = '\n'): string {
  const base = bases.get(ds) ?? {};
  const key = ds.key[0] as string;
  return [headerLine(ds), ...rows.map((r, i) => (typeof r === 'string' ? r : rowLine(ds, base, { ...(ds === workforce ? {} : { [key]: `${key.slice(0, 1).toUpperCase()}${i + 1}` }), ...r })))].join(eol) + eol;
}

/** `n` more valid rows with keys that cannot clash with the rows before them. */
const fillers = (ds: Dataset, n: number): Cells[] => {
  const key = ds.key[0] as string;
  return Array.from({ length: n }, (_, i) => (ds === workforce ? {} : { [key]: `OK${i + 1}` }));
};

let fileNo = 0;
async function validateText(text: string | Buffer, name = `f${fileNo++}.csv`): Promise<FileResult> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const results = await validateFiles([path], { period: PERIOD });
  expect(results).toHaveLength(1);
  const r = results[0] as FileResult;
  const c = r.counts;
  // Every fixture: every row read is accounted for.
  expect(c.rowsRead, 'rowsRead = wouldLoad + wouldReject + blank').toBe(c.wouldLoad + c.wouldReject + c.blank);
  return r;
}

const at = (d: Diagnostic) => ({ rule: d.rule, severity: d.severity, line: d.line, column: d.column, field: d.field });
const where = (r: FileResult) => r.diagnostics.map(at);
const only = (r: FileResult, rule: string) => r.diagnostics.filter((d) => d.rule === rule);

// ── cell rules ─────────────────────────────────────────────────────────

describe('cell rules (support)', () => {
  const bad: [string, Cells][] = [
    ['required.missing', { received_date: '' }],
    ['required.missing (a missing token)', { requester: 'N/A' }],
    ['required.not_known', { requester: 'Not known' }],
    ['text.too_long', { request_id: 'R'.repeat(51) }],
    ['date.format', { received_date: 'soon' }],
    ['date.two_digit_year', { received_date: '01/04/25' }],
    ['date.impossible', { received_date: '31/02/2025' }],
    ['date.us_order', { allocated_date: '12/31/2025', assessed_date: '' }],
    ['date.future', { closed_date: '01/11/2026', closure_reason: 'Signposted' }],
    ['date.too_early', { received_date: '01/01/1899' }],
    ['number.format', { score_start: 'five' }],
    ['number.range', { score_start: '11' }],
    ['money.format', { asf_applied_date: '02/04/2025', asf_amount: '1,23,4' }],
    ['code.unknown', { requester: 'Neighbour' }],
    ['code.unknown (an optional code)', { provider: 'Someone' }],
  ];
  let result: FileResult;
  const text = fileOf(support, [...bad.map(([, c]) => c), ...fillers(support, 4 * bad.length)]);

  it('each bad cell gives exactly one diagnostic at its line, column and field', async () => {
    result = await validateText(text);
    expect(result.dataset).toBe('support');
    expect(result.encoding).toBe('utf-8');
    expect(result.delimiter).toBe(',');
    expect(where(result)).toEqual([
      { rule: 'required.missing', severity: 'row_error', line: 2, column: 'E', field: 'received_date' },
      { rule: 'required.missing', severity: 'row_error', line: 3, column: 'C', field: 'requester' },
      { rule: 'required.not_known', severity: 'row_error', line: 4, column: 'C', field: 'requester' },
      { rule: 'text.too_long', severity: 'row_error', line: 5, column: 'A', field: 'request_id' },
      { rule: 'date.format', severity: 'row_error', line: 6, column: 'E', field: 'received_date' },
      { rule: 'date.two_digit_year', severity: 'row_error', line: 7, column: 'E', field: 'received_date' },
      { rule: 'date.impossible', severity: 'row_error', line: 8, column: 'E', field: 'received_date' },
      { rule: 'date.us_order', severity: 'row_error', line: 9, column: 'F', field: 'allocated_date' },
      { rule: 'date.future', severity: 'row_error', line: 10, column: 'K', field: 'closed_date' },
      { rule: 'date.too_early', severity: 'row_error', line: 11, column: 'E', field: 'received_date' },
      { rule: 'number.format', severity: 'row_error', line: 12, column: 'M', field: 'score_start' },
      { rule: 'number.range', severity: 'row_error', line: 13, column: 'M', field: 'score_start' },
      { rule: 'money.format', severity: 'row_error', line: 14, column: 'I', field: 'asf_amount' },
      { rule: 'code.unknown', severity: 'row_error', line: 15, column: 'C', field: 'requester' },
      { rule: 'code.unknown', severity: 'row_error', line: 16, column: 'J', field: 'provider' },
    ]);
    const total = bad.length * 5;
    expect(result.counts).toEqual({ rowsRead: total, wouldLoad: total - bad.length, wouldReject: bad.length, blank: 0, warnings: 0 });
    expect(result.verdict).toBe('rows_rejected');
  });

  it('each diagnostic carries the header as written and the raw value, and its excelRow equals its line', () => {
    for (const d of result.diagnostics) {
      expect(d.file).toMatch(/\.csv$/);
      expect(d.dataset).toBe('support');
      expect(d.excelRow).toBe(d.line);
      const col = support.columns.find((c) => c.field === d.field);
      expect(d.header).toBe(col?.header);
    }
    // An empty cell has no raw value (null); everything else is as written.
    expect(result.diagnostics.map((d) => d.value)).toEqual([
      null, 'N/A', 'Not known', 'R'.repeat(51), 'soon', '01/04/25', '31/02/2025', '12/31/2025', '01/11/2026', '01/01/1899', 'five', '11', '1,23,4', 'Neighbour', 'Someone',
    ]);
  });

  it('messages are the catalogue’s, with the header, value and detail', () => {
    const m = (i: number) => result.diagnostics[i]?.message;
    expect(m(0)).toBe(message('required.missing', { header: 'Date received', value: '' }));
    expect(m(1)).toBe(message('required.missing', { header: 'Requester', value: 'N/A' }));
    expect(m(1)).toContain('"N/A"');
    expect(m(2)).toBe(message('required.not_known', { header: 'Requester', value: 'Not known' }));
    expect(m(3)).toBe(message('text.too_long', { header: 'Request ID', count: 51, limit: 50 }));
    expect(m(4)).toBe(message('date.format', { header: 'Date received', value: 'soon' }));
    expect(m(5)).toBe(message('date.two_digit_year', { header: 'Date received', value: '01/04/25' }));
    expect(m(6)).toBe(message('date.impossible', { header: 'Date received', value: '31/02/2025', detail: 'February 2025 has 28 days' }));
    expect(m(7)).toBe(message('date.us_order', { header: 'Date allocated', value: '12/31/2025', detail: 'a month part of 31' }));
    expect(m(8)).toBe(message('date.future', { header: 'Date closed', value: '01/11/2026', limit: '31/10/2026' }));
    expect(m(9)).toBe(message('date.too_early', { header: 'Date received', value: '01/01/1899' }));
    expect(m(10)).toBe(message('number.format', { header: 'Outcome score at start', value: 'five', detail: 'a whole number' }));
    expect(m(11)).toBe(message('number.range', { header: 'Outcome score at start', value: '11', detail: '0 to 10' }));
    expect(m(12)).toBe(message('money.format', { header: 'ASF amount approved', value: '1,23,4' }));
    const requester = support.columns.find((c) => c.field === 'requester');
    expect(m(13)).toBe(message('code.unknown', { header: 'Requester', value: 'Neighbour', ...(requester ? codeParams(requester, 'code.unknown', 'Neighbour', null) : {}) }));
    expect(m(13)).toContain('Adoptive parent');
  });

  it('"Not known" in an optional column, missing tokens and padded values are accepted', async () => {
    const r = await validateText(
      fileOf(support, [
        { provider: 'Not known', family_id: 'not known', score_start: 'NULL', allocated_date: 'n/a', assessed_date: '-' },
        { requester: '  Adoptive parent ', received_date: ' 01/04/2025 ', score_start: ' 5.0 ', asf_applied_date: '2025-04-02', asf_amount: '£1,234.50' },
        { received_date: '45748', allocated_date: '02/04/2025 09:30', assessed_date: '03.04.2025' },
      ]),
    );
    expect(where(r)).toEqual([]);
    expect(r.counts).toEqual({ rowsRead: 3, wouldLoad: 3, wouldReject: 0, blank: 0, warnings: 0 });
    expect(r.verdict).toBe('clean');
  });

  it('month.format in a workforce file', async () => {
    const r = await validateText(fileOf(workforce, [{ month: '2026-13' }, { team: 'Family finding' }, { team: 'Adoption support' }, { team: 'Recruitment & assessment' }, { team: 'duty', month: '2026-09' }]));
    expect(where(r)).toEqual([{ rule: 'month.format', severity: 'row_error', line: 2, column: 'A', field: 'month' }]);
    expect(r.diagnostics[0]?.message).toBe(message('month.format', { header: 'Month', value: '2026-13' }));
  });

  it('a cell with several problems in one row gives one diagnostic per cell, in column order', async () => {
    const r = await validateText(fileOf(support, [{ requester: 'x', received_date: 'y', score_start: 'z' }, ...fillers(support, 4)]));
    expect(where(r)).toEqual([
      { rule: 'code.unknown', severity: 'row_error', line: 2, column: 'C', field: 'requester' },
      { rule: 'date.format', severity: 'row_error', line: 2, column: 'E', field: 'received_date' },
      { rule: 'number.format', severity: 'row_error', line: 2, column: 'M', field: 'score_start' },
    ]);
    expect(r.counts).toEqual({ rowsRead: 5, wouldLoad: 4, wouldReject: 1, blank: 0, warnings: 0 });
  });
});

// ── the reporting period ───────────────────────────────────────────────

describe('date.future at the end of the reporting month (2026-10)', () => {
  it('31/10/2026 is fine, 01/11/2026 is an error; a planned action_due_date in the future is fine', async () => {
    const r = await validateText(
      fileOf(concerns, [
        { raised_date: '31/10/2026', action_agreed_date: '31/10/2026', action_due_date: '31/12/2027' },
        { raised_date: '01/11/2026', action_agreed_date: '', action_due_date: '' },
        { action_due_date: '01/01/2030' },
        { closed_date: '2026-11-01', outcome: 'Resolved' },
        ...fillers(concerns, 12),
      ]),
    );
    expect(where(r)).toEqual([
      { rule: 'date.future', severity: 'row_error', line: 3, column: 'B', field: 'raised_date' },
      { rule: 'date.future', severity: 'row_error', line: 5, column: 'J', field: 'closed_date' },
    ]);
    expect(r.diagnostics[0]?.message).toBe(message('date.future', { header: 'Date raised', value: '01/11/2026', limit: '31/10/2026' }));
  });

  it('an Excel serial after the period end is date.future too', async () => {
    // 46327 = 2026-11-01
    const r = await validateText(fileOf(support, [{ received_date: '46326', allocated_date: '', assessed_date: '' }, { received_date: '46327', allocated_date: '', assessed_date: '' }, ...fillers(support, 8)]));
    expect(where(r)).toEqual([{ rule: 'date.future', severity: 'row_error', line: 3, column: 'E', field: 'received_date' }]);
  });
});

// ── row rules ──────────────────────────────────────────────────────────

describe('row rules', () => {
  it('order: a later date before an earlier one is chronology.order on the later field, naming the earlier', async () => {
    const r = await validateText(fileOf(support, [{ allocated_date: '01/03/2025', assessed_date: '' }, ...fillers(support, 4)]));
    expect(where(r)).toEqual([{ rule: 'chronology.order', severity: 'row_error', line: 2, column: 'F', field: 'allocated_date' }]);
    expect(r.diagnostics[0]?.message).toBe(message('chronology.order', { header: 'Date allocated', value: '01/03/2025', otherHeader: 'Date received', otherValue: '01/04/2025' }));
  });

  it('order: equal dates are fine', async () => {
    const r = await validateText(fileOf(support, [{ received_date: '01/04/2025', allocated_date: '01/04/2025', assessed_date: '01/04/2025' }]));
    expect(where(r)).toEqual([]);
  });

  it('order: a chain with a missing middle date compares with the nearest present date before it', async () => {
    // raised ≤ agreed ≤ due, with agreed missing: due is compared with raised.
    const r = await validateText(fileOf(concerns, [{ raised_date: '10/04/2025', action_agreed_date: '', action_due_date: '01/04/2025' }, ...fillers(concerns, 4)]));
    expect(where(r)).toEqual([{ rule: 'chronology.order', severity: 'row_error', line: 2, column: 'H', field: 'action_due_date' }]);
    expect(r.diagnostics[0]?.message).toBe(message('chronology.order', { header: 'Action due date', value: '01/04/2025', otherHeader: 'Date raised', otherValue: '10/04/2025' }));
  });

  it('order: a five-date chain (adopters) with two middle dates missing', async () => {
    const r = await validateText(fileOf(adopters, [{ enquiry_date: '01/05/2025', stage1_start: '', stage1_end: '', stage2_start: '01/04/2025', stage2_end: '01/06/2025', approval_date: '' }, ...fillers(adopters, 4)]));
    expect(where(r)).toEqual([{ rule: 'chronology.order', severity: 'row_error', line: 2, column: 'J', field: 'stage2_start' }]);
    expect(r.diagnostics[0]?.message).toContain('"Date enquiry received" (01/05/2025)');
  });

  it('order with severity warning (children: entered care after the decision) is a warning and the row loads', async () => {
    const r = await validateText(fileOf(children, [{ entered_care: '01/07/2024' }, ...fillers(children, 4)]));
    expect(where(r)).toEqual([{ rule: 'chronology.order', severity: 'warning', line: 2, column: 'I', field: 'adm_decision_date' }]);
    expect(r.counts).toEqual({ rowsRead: 5, wouldLoad: 5, wouldReject: 0, blank: 0, warnings: 1 });
    expect(r.verdict).toBe('warnings');
  });

  it('order: an invalid date in the chain is its own error, not also an order error', async () => {
    const r = await validateText(fileOf(support, [{ allocated_date: 'soon' }, ...fillers(support, 4)]));
    expect(where(r)).toEqual([{ rule: 'date.format', severity: 'row_error', line: 2, column: 'F', field: 'allocated_date' }]);
  });

  it('together: a reversal date without its reason, and a reason without its date, are rule.together on the date', async () => {
    const r = await validateText(
      fileOf(children, [
        { reversal_date: '01/10/2024' },
        { reversal_reason: 'RD2' },
        { reversal_date: '01/10/2024', reversal_reason: 'd) Other reason' },
        ...fillers(children, 12),
      ]),
    );
    expect(where(r)).toEqual([
      { rule: 'rule.together', severity: 'row_error', line: 2, column: 'N', field: 'reversal_date' },
      { rule: 'rule.together', severity: 'row_error', line: 3, column: 'N', field: 'reversal_date' },
    ]);
    const otherHeader = 'Reason Why Child No Longer Placed for Adoption';
    const header = 'Date of Decision that Child Should No Longer be Placed for Adoption';
    expect(r.diagnostics[0]?.message).toBe(message('rule.together', { header, value: '01/10/2024', otherHeader, otherValue: '' }));
    expect(r.diagnostics[1]?.message).toBe(message('rule.together', { header, value: '', otherHeader, otherValue: 'RD2' }));
    expect(r.diagnostics[0]?.message).toContain('is given but');
    expect(r.diagnostics[1]?.message).toContain('is empty but');
  });

  it('needs: a value given without the one it depends on is rule.needs on it', async () => {
    const r = await validateText(
      fileOf(support, [
        { score_end: '7' },
        { asf_amount: '500' },
        { allocated_date: '', assessed_date: '01/05/2025' },
        ...fillers(support, 12),
      ]),
    );
    expect(where(r)).toEqual([
      { rule: 'rule.needs', severity: 'row_error', line: 2, column: 'N', field: 'score_end' },
      { rule: 'rule.needs', severity: 'row_error', line: 3, column: 'I', field: 'asf_amount' },
      { rule: 'rule.needs', severity: 'row_error', line: 4, column: 'G', field: 'assessed_date' },
    ]);
    expect(r.diagnostics[0]?.message).toBe(message('rule.needs', { header: 'Outcome score at close', value: '7', otherHeader: 'Date closed' }));
  });

  it('needs (adopters): an end date needs its start date', async () => {
    const r = await validateText(fileOf(adopters, [{ stage1_start: '', stage1_end: '01/03/2025' }, ...fillers(adopters, 4)]));
    expect(where(r)).toEqual([{ rule: 'rule.needs', severity: 'row_error', line: 2, column: 'I', field: 'stage1_end' }]);
  });

  it('requiredWhen: a closure reason is required when a closing date is given', async () => {
    const r = await validateText(fileOf(support, [{ closed_date: '01/06/2025' }, { closed_date: '01/06/2025', closure_reason: 'NFA' }, ...fillers(support, 8)]));
    expect(where(r)).toEqual([{ rule: 'rule.required_when', severity: 'row_error', line: 2, column: 'L', field: 'closure_reason' }]);
    expect(r.diagnostics[0]?.message).toBe(message('rule.required_when', { header: 'Closure reason', value: '', otherHeader: 'Date closed', otherValue: '01/06/2025' }));
  });

  it('requiredWhen (concerns): an action due date is required when an action was agreed', async () => {
    const r = await validateText(fileOf(concerns, [{ action_due_date: '' }, ...fillers(concerns, 4)]));
    expect(where(r)).toEqual([{ rule: 'rule.required_when', severity: 'row_error', line: 2, column: 'H', field: 'action_due_date' }]);
  });

  it('atLeastWhen: no children placed although a placement date is given is a rule.at_least warning', async () => {
    const placed = { matched_date: '01/08/2025', placed_date: '01/09/2025' };
    const r = await validateText(fileOf(adopters, [{ ...placed, children_placed: '0' }, { ...placed, children_placed: '2' }, ...fillers(adopters, 3)]));
    expect(where(r)).toEqual([{ rule: 'rule.at_least', severity: 'warning', line: 2, column: 'P', field: 'children_placed' }]);
    expect(r.diagnostics[0]?.message).toBe(message('rule.at_least', { header: 'No. of children placed', value: '0', otherHeader: 'Date child/children placed with adopter(s)', limit: '1' }));
    expect(r.counts).toEqual({ rowsRead: 5, wouldLoad: 5, wouldReject: 0, blank: 0, warnings: 1 });
  });

  it('atMostSetting: an ASF amount over the £3,000 cap is a rule.over_cap warning; £3,000 itself is not', async () => {
    const asf = { asf_applied_date: '02/04/2025' };
    const r = await validateText(
      fileOf(support, [
        { ...asf, asf_amount: '£3,000.00' },
        { ...asf, asf_amount: '3000.01' },
        { ...asf, asf_amount: '£12,500' },
      ]),
    );
    expect(where(r)).toEqual([
      { rule: 'rule.over_cap', severity: 'warning', line: 3, column: 'I', field: 'asf_amount' },
      { rule: 'rule.over_cap', severity: 'warning', line: 4, column: 'I', field: 'asf_amount' },
    ]);
    expect(r.diagnostics[0]?.message).toBe(message('rule.over_cap', { header: 'ASF amount approved', value: '3000.01', limit: '3000' }));
    expect(r.diagnostics[0]?.message).toContain('£3000');
    expect(r.counts).toEqual({ rowsRead: 3, wouldLoad: 3, wouldReject: 0, blank: 0, warnings: 2 });
    expect(r.verdict).toBe('warnings');
  });

  it('ageAgrees: an age that disagrees with the date of birth at 31/10/2026 is an age.mismatch warning', async () => {
    // dob 15/06/2019 → 7 on 31/10/2026; dob 15/11/2019 → 6 (birthday not yet reached).
    const r = await validateText(
      fileOf(children, [
        { age: '6' },
        { age: '7' },
        { dob: '15/11/2019', age: '6', entered_care: '01/02/2024' },
        { dob: '15/11/2019', age: '7' },
        { age: '' },
      ]),
    );
    expect(where(r)).toEqual([
      { rule: 'age.mismatch', severity: 'warning', line: 2, column: 'F', field: 'age' },
      { rule: 'age.mismatch', severity: 'warning', line: 5, column: 'F', field: 'age' },
    ]);
    expect(r.diagnostics[0]?.message).toBe(message('age.mismatch', { header: 'Age of Child (Years)', value: '6', otherHeader: 'Date of Birth', otherValue: '15/06/2019', detail: '7' }));
    expect(r.diagnostics[1]?.message).toContain('gives 6');
  });
});

// ── keys and structure ─────────────────────────────────────────────────

describe('keys and row structure', () => {
  it('key.duplicate on every occurrence after the first, naming the first line', async () => {
    const r = await validateText(fileOf(support, [{ request_id: 'S7' }, { request_id: 'S8' }, { request_id: 'S7' }, { request_id: ' S7 ' }, ...fillers(support, 12)]));
    expect(where(r)).toEqual([
      { rule: 'key.duplicate', severity: 'row_error', line: 4, column: 'A', field: 'request_id' },
      { rule: 'key.duplicate', severity: 'row_error', line: 5, column: 'A', field: 'request_id' },
    ]);
    for (const d of r.diagnostics) expect(d.message).toBe(message('key.duplicate', { detail: 'Request ID', firstLine: 2 }));
    expect(r.diagnostics[0]?.message).toContain('line 2');
  });

  it('a two-field key (children): the same child with another decision date is not a duplicate; the same date written differently is', async () => {
    const r = await validateText(
      fileOf(children, [
        { child_id: 'C9', adm_decision_date: '01/06/2024' },
        { child_id: 'C9', adm_decision_date: '01/07/2024' },
        { child_id: 'C9', adm_decision_date: '2024-06-01' },
        ...fillers(children, 12),
      ]),
    );
    expect(where(r)).toEqual([{ rule: 'key.duplicate', severity: 'row_error', line: 4, column: 'A', field: 'child_id' }]);
    expect(r.diagnostics[0]?.message).toBe(message('key.duplicate', { detail: 'Child Unique ID and Date of Decision that Child Should be Placed for Adoption', firstLine: 2 }));
  });

  it('row.field_count: too few or too many values is one diagnostic for the row, with no column', async () => {
    const r = await validateText(fileOf(support, ['S90,F1,Other,Training,01/04/2025', { request_id: 'S91' }, `${rowLine(support, supportOk, { request_id: 'S92' })},extra`, ...fillers(support, 12)]));
    expect(where(r)).toEqual([
      { rule: 'row.field_count', severity: 'row_error', line: 2, column: null, field: null },
      { rule: 'row.field_count', severity: 'row_error', line: 4, column: null, field: null },
    ]);
    expect(r.diagnostics[0]?.message).toBe(message('row.field_count', { count: 5, total: 14 }));
    expect(r.diagnostics[1]?.message).toBe(message('row.field_count', { count: 15, total: 14 }));
    expect(r.counts).toEqual({ rowsRead: 15, wouldLoad: 13, wouldReject: 2, blank: 0, warnings: 0 });
  });

  it('a record spanning lines (a quoted newline) is reported at its first line; the Excel row differs after it', async () => {
    const r = await validateText(
      fileOf(support, [
        // Values spanning lines in columns that are not identifiers (an identifier holding a line break is text.control).
        { score_start: '\n', requester: 'Nobody' },
        { requester: 'Nobody' },
        { score_start: '\r\n\n', received_date: '' },
        { requester: 'Nobody' },
        ...fillers(support, 16),
      ]),
    );
    expect(r.diagnostics.map((d) => ({ ...at(d), excelRow: d.excelRow }))).toEqual([
      { rule: 'code.unknown', severity: 'row_error', line: 2, column: 'C', field: 'requester', excelRow: 2 },
      { rule: 'code.unknown', severity: 'row_error', line: 4, column: 'C', field: 'requester', excelRow: 3 },
      { rule: 'required.missing', severity: 'row_error', line: 5, column: 'E', field: 'received_date', excelRow: 4 },
      { rule: 'code.unknown', severity: 'row_error', line: 8, column: 'C', field: 'requester', excelRow: 5 },
    ]);
    expect(r.counts.rowsRead).toBe(20);
  });

  it('blank rows (empty lines and rows of empty cells) are counted as blank, not loaded or rejected', async () => {
    const empty = ','.repeat(13);
    // line 2 ok, 3 empty line, 4 error, 5 all-empty cells, 6 spaces only (and too few fields), 7 ok, 8–9 empty lines, 10–13 ok
    const text = fileOf(support, [{}, '', { requester: 'Nobody' }, empty, ' , ,', {}, '', '', ...fillers(support, 4)]);
    const r = await validateText(text);
    expect(where(r)).toEqual([{ rule: 'code.unknown', severity: 'row_error', line: 4, column: 'C', field: 'requester' }]);
    expect(r.counts).toEqual({ rowsRead: 12, wouldLoad: 6, wouldReject: 1, blank: 5, warnings: 0 });
  });

  it('Excel artefacts: trailing empty columns (`,,,`), CRLF, a BOM and a blank line at the end are accepted', async () => {
    const rows = [headerLine(support) + ',,,', `${rowLine(support, supportOk, { request_id: 'S1' })},,,`, `${rowLine(support, supportOk, { request_id: 'S2' })},,,`, ',,,,,,,,,,,,,,,,', ''];
    const r = await validateText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows.join('\r\n') + '\r\n')]));
    expect(r.encoding).toBe('utf-8-bom');
    expect(where(r)).toEqual([]);
    expect(r.counts).toEqual({ rowsRead: 4, wouldLoad: 2, wouldReject: 0, blank: 2, warnings: 0 });
  });

  it('a quote-everything export, with quoted empty trailing columns (`,"",""`), validates clean', async () => {
    const q = (cells: string[]) => cells.map((c) => `"${c}"`).join(',');
    const text = [q([...workforce.columns.map((c) => c.header), '', '']), q(['2026-10', 'Duty', '3', '1', '0', '', '']), q(['2026-09', 'Duty', '3', '', '', '', '']), ''].join('\r\n');
    const r = await validateText(text);
    expect(where(r)).toEqual([]);
    expect(r.counts).toEqual({ rowsRead: 2, wouldLoad: 2, wouldReject: 0, blank: 0, warnings: 0 });
  });

  it.each([
    ['CRLF, then one LF line', '\r\n', ['\r\n', '\n', '\r\n', '\r\n', '\r\n']],
    ['LF, then one CRLF line', '\n', ['\n', '\r\n', '\n', '\n', '\n']],
    ['CRLF, then one bare CR line', '\r\n', ['\r\n', '\r', '\r\n', '\r\n', '\r\n']],
    ['CRLF, with a blank LF line at the end', '\r\n', ['\r\n', '\r\n', '\r\n', '\r\n', '\r\n\n']],
  ])('mixed line endings (%s) are read, each row at its own line', async (_what, headerEol, eols) => {
    const rows: Cells[] = [{ team: 'Dutty' }, { month: '2026-09' }, { month: '2026-08' }, { month: '2026-07' }, { month: '2026-06' }];
    // The last column holds a value, so a line end read as part of it cannot pass unnoticed.
    const text = headerLine(workforce) + headerEol + rows.map((r, i) => rowLine(workforce, workforceOk, { ...r, agency_fte: '0.5' }) + (eols[i] ?? '\n')).join('');
    const r = await validateText(text);
    expect(where(r)).toEqual([{ rule: 'code.unknown', severity: 'row_error', line: 2, column: 'B', field: 'team' }]);
    expect(r.counts.rowsRead - r.counts.blank).toBe(5);
    expect(r.counts.wouldReject).toBe(1);
  });

  it('a CR-only file (classic Mac) longer than the 64 KiB head validates', async () => {
    const rows: Cells[] = Array.from({ length: 3000 }, (_, i) => ({ request_id: `CR${i}`, family_id: `Family number ${i} of a long file` }));
    rows[2999] = { request_id: 'CRlast', requester: 'Nobody' };
    const text = fileOf(support, rows, '\r');
    expect(text.length).toBeGreaterThan(65_536);
    const r = await validateText(text);
    expect(r.dataset).toBe('support');
    expect(where(r)).toEqual([{ rule: 'code.unknown', severity: 'row_error', line: 3001, column: 'C', field: 'requester' }]);
    expect(r.counts).toEqual({ rowsRead: 3000, wouldLoad: 2999, wouldReject: 1, blank: 0, warnings: 0 });
  });

  it('a Windows-1252 semicolon file with £ amounts, curly quotes and reordered columns validates clean', async () => {
    const head = ['ASF amount approved', 'Date received', 'Requester', 'Request type', 'Request ID', 'ASF application date', 'Family identifier'];
    const body = [head.join(';'), '£2,500.00;01/04/2025;Adoptive parent;ASF;S1;02/04/2025;“Smith” family', '£10;1/4/2025;Other;Therapy;S2;2025-04-02;O’Neil', ''].join('\r\n');
    const r = await validateText(Buffer.from(body.replace(/“/g, '\x93').replace(/”/g, '\x94').replace(/’/g, '\x92'), 'latin1'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.dataset).toBe('support');
    expect(where(r).filter((d) => d.rule !== 'header.missing_optional')).toEqual([]);
    expect(r.counts).toEqual({ rowsRead: 2, wouldLoad: 2, wouldReject: 0, blank: 0, warnings: 0 });
  });

  it('a UTF-16 LE tab-separated file ("Unicode text" saved as .txt) validates', async () => {
    const text = [support.columns.map((c) => c.header).join('\t'), support.columns.map((c) => supportOk[c.field] ?? '').join('\t'), ''].join('\r\n');
    const r = await validateText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'unicode.txt');
    expect(r.encoding).toBe('utf-16le');
    expect(r.delimiter).toBe('\t');
    expect(where(r)).toEqual([]);
    expect(r.counts).toEqual({ rowsRead: 1, wouldLoad: 1, wouldReject: 0, blank: 0, warnings: 0 });
  });
});

// ── header findings, seen through validateFiles ──────────────────────────

describe('header findings', () => {
  it('an unknown column is a warning at line 1 with its column letter; a missing optional column has no letter', async () => {
    const cols = workforce.columns.filter((c) => c.field !== 'agency_fte');
    const text = [[...cols.map((c) => c.header), 'Notes'].join(','), '2026-10,Duty,3,1,hello', ''].join('\n');
    const r = await validateText(text);
    expect(r.diagnostics.map((d) => ({ ...at(d), header: d.header }))).toEqual([
      { rule: 'header.unknown_column', severity: 'warning', line: 1, column: 'E', field: null, header: 'Notes' },
      { rule: 'header.missing_optional', severity: 'warning', line: 1, column: null, field: 'agency_fte', header: 'Agency FTE' },
    ]);
    expect(r.counts).toEqual({ rowsRead: 1, wouldLoad: 1, wouldReject: 0, blank: 0, warnings: 0 });
    expect(r.verdict).toBe('warnings');
  });

  it('column letters go past Z: the 27th column is AA', async () => {
    const extras = Array.from({ length: 13 }, (_, i) => `Extra ${i + 1}`);
    const text = [[headerLine(support), ...extras].join(','), [rowLine(support, supportOk, { request_id: 'S1' }), ...extras.map(() => '')].join(','), ''].join('\n');
    const r = await validateText(text);
    const unknown = only(r, 'header.unknown_column');
    expect(unknown.map((d) => [d.column, d.header])).toEqual(extras.map((h, i) => [i < 12 ? String.fromCharCode(79 + i) : 'AA', h]));
    expect(unknown[11]?.column).toBe('Z');
  });

  it('empty lines above the header are skipped: the header is still found, lines keep their numbers', async () => {
    for (const above of ['\n', '\n\n', '\r\n\r\n', '\r']) {
      const eol = above.slice(-2) === '\r\n' ? '\r\n' : above.slice(-1);
      const r = await validateText(`${above}${fileOf(workforce, [{ team: 'Dutty' }, { month: '2026-09' }, { month: '2026-08' }, { month: '2026-07' }, { month: '2026-06' }], eol)}`);
      const headerAt = 1 + (above.match(/\r\n|\n|\r/g)?.length ?? 0);
      expect(r.dataset, JSON.stringify(above)).toBe('workforce');
      expect(where(r), JSON.stringify(above)).toEqual([{ rule: 'code.unknown', severity: 'row_error', line: headerAt + 1, column: 'B', field: 'team' }]);
    }
  });

  it('lines of spaces above the header are skipped like empty ones: the header is still found', async () => {
    for (const above of ['  \n', '\t\r\n \r\n']) {
      const r = await validateText(`${above}${fileOf(workforce, [{ team: 'Dutty' }, { month: '2026-09' }, { month: '2026-08' }, { month: '2026-07' }, { month: '2026-06' }])}`);
      const headerAt = 1 + (above.match(/\r\n|\n/g)?.length ?? 0);
      expect(r.dataset, JSON.stringify(above)).toBe('workforce');
      expect(where(r), JSON.stringify(above)).toEqual([{ rule: 'code.unknown', severity: 'row_error', line: headerAt + 1, column: 'B', field: 'team' }]);
    }
  });

  it('a missing required column is a file error: nothing loads', async () => {
    const text = ['Month,Team,Vacant FTE', '2026-10,Duty,1', ''].join('\n');
    const r = await validateText(text);
    expect(where(r)).toEqual([
      { rule: 'header.missing_required', severity: 'file_error', line: 1, column: null, field: 'sw_fte' },
      { rule: 'header.missing_optional', severity: 'warning', line: 1, column: null, field: 'agency_fte' },
    ]);
    expect(r.verdict).toBe('file_error');
    expect(r.counts.wouldLoad).toBe(0);
  });

  it('a duplicate column is a file error at the second one', async () => {
    const text = ['Month,Team,Social worker FTE in post,sw_fte', '2026-10,Duty,1,1', ''].join('\n');
    const r = await validateText(text);
    expect(only(r, 'header.duplicate').map(at)).toEqual([{ rule: 'header.duplicate', severity: 'file_error', line: 1, column: 'D', field: 'sw_fte' }]);
    expect(r.verdict).toBe('file_error');
  });

  it('an unrecognised header is a file error naming the nearest dataset', async () => {
    const r = await validateText('Name,Address,Request ID\nx,y,z\n');
    expect(where(r)).toEqual([{ rule: 'header.unrecognised', severity: 'file_error', line: 1, column: null, field: null }]);
    expect(r.dataset).toBeNull();
    expect(r.diagnostics[0]?.message).toContain('The nearest is "support"');
    expect(r.diagnostics[0]?.message).toContain('Name, Address');
  });
});

// ── file-level failures ────────────────────────────────────────────────

describe('file errors', () => {
  it('a header with no rows is file.no_rows (a warning), clean counts', async () => {
    const r = await validateText(`${headerLine(support)}\n`);
    expect(where(r)).toEqual([{ rule: 'file.no_rows', severity: 'warning', line: null, column: null, field: null }]);
    expect(r.counts).toEqual({ rowsRead: 0, wouldLoad: 0, wouldReject: 0, blank: 0, warnings: 0 });
  });

  it('an unterminated quote is file.unterminated_quote at the line where it opened', async () => {
    const r = await validateText(fileOf(support, [{}, '"S9,F1,Other,Training,01/04/2025,,,,,,,,,', {}]));
    expect(where(r)).toEqual([{ rule: 'file.unterminated_quote', severity: 'file_error', line: 3, column: null, field: null }]);
    expect(r.verdict).toBe('file_error');
  });

  it('a record over 1,000,000 bytes is file.line_too_long at its line', async () => {
    const r = await validateText(fileOf(support, [{}, { family_id: 'x'.repeat(1_000_001) }]));
    expect(where(r)).toEqual([{ rule: 'file.line_too_long', severity: 'file_error', line: 3, column: null, field: null }]);
  });

  it('an empty file is file.empty; a file that does not exist is file.unreadable', async () => {
    const r = await validateText('');
    expect(where(r)).toEqual([{ rule: 'file.empty', severity: 'file_error', line: null, column: null, field: null }]);
    const missing = await validateFiles([join(dir, 'no-such-file.csv')], { period: PERIOD });
    expect(missing.map((x) => x.diagnostics.map(at))).toEqual([[{ rule: 'file.unreadable', severity: 'file_error', line: null, column: null, field: null }]]);
    expect(missing[0]?.diagnostics[0]?.message).toBe(message('file.unreadable', { detail: 'no such file' }));
  });

  it('NUL bytes are file.binary naming the line', async () => {
    const r = await validateText(Buffer.concat([Buffer.from(fileOf(support, [{}, {}])), Buffer.from([0x00, 0x01, 0x02]), Buffer.from('\n')]));
    expect(where(r)).toEqual([{ rule: 'file.binary', severity: 'file_error', line: 4, column: null, field: null }]);
    expect(r.diagnostics[0]?.message).toBe(message('file.binary', { limit: 4 }));
  });
});

// ── the hold ───────────────────────────────────────────────────────────

describe('the hold (more than 20% of rows with errors)', () => {
  const withErrors = (bad: number, total: number) =>
    fileOf(support, [...Array.from({ length: bad }, (_, i) => ({ request_id: `B${i}`, requester: 'Nobody' })), ...Array.from({ length: total - bad }, (_, i) => ({ request_id: `G${i}` }))]);

  it('21 of 100 rows with errors: file.held, verdict held', async () => {
    const r = await validateText(withErrors(21, 100));
    expect(r.counts).toEqual({ rowsRead: 100, wouldLoad: 79, wouldReject: 21, blank: 0, warnings: 0 });
    expect(only(r, 'file.held').map(at)).toEqual([{ rule: 'file.held', severity: 'hold', line: null, column: null, field: null }]);
    expect(only(r, 'file.held')[0]?.message).toBe(message('file.held', { count: 21, total: 100, share: '21%', limit: '20%' }));
    expect(r.verdict).toBe('held');
    expect(r.countsByRule).toEqual({ 'code.unknown': 21, 'file.held': 1 });
  });

  it('20 of 100 rows with errors: not held, verdict rows_rejected', async () => {
    const r = await validateText(withErrors(20, 100));
    expect(r.counts).toEqual({ rowsRead: 100, wouldLoad: 80, wouldReject: 20, blank: 0, warnings: 0 });
    expect(only(r, 'file.held')).toEqual([]);
    expect(r.verdict).toBe('rows_rejected');
  });

  it('blank rows do not count towards the share', async () => {
    // 2 of 10 non-blank rows with errors (20%), plus 5 blank lines: not held.
    const r = await validateText(withErrors(2, 10) + '\n\n\n\n\n');
    expect(r.counts).toEqual({ rowsRead: 15, wouldLoad: 8, wouldReject: 2, blank: 5, warnings: 0 });
    expect(r.verdict).toBe('rows_rejected');
  });
});
