// loadPartnerMonth against real warehouse files: rows with provenance and source lines, idempotent reloads, superseding
// with history kept, held and rejected files that never replace accepted ones, --accept-partial, one transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { inboxFiles } from '../src/load/inboxFiles.js';
import { LoadFailedError } from '../src/load/LoadFailedError.js';
import { loadPartnerMonth, type PartnerMonthLoad } from '../src/load/loadPartnerMonth.js';
import { Database } from '../src/warehouse/Database.js';
import { openWarehouse } from '../src/warehouse/openWarehouse.js';
import { csv, inbox, rows } from './loadFixtures.js';

const root = mkdtempSync(join(tmpdir(), 'raa-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => Database.closeAll());

let n = 0;
/** A fresh folder for one test's inboxes and warehouse. */
const fresh = () => join(root, `t${++n}`);
const settings = { asfCap: 3000, holdThreshold: 0.2 };

async function load(dir: string, partner: string, period: string, files: Record<string, string>, opts: { acceptPartial?: boolean; received?: Record<string, string> } = {}): Promise<PartnerMonthLoad> {
  const folder = inbox(dir, partner, period, files, opts.received);
  const db = await openWarehouse(join(dir, 'raa.duckdb'));
  try {
    const list = (await inboxFiles(folder)).filter((f) => f.name in files);
    return await loadPartnerMonth(db, { partner, period, files: list, settings, acceptPartial: opts.acceptPartial });
  } finally {
    db.release();
  }
}

async function query<T = Record<string, unknown>>(dir: string, sql: string): Promise<T[]> {
  const db = await openWarehouse(join(dir, 'raa.duckdb'));
  try {
    return await db.all<T>(sql);
  } finally {
    db.release();
  }
}

/** Everything a load could change: the ledger rows and the size of every table. */
async function snapshot(dir: string) {
  const submissions = await query(dir, 'SELECT * EXCLUDE (loaded_at) FROM submission ORDER BY id');
  const counts = await query(dir, `SELECT (SELECT count(*) FROM diagnostic) AS d, (SELECT count(*) FROM quarantine) AS q,
    (SELECT count(*) FROM children) AS c, (SELECT count(*) FROM adopters) AS a, (SELECT count(*) FROM support) AS s,
    (SELECT count(*) FROM concerns) AS k, (SELECT count(*) FROM workforce) AS w`);
  return { submissions, counts };
}

describe('loading a partner-month', () => {
  it('stores typed rows with provenance and source lines (blank lines, quoted line breaks), dates of birth reduced to their month', async () => {
    const dir = fresh();
    // C2's date of birth is followed by a line break inside its quotes (an identifier holding one is a row error, text.control).
    const text = csv('children', rows.children(3, (i) => (i === 2 ? { dob: '14/03/2020\n' } : {}))).replace(/\n(C3)/, '\n\n$1');
    const result = await load(dir, 'p1', '2026-09', { 'kids.csv': text });
    expect(result.files.map((f) => [f.outcome, f.dataset, f.counts])).toEqual([
      ['loaded', 'children', { rowsRead: 4, rowsLoaded: 3, rowsRejected: 0, blank: 1, warnings: 0 }],
    ]);
    // header line 1, C1 line 2, C2 lines 3–4 (quoted line break), a blank line 5, C3 line 6
    expect(await query(dir, `SELECT child_id, source_line, strftime(dob, '%Y-%m-%d') AS dob, partner, period, family_id FROM children ORDER BY source_line`)).toEqual([
      { child_id: 'C1', source_line: 2, dob: '2020-03-01', partner: 'p1', period: '2026-09', family_id: null },
      { child_id: 'C2', source_line: 3, dob: '2020-03-01', partner: 'p1', period: '2026-09', family_id: null },
      { child_id: 'C3', source_line: 6, dob: '2020-03-01', partner: 'p1', period: '2026-09', family_id: null },
    ]);
    const [s] = await query(dir, 'SELECT status, file_name, rows_read, rows_loaded, rows_rejected, blank_rows, received_at FROM submission');
    expect(s).toMatchObject({ status: 'loaded', file_name: 'kids.csv', rows_read: 4, rows_loaded: 3, rows_rejected: 0, blank_rows: 1 });
  });

  it('quarantines every rejected row with its raw cells, line and headers, and stores every diagnostic', async () => {
    const dir = fresh();
    const text = csv('support', rows.support(10, (i) => (i === 4 ? { received_date: '31/02/2025' } : {})));
    const result = await load(dir, 'p1', '2026-09', { 'support.csv': text });
    expect(result.files[0]).toMatchObject({ outcome: 'loaded', rowErrors: 1, counts: { rowsRead: 10, rowsLoaded: 9, rowsRejected: 1, blank: 0 } });
    const [q] = await query<{ line: number; raw: string[]; headers: string[] }>(dir, 'SELECT line, excel_row, raw, headers FROM quarantine');
    expect(q).toMatchObject({ line: 5, excel_row: 5 });
    expect(q?.raw.slice(0, 5)).toEqual(['R4', null, 'adoptive_parent', 'assessment_of_need', '31/02/2025']);
    expect(q?.headers.slice(0, 2)).toEqual(['Request ID', 'Family identifier']);
    expect(await query(dir, 'SELECT line, rule, severity, field, value FROM diagnostic')).toEqual([{ line: 5, rule: 'date.impossible', severity: 'row_error', field: 'received_date', value: '31/02/2025' }]);
  });

  it('recognises the same bytes again: "already loaded", no new submission, nothing changed', async () => {
    const dir = fresh();
    const files = { 'support.csv': csv('support', rows.support(5)) };
    await load(dir, 'p1', '2026-09', files);
    const before = await snapshot(dir);
    const again = await load(dir, 'p1', '2026-09', files);
    expect(again.files.map((f) => [f.outcome, f.submissionId])).toEqual([['already_loaded', 1]]);
    expect(await snapshot(dir)).toEqual(before);
    // the same bytes for another month are a different submission
    const other = await load(dir, 'p1', '2026-10', files);
    expect(other.files[0]?.outcome).toBe('loaded');
  });

  it('keeps the file received last current when an earlier-received one is loaded after it', async () => {
    const dir = fresh();
    await load(dir, 'p1', '2026-09', { 'new.csv': csv('support', rows.support(4)) }, { received: { 'new.csv': '2026-10-08T09:00:00Z' } });
    const late = await load(dir, 'p1', '2026-09', { 'old.csv': csv('support', rows.support(3)) }, { received: { 'old.csv': '2026-10-03T09:00:00Z' } });
    expect(late.files[0]).toMatchObject({ outcome: 'loaded', submissionId: 2, supersedes: null, supersededBy: 1 });
    expect(await query(dir, 'SELECT id, file_name, status, superseded_by FROM submission ORDER BY id')).toEqual([
      { id: 1, file_name: 'new.csv', status: 'loaded', superseded_by: null },
      { id: 2, file_name: 'old.csv', status: 'superseded', superseded_by: 1 },
    ]);
    expect(await query(dir, 'SELECT count(*) AS n FROM current_support')).toEqual([{ n: 4 }]);
  });

  it('takes the same bytes twice in one inbox once', async () => {
    const dir = fresh();
    const text = csv('support', rows.support(3));
    const result = await load(dir, 'p1', '2026-09', { 'support.csv': text, 'support copy.csv': text });
    expect(result.files.map((f) => [f.file, f.outcome])).toEqual([['support.csv', 'loaded'], ['support copy.csv', 'already_loaded']]);
    expect(await query(dir, 'SELECT file_name, status FROM submission')).toEqual([{ file_name: 'support.csv', status: 'loaded' }]);
  });

  it('supersedes with new bytes and keeps the history; the current view shows only the newest', async () => {
    const dir = fresh();
    await load(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(5)) });
    const second = await load(dir, 'p1', '2026-09', { 'support v2.csv': csv('support', rows.support(6)) });
    expect(second.files[0]).toMatchObject({ outcome: 'loaded', submissionId: 2, supersedes: 1 });
    expect(await query(dir, 'SELECT id, status, superseded_by FROM submission ORDER BY id')).toEqual([
      { id: 1, status: 'superseded', superseded_by: 2 },
      { id: 2, status: 'loaded', superseded_by: null },
    ]);
    expect(await query(dir, 'SELECT submission_id, count(*) AS n FROM support GROUP BY 1 ORDER BY 1')).toEqual([{ submission_id: 1, n: 5 }, { submission_id: 2, n: 6 }]);
    expect(await query(dir, 'SELECT count(*) AS n FROM current_support')).toEqual([{ n: 6 }]);
  });

  it('loads a resubmission in the same inbox in received order, the later one superseding', async () => {
    const dir = fresh();
    // named so that name order and received order disagree
    const files = { 'a-corrected.csv': csv('support', rows.support(4)), 'b-original.csv': csv('support', rows.support(3)) };
    const result = await load(dir, 'p1', '2026-09', files, { received: { 'b-original.csv': '2026-10-03T09:00:00Z', 'a-corrected.csv': '2026-10-08T09:00:00Z' } });
    expect(result.files.map((f) => [f.file, f.outcome, f.submissionId, f.supersedes])).toEqual([
      ['b-original.csv', 'loaded', 1, null],
      ['a-corrected.csv', 'loaded', 2, 1],
    ]);
    expect(await query(dir, 'SELECT file_name, status FROM submission ORDER BY id')).toEqual([
      { file_name: 'b-original.csv', status: 'superseded' },
      { file_name: 'a-corrected.csv', status: 'loaded' },
    ]);
    expect(await query(dir, 'SELECT count(*) AS n FROM current_support')).toEqual([{ n: 4 }]);
  });
});

