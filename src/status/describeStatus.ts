// The ledger as people read it: one row per partner and dataset (rows read = loaded + rejected + blank, all shown), then a one-line summary of the month.
import type { DatasetStatus, LedgerStatus } from './ledgerStatus.js';
import { textTable } from './textTable.js';

const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const ukTime = (iso: string) => `${ukDate(iso)} ${iso.slice(11, 16)}`;

const stateText: Record<DatasetStatus['state'], string> = { loaded: 'loaded', held: 'HELD', rejected: 'REJECTED', missing: 'MISSING', not_yet_due: 'not yet due', not_sent: 'not sent' };

function note(d: DatasetStatus): string {
  const parts: string[] = [];
  if (d.versions > 1) parts.push(`resubmitted (${d.versions} versions)`);
  if (d.current?.acceptedPartial) parts.push('partial (--accept-partial)');
  if (d.state === 'loaded' && d.held > 0) parts.push(`${d.held} held`);
  if (d.state === 'loaded' && d.rejected > 0) parts.push(`${d.rejected} rejected`);
  if (d.state === 'held' || d.state === 'rejected') parts.push('nothing loaded');
  return parts.join('; ');
}

export function describeStatus(s: LedgerStatus): string[] {
  const rows: (string | number)[][] = [];
  for (const p of s.partners) {
    for (const d of p.datasets) {
      const c = d.current;
      const loadedRows = d.state === 'loaded' && c;
      rows.push([
        p.code, d.dataset, stateText[d.state], d.received ? ukTime(d.received) : '', d.onTime === null ? '' : d.onTime ? 'yes' : 'LATE', d.versions,
        c ? c.rowsRead : '', loadedRows ? c.rowsLoaded : '', loadedRows ? c.rowsRejected : '', c ? c.blank : '', loadedRows ? c.warnings : '', note(d),
      ]);
    }
    for (const u of p.unrecognised) {
      rows.push([p.code, '(unrecognised)', 'REJECTED', ukTime(u.received), u.onTime ? 'yes' : 'LATE', 1, u.rowsRead, '', '', u.blank, '', u.file]);
    }
  }
  const all = s.partners.flatMap((p) => p.datasets);
  const count = (pred: (d: DatasetStatus) => boolean) => all.filter(pred).length;
  const expected = count((d) => d.state !== 'not_sent');
  const summary = [
    `${count((d) => d.state === 'loaded')} of ${expected} datasets loaded`,
    `${count((d) => d.versions > 1)} resubmitted`,
    `${count((d) => d.state === 'held')} held`,
    `${count((d) => d.state === 'rejected') + s.partners.reduce((n, p) => n + p.unrecognised.length, 0)} rejected`,
    `${count((d) => d.state === 'missing')} missing`,
    // Only while the month is not yet due is anything "not yet due": said then, not as a 0 every other month.
    ...(count((d) => d.state === 'not_yet_due') > 0 ? [`${count((d) => d.state === 'not_yet_due')} not yet due`] : []),
    `${count((d) => d.onTime === false)} late`,
    `${count((d) => d.state === 'not_sent')} optional not sent`,
  ];
  return [
    `Submissions for ${s.period} (due by the end of ${ukDate(s.due)})`,
    '',
    ...textTable(['partner', 'dataset', 'state', 'received (UTC)', 'on time', 'versions', 'read', 'loaded', 'rejected', 'blank', 'warnings', 'note'], rows),
    '',
    `${summary.join(', ')}.`,
  ];
}
