// The read-back after COMMIT: a real warehouse loaded with a partner-month, then damaged behind the load's back, must
// have every discrepancy named; an intact one has none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { datasetByName } from '../../schemas/index.js';
import type { FilePlan } from '../../src/load/FilePlan.js';
import { inboxFiles } from '../../src/load/inboxFiles.js';
import { loadPartnerMonth } from '../../src/load/loadPartnerMonth.js';
import { verifyStored } from '../../src/load/verifyStored.js';
import { Database } from '../../src/warehouse/Database.js';
import { openWarehouse } from '../../src/warehouse/openWarehouse.js';
import { csv, inbox, rows } from '../loadFixtures.js';

const root = mkdtempSync(join(tmpdir(), 'raa-verify-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => Database.closeAll());

/** The plans as the load made them, rebuilt from what it reported (verifyStored reads only these fields). */
function plansOf(files: Awaited<ReturnType<typeof loadPartnerMonth>>['files'], diagnostics: Map<number, number>): FilePlan[] {
  return files.map((f, index) => {
    const dataset = datasetByName(f.dataset as 'support');
    return {
      index, file: { name: f.file, path: f.path, received: new Date(f.received) }, sheet: f.sheet, outcome: f.outcome, result: null, acceptedPartial: false,
      diagnostics: Array.from({ length: diagnostics.get(f.submissionId ?? -1) ?? 0 }), counts: f.counts, note: null,
      submissionId: f.submissionId, supersedes: null, supersededBy: null, storedStatus: null,
      checked: f.outcome === 'loaded' && dataset ? ({ dataset } as FilePlan['checked']) : undefined,
    } as FilePlan;
  });
}

describe('verifyStored', () => {
  it('finds nothing wrong with a load as stored, and names each thing changed behind its back', async () => {
    const dir = join(root, 'a');
    const support = rows.support(4).map((r, i) => (i === 3 ? { ...r, received_date: 'not a date' } : r));
    const folder = inbox(dir, 'north', '2026-10', { 'support.csv': csv('support', support), 'concerns.csv': csv('concerns', rows.concerns(2)) });
    const db = await openWarehouse(join(dir, 'raa.duckdb'));
    try {
      const loaded = await loadPartnerMonth(db, { partner: 'north', period: '2026-10', files: await inboxFiles(folder), settings: { asfCap: 3000, holdThreshold: 0.5 } });
      const counts = await db.all<{ id: number; n: number }>(`SELECT submission_id AS id, count(*) AS n FROM diagnostic GROUP BY ALL`);
      const plans = plansOf(loaded.files, new Map(counts.map((c) => [c.id, c.n])));
      const support = plans.find((p) => p.file.name === 'support.csv') as FilePlan;
      expect(support.counts).toMatchObject({ rowsLoaded: 3, rowsRejected: 1 });
      expect(await verifyStored(db, plans)).toEqual([]);

      const id = support.submissionId as number;
      await db.run(`DELETE FROM support WHERE submission_id = ${id} AND request_id = 'R1'`);
      await db.run(`DELETE FROM quarantine WHERE submission_id = ${id}`);
      await db.run(`UPDATE submission SET status = 'superseded' WHERE id = ${id}`);
      const missing: FilePlan = { ...support, submissionId: 999 };
      expect(await verifyStored(db, [...plans, missing])).toEqual([
        `support.csv (submission ${id}): status is superseded, expected loaded`,
        `support.csv (submission ${id}): rows in the dataset table is 2, expected 3`,
        `support.csv (submission ${id}): quarantined rows is 0, expected 1`,
        'support.csv (submission 999) is not in the ledger after COMMIT',
      ]);
    } finally {
      db.release();
    }
  });
});