describe('files that must not replace an accepted submission', () => {
  it('records a file error as rejected with its diagnostics; the accepted submission stays current; the same bytes again add nothing', async () => {
    const dir = fresh();
    await load(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(5)) });
    const broken = csv('support', rows.support(5)).replace('Request type,', 'Kind of request,');
    const result = await load(dir, 'p1', '2026-09', { 'support2.csv': broken });
    expect(result.files[0]).toMatchObject({ outcome: 'rejected', dataset: 'support', counts: { rowsRead: 0, rowsLoaded: 0 } });
    expect(result.files[0]?.countsByRule).toMatchObject({ 'header.missing_required': 1 });
    expect(await query(dir, 'SELECT id, status, rows_loaded, note FROM submission ORDER BY id')).toEqual([
      { id: 1, status: 'loaded', rows_loaded: 5, note: null },
      { id: 2, status: 'rejected', rows_loaded: 0, note: 'file error: header.missing_required' },
    ]);
    expect(await query(dir, 'SELECT rule FROM diagnostic WHERE submission_id = 2 AND severity = \'file_error\'')).toEqual([{ rule: 'header.missing_required' }]);
    expect(await query(dir, 'SELECT DISTINCT submission_id FROM current_support')).toEqual([{ submission_id: 1 }]);
    const again = await load(dir, 'p1', '2026-09', { 'support2.csv': broken });
    expect(again.files.map((f) => [f.outcome, f.submissionId, f.previousStatus, f.datasetLoaded])).toEqual([['already_recorded', 2, 'rejected', true]]);
    expect(await query(dir, 'SELECT count(*) AS n FROM submission')).toEqual([{ n: 2 }]);
  });

  it('holds a file over the threshold (not loaded, never replacing); --accept-partial then loads its good rows and quarantines the rest', async () => {
    const dir = fresh();
    await load(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(5)) });
    const bad = csv('support', rows.support(10, (i) => (i <= 3 ? { received_date: 'soon' } : {})));
    const held = await load(dir, 'p1', '2026-09', { 'support-v2.csv': bad });
    expect(held.files[0]).toMatchObject({ outcome: 'held', rowErrors: 3, counts: { rowsRead: 10, rowsLoaded: 0, rowsRejected: 10, blank: 0 } });
    expect(await query(dir, 'SELECT id, status, note FROM submission ORDER BY id')).toEqual([
      { id: 1, status: 'loaded', note: null },
      { id: 2, status: 'held', note: 'held: 3 of 10 rows (30%) have row errors, over the limit of 20%' },
    ]);
    expect(await query(dir, 'SELECT count(*) AS n FROM quarantine')).toEqual([{ n: 0 }]);
    expect(await query(dir, 'SELECT DISTINCT submission_id FROM current_support')).toEqual([{ submission_id: 1 }]);
    // the same held bytes again, without --accept-partial: nothing new
    expect((await load(dir, 'p1', '2026-09', { 'support-v2.csv': bad })).files[0]?.outcome).toBe('already_recorded');

    const partial = await load(dir, 'p1', '2026-09', { 'support-v2.csv': bad }, { acceptPartial: true });
    expect(partial.files[0]).toMatchObject({ outcome: 'loaded', acceptedPartial: true, submissionId: 3, supersedes: 1, counts: { rowsRead: 10, rowsLoaded: 7, rowsRejected: 3, blank: 0 } });
    expect(await query(dir, 'SELECT id, status, accepted_partial FROM submission ORDER BY id')).toEqual([
      { id: 1, status: 'superseded', accepted_partial: false },
      { id: 2, status: 'held', accepted_partial: false },
      { id: 3, status: 'loaded', accepted_partial: true },
    ]);
    expect(await query(dir, 'SELECT submission_id, count(*) AS n FROM quarantine GROUP BY 1')).toEqual([{ submission_id: 3, n: 3 }]);
    expect(await query(dir, 'SELECT count(*) AS n FROM current_support')).toEqual([{ n: 7 }]);
  });
});

