// After COMMIT, read back what each new submission stored: a successful COMMIT is no proof (design.md), the counts are.
import type { Database } from '../warehouse/Database.js';
import { quoteIdent } from '../warehouse/datasetTables.js';
import type { FilePlan } from './FilePlan.js';

/** Problems found, one sentence each; empty when every new submission is stored as planned. */
export async function verifyStored(db: Database, plans: readonly FilePlan[]): Promise<string[]> {
  const problems: string[] = [];
  for (const p of plans) {
    if (p.submissionId === null) continue;
    const table = p.outcome === 'loaded' && p.staged ? quoteIdent(p.staged.dataset.name) : null;
    const row = await db.one<{ status: string; rows_read: number; rows_loaded: number; rows_rejected: number; blank_rows: number; stored: number; quarantined: number; diagnostics: number }>(
      `SELECT status, rows_read, rows_loaded, rows_rejected, blank_rows,
         ${table ? `(SELECT count(*) FROM ${table} WHERE submission_id = $1)` : '0'} AS stored,
         (SELECT count(*) FROM quarantine WHERE submission_id = $1) AS quarantined,
         (SELECT count(*) FROM diagnostic WHERE submission_id = $1) AS diagnostics
       FROM submission WHERE id = $1`,
      [p.submissionId],
    );
    const what = `${p.file.name} (submission ${p.submissionId})`;
    if (!row) {
      problems.push(`${what} is not in the ledger after COMMIT`);
      continue;
    }
    const expectedStatus = p.supersededInBatch || p.supersededBy !== null ? 'superseded' : p.outcome;
    const expectQuarantine = p.outcome === 'loaded' ? p.counts.rowsRejected : 0;
    const checks: [string, number | string, number | string][] = [
      ['status', row.status, expectedStatus],
      ['rows read = loaded + rejected + blank', row.rows_read, row.rows_loaded + row.rows_rejected + row.blank_rows],
      ['rows loaded', row.rows_loaded, p.counts.rowsLoaded],
      ['rows in the dataset table', row.stored, p.outcome === 'loaded' ? p.counts.rowsLoaded : 0],
      ['quarantined rows', row.quarantined, expectQuarantine],
      ['diagnostics', row.diagnostics, p.diagnostics.length],
    ];
    for (const [name, found, expected] of checks) {
      if (found !== expected) problems.push(`${what}: ${name} is ${found}, expected ${expected}`);
    }
  }
  return problems;
}
