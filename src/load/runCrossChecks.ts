// The cross-dataset and cross-submission checks of every file that loads, added to its diagnostics as warnings, and
// the rows they flag added to its count of rows loaded with warnings.
import type { Database } from '../warehouse/Database.js';
import { crossDatasetChecks } from './crossDatasetChecks.js';
import { crossDiagnostic } from './CrossFinding.js';
import { crossSubmissionChecks, previousSubmissions } from './crossSubmissionChecks.js';
import type { CheckedRelations } from '../validate/index.js';
import { extractName, type FilePlan } from './FilePlan.js';

export async function runCrossChecks(db: Database, plans: readonly FilePlan[], partner: string, period: string): Promise<void> {
  // The files that will be current after this load, by dataset: the last loaded of each.
  const loading = new Map<string, CheckedRelations>();
  for (const p of plans) if (p.outcome === 'loaded' && p.checked) loading.set(p.checked.dataset.name, await p.checked.relations());

  const previous = loading.size > 0 ? await previousSubmissions(db, partner, period) : new Map<string, never>();
  for (const p of plans) {
    const checked = p.checked;
    if (p.outcome !== 'loaded' || !checked) continue;
    const findings = [
      ...(await crossDatasetChecks(db, checked, { partner, period, loading })),
      ...(await crossSubmissionChecks(db, checked, { previous: previous.get(checked.dataset.name), rows: p.counts.rowsRead - p.counts.blank })),
    ];
    if (findings.length === 0) continue;
    p.diagnostics.push(...findings.map((f) => crossDiagnostic(extractName(p.file, p.sheet), checked, f)));
    const recs = [...new Set(findings.flatMap((f) => (f.rec === null ? [] : [f.rec])))];
    if (recs.length === 0) continue;
    const warned = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM ${(await checked.relations()).warned} WHERE rec IN (SELECT unnest([${recs.join(', ')}]))`,
    );
    p.counts.warnings += recs.length - (warned?.n ?? 0);
  }
}