describe('one transaction per partner-month', () => {
  it('rolls back an I/O failure between two inserts: the warehouse is unchanged, the message says so, the next load succeeds', async () => {
    const dir = fresh();
    await load(dir, 'p1', '2026-09', { 'support.csv': csv('support', rows.support(5)) });
    const before = await snapshot(dir);
    const files = { 'children.csv': csv('children', rows.children(4)), 'support2.csv': csv('support', rows.support(8, (i) => (i === 1 ? { received_date: 'x' } : {}))) };
    process.env.RAA_FAIL_AFTER_INSERT = '1';
    let error: unknown;
    try {
      await load(dir, 'p1', '2026-09', files);
    } catch (e) {
      error = e;
    } finally {
      delete process.env.RAA_FAIL_AFTER_INSERT;
    }
    expect(error).toBeInstanceOf(LoadFailedError);
    expect((error as Error).message).toBe(
      'loading p1 2026-09 failed and nothing was stored (the warehouse is as it was before): injected failure after inserting rows (RAA_FAIL_AFTER_INSERT=1)',
    );
    expect(await snapshot(dir)).toEqual(before);
    const retry = await load(dir, 'p1', '2026-09', files);
    expect(retry.files.map((f) => [f.outcome, f.submissionId])).toEqual([['loaded', 2], ['loaded', 3]]);
  });
});
