// After COMMIT, read back what each new submission stored: a successful COMMIT is no proof (design.md), the counts are.
import type { Database } from '../warehouse/Database.js';
import { storedCounts } from '../warehouse/ledger.js';

import { extractName, type FilePlan } from './FilePlan.js';

/** Problems found, one sentence each; empty when every new submission is stored as planned. */
export async function verifyStored(db: Database, plans: readonly FilePlan[]): Promise<string[]> {
  const problems: string[] = [];
  const stored = plans.filter((p): p is FilePlan & { submissionId: number } => p.submissionId !== null);
  if (stored.length === 0) return problems;
  // One read-back for the whole load: each submission's ledger row and what its id holds in every table. The query
  // (the ledger joined with the dataset tables, quarantine and diagnostics) is ledger.ts's storedCounts, which raa
  // check uses too; what is expected of each submission is the load's, here.
  const datasets = [...new Set(stored.flatMap((p) => (p.outcome === 'loaded' && p.checked ? [p.checked.dataset.name] : [])))];
  const rows = await storedCounts(db, datasets, { ids: stored.map((p) => p.submissionId), diagnostics: true });
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
