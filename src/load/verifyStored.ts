// After COMMIT, read back what each new submission stored: a successful COMMIT is no proof (design.md), the counts are.
import { sqlIdent } from '../warehouse/sql.js';
import type { Database } from '../warehouse/Database.js';

import { extractName, type FilePlan } from './FilePlan.js';

/** Problems found, one sentence each; empty when every new submission is stored as planned. */
export async function verifyStored(db: Database, plans: readonly FilePlan[]): Promise<string[]> {
  const problems: string[] = [];
  const stored = plans.filter((p): p is FilePlan & { submissionId: number } => p.submissionId !== null);
  if (stored.length === 0) return problems;
  // One read-back for the whole load: each submission's ledger row and what its id holds in every table.
  const ids = stored.map((p) => p.submissionId).join(', ');
  const countOf = (table: string) => `(SELECT submission_id, count(*) AS n FROM ${table} WHERE submission_id IN (${ids}) GROUP BY ALL)`;
  const datasets = [...new Set(stored.flatMap((p) => (p.outcome === 'loaded' && p.checked ? [p.checked.dataset.name] : [])))];
  const rowsStored = datasets.length ? `(${datasets.map((d) => `SELECT * FROM ${countOf(sqlIdent(d))}`).join(' UNION ALL ')})` : `(SELECT NULL::BIGINT AS submission_id, 0 AS n WHERE false)`;
  const rows = await db.all<{ id: number; status: string; rows_read: number; rows_loaded: number; rows_rejected: number; blank_rows: number; stored: number; quarantined: number; diagnostics: number }>(
    `SELECT s.id, s.status, s.rows_read, s.rows_loaded, s.rows_rejected, s.blank_rows,
       coalesce(r.n, 0) AS stored, coalesce(q.n, 0) AS quarantined, coalesce(d.n, 0) AS diagnostics
     FROM submission AS s LEFT JOIN ${rowsStored} AS r ON r.submission_id = s.id
       LEFT JOIN ${countOf('quarantine')} AS q ON q.submission_id = s.id LEFT JOIN ${countOf('diagnostic')} AS d ON d.submission_id = s.id
     WHERE s.id IN (${ids})`,
  );
  for (const p of stored) {
    const row = rows.find((r) => r.id === p.submissionId);
    const what = `${extractName(p.file, p.sheet)} (submission ${p.submissionId})`;
    if (!row) {
      problems.push(`${what} is not in the ledger after COMMIT`);
      continue;
    }
    const expectedStatus = p.storedStatus ?? p.outcome;
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
