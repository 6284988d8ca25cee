// The monthly job as people read it: a summary row per partner and month (rows read = loaded + rejected + blank, each shown), the report stage, the ledger, and one verdict line.
import { needsAttention } from '../load/FileLoad.js';
import { describeStatus } from '../status/describeStatus.js';
import { textTable } from '../status/textTable.js';
import { runExitCode, type PartnerRun, type RunReport } from './runPipeline.js';

function summaryRow(l: PartnerRun): (string | number)[] {
  const n = (pred: (f: PartnerRun['files'][number]) => boolean) => l.files.filter(pred).length;
  const sum = (pick: (f: PartnerRun['files'][number]) => number) => l.files.filter((f) => f.outcome === 'loaded').reduce((t, f) => t + pick(f), 0);
  const problem = l.error ?? [
    ...l.files.filter(needsAttention).map((f) => `${f.file}: ${f.outcome === 'loaded' ? `${f.rowErrors} row(s) rejected` : f.outcome.replace('_', ' ')}`),
    ...(l.filesNotRead > 0 ? [`${l.filesNotRead} file(s) not read`] : []),
  ].join('; ');
  return [
    l.period, l.partner, l.files.length, n((f) => f.outcome === 'loaded'), n((f) => f.outcome.startsWith('already')), n((f) => f.outcome === 'held'), n((f) => f.outcome === 'rejected'),
    sum((f) => f.counts.rowsRead), sum((f) => f.counts.rowsLoaded), sum((f) => f.counts.rowsRejected), sum((f) => f.counts.blank), sum((f) => f.counts.warnings),
    l.error ? `FAILED: ${problem}` : problem,
  ];
}

export function verdictLine(r: RunReport): string {
  const files = r.loads.flatMap((l) => l.files);
  const count = (o: string) => files.filter((f) => f.outcome === o).length;
  const rowErrors = files.filter((f) => f.outcome === 'loaded').reduce((t, f) => t + f.rowErrors, 0);
  const failed = r.loads.filter((l) => l.error !== null);
  const notRead = r.loads.reduce((n, l) => n + l.filesNotRead, 0);
  const missing = r.missingDatasets.map((m) => `${m.partner} ${m.period} ${m.dataset}`);
  const unresolved = files.filter((f) => f.outcome === 'already_recorded' && f.datasetLoaded === false).length;
  const what = `${r.periods.length === 0 ? 'no months in the inboxes' : r.periods.join(', ')}: ${count('loaded')} file(s) loaded, ${count('already_loaded') + count('already_recorded')} already in the ledger`;
  const issues = [
    failed.length ? `${failed.length} partner-month(s) FAILED and were left as they were (${failed.map((l) => `${l.partner} ${l.period}`).join(', ')})` : '',
    count('held') ? `${count('held')} file(s) held` : '',
    count('rejected') ? `${count('rejected')} file(s) rejected` : '',
    rowErrors ? `${rowErrors} row(s) rejected` : '',
    unresolved ? `${unresolved} file(s) held or rejected earlier still without a loaded replacement` : '',
    notRead ? `${notRead} file(s) in the inboxes not read` : '',
    r.missingInboxes.length ? `${r.missingInboxes.length} partner(s) whose inbox folder does not exist (${r.missingInboxes.map((m) => `${m.partner}: ${m.inbox}`).join('; ')})` : '',
    missing.length ? `${missing.length} required dataset(s) MISSING (${missing.join(', ')})` : '',
    r.reportError ? `the reports FAILED to render (${r.reportError}); the loads stand` : '',
  ].filter(Boolean);
  switch (runExitCode(r)) {
    case 0:
      return `Verdict: OK — ${what}; nothing needs attention.`;
    case 1:
      return `Verdict: ATTENTION — ${what}; ${issues.join(', ')}. Send each partner its diagnostics (raa validate on the file) and load the corrected files.`;
    case 3:
      return `Verdict: FAILED — ${what}; ${issues.join(', ')}. Fix the cause and run again.`;
  }
}

export function describeRun(r: RunReport): string[] {
  const out: string[] = [];
  if (r.loads.length > 0) {
    out.push(`Loads into ${r.warehouse}`, '');
    out.push(...textTable(['month', 'partner', 'files', 'loaded', 'already', 'held', 'rejected', 'rows read', 'rows loaded', 'rows rejected', 'blank', 'warnings', 'needs attention'], r.loads.map(summaryRow)));
  } else {
    out.push(`Nothing to load: no files in the partners' inboxes${r.periods.length === 1 ? ` for ${r.periods[0] ?? ''}` : ''}.`);
  }
  const notReadLines = r.loads.flatMap((l) => [
    ...l.notRead.map((n, i) => `  ${l.period} ${l.partner}: ${n.file}${i < l.filesNotRead ? '' : ' (sheet)'}: ${n.reason}`),
    ...l.files.filter((f) => (f.titleRows ?? 0) > 0).map((f) => `  ${l.period} ${l.partner}: ${f.file}: ${f.titleRows ?? 0} title row(s) above its header row`),
  ]);
  if (notReadLines.length > 0) out.push('', 'Not read:', ...notReadLines);
  for (const m of r.missingInboxes) out.push('', `The inbox folder of ${m.partner} does not exist: ${m.inbox}. Check the path in the pipeline file; nothing of ${m.partner} was loaded.`);
  if (r.reportNotes.length > 0 || r.reportFiles.length > 0 || r.reportError) out.push('', ...r.reportNotes, ...r.reportFiles.map((f) => `  wrote ${f}`));
  if (r.reportError) out.push(`Reports for ${r.reportPeriod ?? ''}: FAILED — ${r.reportError}`);
  if (r.ledger) out.push('', ...describeStatus(r.ledger));
  out.push('', verdictLine(r));
  return out;
}
