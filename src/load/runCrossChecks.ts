// The cross-dataset and cross-submission checks of every file that loads, added to its diagnostics as warnings, and
// the rows they flag added to its count of rows loaded with warnings.
import type { Database } from '../warehouse/Database.js';
import { crossDatasetChecks } from './crossDatasetChecks.js';
import { crossDiagnostic } from './CrossFinding.js';
import { crossSubmissionChecks, previousSubmissions } from './crossSubmissionChecks.js';
import { extractName, type FilePlan } from './FilePlan.js';
import type { Loadable } from './loadableRows.js';

export async function runCrossChecks(db: Database, plans: readonly FilePlan[], partner: string, period: string): Promise<void> {
  // The files that will be current after this load, by dataset: the last loaded of each.
  const loading = new Map<string, Loadable>();
  for (const p of plans) if (p.outcome === 'loaded' && p.staged && p.loadable) loading.set(p.staged.dataset.name, p.loadable);

  const previous = loading.size > 0 ? await previousSubmissions(db, partner, period) : new Map<string, never>();
  for (const p of plans) {
    if (p.outcome !== 'loaded' || !p.staged || !p.loadable) continue;
    const findings = [
      ...(await crossDatasetChecks(db, p.staged, p.loadable, { partner, period, loading })),
      ...(await crossSubmissionChecks(db, p.staged, p.loadable, { previous: previous.get(p.staged.dataset.name), rows: p.counts.rowsRead - p.counts.blank })),
    ];
    if (findings.length === 0) continue;
    p.diagnostics.push(...findings.map((f) => crossDiagnostic(extractName(p.file, p.sheet), p.staged as NonNullable<FilePlan['staged']>, f)));
    const recs = [...new Set(findings.flatMap((f) => (f.rec === null ? [] : [f.rec])))];
    if (recs.length === 0) continue;
    const warned = await db.one<{ n: number }>(
      `SELECT count(DISTINCT rec) AS n FROM ${p.staged.findings} WHERE severity = 'warning' AND rec IN (SELECT unnest([${recs.join(', ')}]))`,
    );
    p.counts.warnings += recs.length - (warned?.n ?? 0);
  }
}
