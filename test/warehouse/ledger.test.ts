// The submission ledger behind one module (issue 11, item 6): no other file of src/ writes SQL on `submission` or
// `current_submission`, and ledger.ts's functions do what their names say on a fresh warehouse.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../src/warehouse/Database.js';
import {
  countSubmissions, currentFor, insertSubmissions, latestLedgerPeriod, ledgerExportQuery, ledgerRows, loadedFor, nextSubmissionIds,
  partnersWithCurrent, periodsWithData, previousAccepted, storedCounts, submissionsFor, submissionsInEffect, submissionsUsed, supersede,
  type NewSubmission,
} from '../../src/warehouse/ledger.js';
import { openWarehouse } from '../../src/warehouse/openWarehouse.js';

const repo = join(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'raa-ledger-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => Database.closeAll());

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

const row = (over: Partial<NewSubmission> & Pick<NewSubmission, 'id'>): NewSubmission => ({
  partner: 'north', period: '2026-10', dataset: 'support', fileName: 'support.csv', sheet: null, sha256: `sha-${over.id}`, bytes: 10,
  encoding: 'utf-8', delimiter: ',', receivedAt: '2026-11-05 09:00:00.000', rowsRead: 4, rowsLoaded: 3, rowsRejected: 1, blank: 0, warnings: 0,
  status: 'loaded', supersededBy: null, acceptedPartial: false, note: null, ...over,
});

describe('the ledger module', () => {
  it('is the only file of src/ outside the migrations that writes SQL on submission or current_submission', () => {
    const sql = /\b(FROM|JOIN|INTO|UPDATE)\s+(current_)?submission\b/i;
    const offenders = files(join(repo, 'src'))
      .map((f) => relative(repo, f))
      .filter((f) => f !== join('src', 'warehouse', 'ledger.ts') && !f.startsWith(join('src', 'warehouse', 'migrations')))
      .filter((f) => sql.test(readFileSync(join(repo, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('writes, supersedes and reads back the ledger, values as parameters', async () => {
    const db = await openWarehouse(join(root, 'a.duckdb'));
    try {
      expect(await latestLedgerPeriod(db)).toBeNull();
      const ids = await nextSubmissionIds(db, 3);
      expect(ids).toHaveLength(3);
      const [a, b, c] = ids as [number, number, number];
      await insertSubmissions(db, [
        row({ id: a, period: '2026-09', partner: "o'brien" }),
        row({ id: b }),
        row({ id: c, fileName: 'support2.csv', receivedAt: '2026-11-06 09:00:00.000' }),
      ]);
      await supersede(db, [[b, c]]);
      expect(await countSubmissions(db, [a, b, c, 999])).toBe(3);
      expect(await latestLedgerPeriod(db)).toBe('2026-10');
      expect(await periodsWithData(db)).toEqual(['2026-09', '2026-10']);
      expect(await periodsWithData(db, ['children', 'adopters'])).toEqual([]);
      expect(await partnersWithCurrent(db, '2026-09', ['support'])).toEqual(["o'brien"]);
      expect((await submissionsFor(db, 'north', '2026-10')).map((s) => [s.id, s.status])).toEqual([[b, 'superseded'], [c, 'loaded']]);
      expect((await loadedFor(db, 'north', '2026-10')).map((s) => s.id)).toEqual([c]);
      expect(await currentFor(db, '2026-10')).toEqual([{ id: c, partner: 'north', dataset: 'support' }]);
      expect((await submissionsUsed(db, '2026-10')).map((s) => [s.id, s.fileName, s.receivedAt])).toEqual([[c, 'support2.csv', '2026-11-06T09:00:00Z']]);
      expect(await previousAccepted(db, "o'brien", '2026-10')).toEqual([{ dataset: 'support', id: a, period: '2026-09', rows: 4 }]);
      const status = await ledgerRows(db, '2026-10', '2026-11-05');
      expect(status.map((s) => [s.submissionId, s.status, s.onTime, s.supersededBy])).toEqual([[b, 'superseded', true, c], [c, 'loaded', false, null]]);
      expect(await submissionsInEffect(db, '2026-10', '2026-11-05')).toMatchObject([{ partner: 'north', dataset: 'support', versions: 2, loaded: true, pick_id: c, on_time: true }]);
      // Nothing stored in the dataset tables: every count is the ledger's against zero.
      const counts = await storedCounts(db, ['support'], { ids: [b, c], diagnostics: true });
      expect(counts.map((s) => [s.id, s.rows_loaded, s.stored, s.quarantined, s.diagnostics])).toEqual([[b, 3, 0, 0, 0], [c, 3, 0, 0, 0]]);
      expect((await storedCounts(db, [])).map((s) => s.id)).toEqual([a, b, c]);
      const q = ledgerExportQuery('2026-10');
      expect(q.params).toEqual(['2026-10']);
      expect((await db.all<{ id: number }>(q.sql, q.params)).map((r) => r.id)).toEqual([b, c]);
    } finally {
      db.close();
    }
  });
});
