// The checks that run at load across datasets and months, on purpose-built two-month fixtures: each warning appears
// where it should, with its message from the catalogue, stored with the new submission, and nowhere else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { datasetByName } from '../schemas/index.js';
import { message } from '../src/diagnostics/rules.js';
import { inboxFiles } from '../src/load/inboxFiles.js';
import { loadPartnerMonth, type PartnerMonthLoad } from '../src/load/loadPartnerMonth.js';
import { Database } from '../src/warehouse/Database.js';
import { openWarehouse } from '../src/warehouse/openWarehouse.js';
import { csv, inbox, rows } from './loadFixtures.js';

const root = mkdtempSync(join(tmpdir(), 'raa-cross-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => Database.closeAll());

let n = 0;
const fresh = () => join(root, `t${++n}`);
/** How a diagnostic names record `id` of `dataset`: its identifier's header as the fixtures write it, and the value. */
const recordOf = (dataset: string, id: string) => {
  const ds = datasetByName(dataset);
  return `${ds?.columns.find((c) => c.field === ds.key[0])?.header ?? '?'} ${id}`;
};

async function load(dir: string, period: string, files: Record<string, string>, partner = 'p1'): Promise<PartnerMonthLoad> {
  const folder = inbox(dir, partner, period, files);
  const db = await openWarehouse(join(dir, 'raa.duckdb'));
  try {
    const list = (await inboxFiles(folder)).filter((f) => f.name in files);
    return await loadPartnerMonth(db, { partner, period, files: list, settings: { asfCap: 3000, holdThreshold: 0.2 } });
  } finally {
    db.release();
  }
}

async function crossDiagnostics(dir: string) {
  const db = await openWarehouse(join(dir, 'raa.duckdb'));
  try {
    return await db.all(
      `SELECT s.file_name AS file, d.line, d.field, d.value, d.record, d.rule, d.severity, d.message FROM diagnostic d JOIN submission s ON s.id = d.submission_id
       WHERE d.rule LIKE 'cross.%' ORDER BY s.id, d.line`,
    );
  } finally {
    db.release();
  }
}

describe('cross-dataset: a concern naming no child or adopter of the same partner and month', () => {
  it('warns on the concern, checking against the children and adopters loaded with it', async () => {
    const dir = fresh();
    const concerns = rows.concerns(4, (i) => ({ related_id: ['C1', 'A2', 'X9', ''][i - 1] ?? '' }));
    const result = await load(dir, '2026-09', { 'children.csv': csv('children', rows.children(3)), 'adopters.csv': csv('adopters', rows.adopters(2)), 'concerns.csv': csv('concerns', concerns) });
    expect(result.files.map((f) => [f.dataset, f.outcome, f.counts.warnings])).toEqual([['children', 'loaded', 0], ['adopters', 'loaded', 0], ['concerns', 'loaded', 1]]);
    expect(await crossDiagnostics(dir)).toEqual([
      { file: 'concerns.csv', line: 4, field: 'related_id', value: 'X9', record: recordOf('concerns', 'K3'), rule: 'cross.related_missing', severity: 'warning', message: message('cross.related_missing', { header: 'Related child or adopter ID', value: 'X9' }) },
    ]);
  });

  it('checks a concerns file loaded on its own against the current children and adopters, and another partner’s ids do not count', async () => {
    const dir = fresh();
    await load(dir, '2026-09', { 'children.csv': csv('children', rows.children(2)), 'adopters.csv': csv('adopters', rows.adopters(1)) });
    await load(dir, '2026-09', { 'children.csv': csv('children', rows.children(5)) }, 'p2');
    await load(dir, '2026-09', { 'concerns.csv': csv('concerns', rows.concerns(3, (i) => ({ related_id: ['C2', 'A1', 'C5'][i - 1] ?? '' }))) });
    expect((await crossDiagnostics(dir)).map((d) => [d.line, d.value, d.record])).toEqual([[4, 'C5', recordOf('concerns', 'K3')]]);
  });
});

describe('cross-submission: against the same partner’s previous accepted month', () => {
  it('warns when a date that never changes changed, on the record and field, comparing dates of birth by month', async () => {
    const dir = fresh();
    await load(dir, '2026-09', { 'children.csv': csv('children', rows.children(3)) });
    const changed = rows.children(3, (i) => (i === 1 ? { entered_care: '02/01/2025' } : i === 2 ? { dob: '20/03/2020' } : i === 3 ? { dob: '14/04/2020' } : {}));
    const result = await load(dir, '2026-10', { 'children.csv': csv('children', changed) });
    expect(result.files[0]?.counts.warnings).toBe(2);
    expect(await crossDiagnostics(dir)).toEqual([
      { file: 'children.csv', line: 2, field: 'entered_care', value: '02/01/2025', record: recordOf('children', 'C1'), rule: 'cross.immutable_changed', severity: 'warning', message: message('cross.immutable_changed', { header: 'Date the Child Entered Care', value: '02/01/2025', otherValue: '01/01/2025' }) },
      { file: 'children.csv', line: 4, field: 'dob', value: '14/04/2020', record: recordOf('children', 'C3'), rule: 'cross.immutable_changed', severity: 'warning', message: message('cross.immutable_changed', { header: 'Date of Birth', value: '14/04/2020', otherValue: '03/2020' }) },
    ]);
  });

  it('warns once when records open last month vanished without a closing date (closed records may go; rejected rows still count as sent)', async () => {
    const dir = fresh();
    const sept = rows.support(10, (i) => (i === 5 ? { closed_date: '01/08/2025', closure_reason: 'service_provided' } : {}));
    await load(dir, '2026-09', { 'support.csv': csv('support', sept) });
    // R3 and R4 vanish (open), R5 goes (closed), R6 is sent with a row error
    const oct = rows.support(10, (i) => (i === 6 ? { received_date: 'never' } : {})).filter((r) => !['R3', 'R4', 'R5'].includes(r.request_id ?? ''));
    await load(dir, '2026-10', { 'support.csv': csv('support', oct) });
    const [d, ...rest] = await crossDiagnostics(dir);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: null, record: null, rule: 'cross.vanished', severity: 'warning' }); // about the file, not one of its records
    expect(d?.message).toBe(message('cross.vanished', { count: 2, detail: 'for example R3, R4; last month is 2026-09' }));
  });

  it('warns when the row count swings by more than half, and compares with the previous month that was accepted', async () => {
    const dir = fresh();
    await load(dir, '2026-07', { 'support.csv': csv('support', rows.support(10)) });
    // August held (not accepted): September compares with July
    await load(dir, '2026-08', { 'support.csv': csv('support', rows.support(2, () => ({ received_date: 'x' }))) });
    await load(dir, '2026-09', { 'support.csv': csv('support', rows.support(16)) });
    await load(dir, '2026-10', { 'support.csv': csv('support', rows.support(23)) });
    const swings = (await crossDiagnostics(dir)).filter((d) => d.rule === 'cross.row_swing');
    expect(swings.map((d) => d.message)).toEqual([message('cross.row_swing', { count: 16, total: 10, share: '+60%' })]);
  });

  it('says nothing for a partner’s first month', async () => {
    const dir = fresh();
    await load(dir, '2026-10', { 'children.csv': csv('children', rows.children(3)), 'support.csv': csv('support', rows.support(3)) });
    expect(await crossDiagnostics(dir)).toEqual([]);
  });
});
