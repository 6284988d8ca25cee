// How a load reads on a terminal: one line per file with its outcome and counts, rule codes by count; never a cell value.
import type { FileLoad } from './FileLoad.js';
import type { PartnerMonthLoad } from './loadPartnerMonth.js';

export function describeOutcome(f: FileLoad): string {
  const id = f.submissionId === null ? '' : ` #${f.submissionId}`;
  switch (f.outcome) {
    case 'loaded':
      return `loaded${id}${f.acceptedPartial ? ' (partial, --accept-partial)' : ''}${f.supersedes === null ? '' : `, supersedes #${f.supersedes}`}` +
        (f.supersededBy === null ? '' : `, but #${f.supersededBy} was received later and stays current`);
    case 'held':
      return `HELD${id}: not loaded, too many rows with errors`;
    case 'rejected':
      return `REJECTED${id}: file error, nothing loaded`;
    case 'already_loaded':
      return `already loaded${id ? ` as${id}` : ''} (same bytes): nothing to do`;
    case 'already_recorded':
      return `already recorded${id ? ` as${id}` : ''} (same bytes, ${f.previousStatus ?? 'not loaded'}): nothing to do` +
        (f.datasetLoaded ? `; a ${f.dataset ?? ''} file for the month is loaded` : f.datasetLoaded === false ? `; still no ${f.dataset ?? ''} file loaded for the month` : '');
  }
}

export function describeCounts(f: FileLoad): string {
  const c = f.counts;
  if (f.outcome === 'held') return `${c.rowsRead} read, ${f.rowErrors} with row errors, ${c.blank} blank; 0 loaded`;
  if (f.outcome === 'rejected') return `${c.rowsRead} read; 0 loaded`;
  return `${c.rowsRead} read, ${c.rowsLoaded} loaded, ${c.rowsRejected} rejected, ${c.blank} blank, ${c.warnings} with warnings`;
}

export function describeRules(f: FileLoad): string {
  const entries = Object.entries(f.countsByRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.map(([rule, n]) => `${rule} ${n}`).join(', ');
}

/** The lines for one partner-month: a heading, then each file's outcome, counts and rule codes. */
export function describeLoad(load: PartnerMonthLoad): string[] {
  const out = [`${load.partner} ${load.period}: ${load.files.length === 0 ? 'no files' : `${load.files.length} file(s)`}`];
  for (const f of load.files) {
    out.push(`  ${f.file}  (${f.dataset ?? 'unrecognised'})  ${describeOutcome(f)}`);
    out.push(`    ${describeCounts(f)}`);
    const rules = describeRules(f);
    if (rules) out.push(`    diagnostics by rule: ${rules}`);
  }
  return out;
}
