// The ledger for a month on purpose-built submissions: loaded, resubmitted, held, rejected (also while an accepted one
// stands), missing, optional and not sent, unrecognised files, on time or late against the due day; and its table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxFiles } from '../src/load/inboxFiles.js';
import { loadPartnerMonth } from '../src/load/loadPartnerMonth.js';
import { describeStatus } from '../src/status/describeStatus.js';
import { dueDate, latestPeriod, ledgerStatus, type LedgerStatus } from '../src/status/ledgerStatus.js';
import { Database } from '../src/warehouse/Database.js';
import { openWarehouse } from '../src/warehouse/openWarehouse.js';
import { csv, inbox, rows } from './loadFixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-status-'));
afterAll(() => {
  Database.closeAll();
  rmSync(dir, { recursive: true, force: true });
});

const partners = [
  { code: 'p1', name: 'One', inbox: join(dir, 'p1') },
  { code: 'p2', name: 'Two', inbox: join(dir, 'p2') },
];
let status: LedgerStatus;
let latest: string | null;

async function load(partner: string, files: Record<string, string>, received: Record<string, string>): Promise<void> {
  const folder = inbox(dir, partner, '2026-10', files, received);
  const db = await openWarehouse(join(dir, 'raa.duckdb'));
  try {
    const list = (await inboxFiles(folder)).filter((f) => f.name in files);
    await loadPartnerMonth(db, { partner, period: '2026-10', files: list, settings: { asfCap: 3000, holdThreshold: 0.2 } });
  } finally {
    db.release();
  }
}

beforeAll(async () => {
  const heldSupport = csv('support', rows.support(4, (i) => (i === 1 ? { received_date: 'x' } : {})));
  await load('p1', {
    'children.csv': csv('children', rows.children(3)),
    'adopters.csv': csv('adopters', rows.adopters(2)),
    'support.csv': heldSupport,
    'concerns.csv': csv('concerns', rows.concerns(2)).replace('Severity', 'Seriousness'),
    'mystery.csv': 'a,b\n1,2\n',
  }, { 'children.csv': '2026-11-02T09:00:00Z', 'adopters.csv': '2026-11-10T23:59:00Z', 'support.csv': '2026-11-11T00:00:00Z', 'concerns.csv': '2026-11-03T09:00:00Z', 'mystery.csv': '2026-11-03T10:00:00Z' });
  // later: a corrected children file (a resubmission) and a broken adopters file that must not replace the accepted one
  // children2.csv carries a blank row (only commas), which is read but neither loaded nor rejected.
  await load('p1', { 'children2.csv': withBlankRow(csv('children', rows.children(4))), 'adopters2.csv': csv('adopters', rows.adopters(2)).replace('Disability,', 'Disabled?,') }, { 'children2.csv': '2026-11-20T09:00:00Z', 'adopters2.csv': '2026-11-21T09:00:00Z' });
  await load('p2', { 'workforce.csv': csv('workforce', rows.workforce('2026-10')) }, { 'workforce.csv': '2026-11-01T08:00:00Z' });
  const db = await openWarehouse(join(dir, 'raa.duckdb'), { readOnly: true });
  try {
    latest = await latestPeriod(db);
    status = await ledgerStatus(db, { partners, submissionDueDay: 10 }, '2026-10');
  } finally {
    db.release();
  }
});

/** The CSV with a last record of empty cells only (a blank row: read, neither loaded nor rejected). */
function withBlankRow(text: string): string {
  return `${text}${','.repeat((text.split('\n')[0] ?? '').split(',').length - 1)}\n`;
}

const find = (partner: string, dataset: string) => status.partners.find((p) => p.code === partner)?.datasets.find((d) => d.dataset === dataset);

describe('the ledger for a month', () => {
  it('is due on the due day of the following month, and the latest month is the default', () => {
    expect(dueDate('2026-10', 10)).toBe('2026-11-10');
    expect(dueDate('2026-12', 28)).toBe('2027-01-28');
    expect(status.due).toBe('2026-11-10');
    expect(latest).toBe('2026-10');
  });

  it('gives each partner and dataset its state, first arrival, punctuality, versions and the rows in use', () => {
    expect(find('p1', 'children')).toMatchObject({ state: 'loaded', received: '2026-11-02T09:00:00Z', onTime: true, versions: 2, current: { file: 'children2.csv', rowsRead: 5, rowsLoaded: 4, rowsRejected: 0, blank: 1 } });
    expect(find('p1', 'adopters')).toMatchObject({ state: 'loaded', onTime: true, versions: 2, rejected: 1, current: { file: 'adopters.csv', rowsLoaded: 2 } });
    expect(find('p1', 'support')).toMatchObject({ state: 'held', received: '2026-11-11T00:00:00Z', onTime: false, versions: 1, held: 1, current: { status: 'held', rowsLoaded: 0 } });
    expect(find('p1', 'concerns')).toMatchObject({ state: 'rejected', versions: 1, rejected: 1 });
    expect(find('p1', 'workforce')).toMatchObject({ state: 'not_sent', versions: 0, received: null, onTime: null, current: null });
    expect(find('p2', 'children')).toMatchObject({ state: 'missing', versions: 0 });
    expect(find('p2', 'workforce')).toMatchObject({ state: 'loaded', onTime: true });
    expect(status.partners[0]?.unrecognised.map((u) => [u.file, u.status])).toEqual([['mystery.csv', 'rejected']]);
  });

  it('reads as a table with a summary line', () => {
    const text = describeStatus(status).join('\n');
    expect(text).toContain('Submissions for 2026-10 (due by the end of 10/11/2026)');
    // read = loaded + rejected + blank, each in its column: 5 read, 4 loaded, 0 rejected, 1 blank, 0 warnings.
    expect(text).toMatch(/\npartner +dataset +state +received \(UTC\) +on time +versions +read +loaded +rejected +blank +warnings +note\n/);
    expect(text).toMatch(/\np1\s+children\s+loaded\s+02\/11\/2026 09:00\s+yes\s+2\s+5\s+4\s+0\s+1\s+0\s+resubmitted \(2 versions\)\n/);
    expect(text).toMatch(/\np1\s+adopters\s+loaded\s.*resubmitted \(2 versions\); 1 rejected\n/);
    expect(text).toMatch(/\np1\s+support\s+HELD\s+11\/11\/2026 00:00\s+LATE\s+1\s+4\s+0\s+nothing loaded\n/);
    expect(text).toMatch(/\np1\s+\(unrecognised\)\s+REJECTED\s.*mystery\.csv\n/);
    expect(text).toMatch(/\np2\s+children\s+MISSING\s+0\n/);
    expect(text).toContain('3 of 9 datasets loaded, 2 resubmitted, 1 held, 2 rejected, 4 missing, 1 late, 1 optional not sent.');
  });
});
