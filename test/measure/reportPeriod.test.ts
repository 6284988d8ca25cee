// Period handling: E, W12, FY boundaries; months with data; a month without data is a clear error; past months re-render unchanged.
import { afterAll, describe, expect, it } from 'vitest';
import { availablePeriods, computeMeasures, NoDataForPeriodError } from '../../src/measure/computeMeasures.js';
import { reportPeriod } from '../../src/measure/reportPeriod.js';
import { cleanup, fig, newWarehouse, pipeline, submit } from './warehouseFixture.js';

afterAll(cleanup);

describe('reportPeriod', () => {
  it('E, the first day of W12 and the financial year', () => {
    expect(reportPeriod('2026-10')).toMatchObject({ monthStart: '2026-10-01', end: '2026-10-31', w12Start: '2025-11-01', fyStart: '2026-04-01' });
    // FY boundary: March closes the year that began the April before; April opens a new one.
    expect(reportPeriod('2026-03')).toMatchObject({ end: '2026-03-31', fyStart: '2025-04-01', w12Start: '2025-04-01' });
    expect(reportPeriod('2026-04')).toMatchObject({ end: '2026-04-30', fyStart: '2026-04-01' });
    // Leap February, and W12 across a year end.
    expect(reportPeriod('2028-02')).toMatchObject({ end: '2028-02-29', w12Start: '2027-03-01' });
    expect(reportPeriod('2026-01').months).toEqual(['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
  });
  it('refuses what is not a month', () => {
    expect(() => reportPeriod('2026-13')).toThrow(/YYYY-MM/);
  });
});

describe('months with data', () => {
  it('lists months with a loaded submission, refuses others naming them, and re-renders a past month unchanged', async () => {
    const db = await newWarehouse();
    await expect(computeMeasures(db, pipeline(), '2026-10')).rejects.toThrow(/no loaded submissions yet/);
    await submit(db, { partner: 'a', period: '2026-09', dataset: 'support', rows: [{ received_date: '2026-09-01' }, { received_date: '2026-09-30' }] });
    await submit(db, { partner: 'a', period: '2026-11', dataset: 'support', status: 'held' });
    expect(await availablePeriods(db)).toEqual(['2026-09']);
    const e = await computeMeasures(db, pipeline(), '2026-10').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoDataForPeriodError);
    expect((e as Error).message).toBe('no data for 2026-10: the warehouse has loaded submissions for 2026-09; choose one of these with --period');

    const before = await computeMeasures(db, pipeline(), '2026-09');
    expect(fig(before.measures, 'support.received', 'a', 'count').value).toBe(2);
    // October arrives: September's figures stay exactly as they were.
    await submit(db, { partner: 'a', period: '2026-10', dataset: 'support', rows: [{ received_date: '2026-09-01' }, { received_date: '2026-10-02' }] });
    expect(await availablePeriods(db)).toEqual(['2026-09', '2026-10']);
    const after = await computeMeasures(db, pipeline(), '2026-09');
    expect(after.measures).toEqual(before.measures);
    expect(after.submissions).toEqual(before.submissions);
    // A later September file that is held changes no figure computed from data; dq.submission records that it arrived.
    await submit(db, { partner: 'a', period: '2026-09', dataset: 'support', status: 'held' });
    const held = await computeMeasures(db, pipeline(), '2026-09');
    expect(held.measures.filter((m) => m.id !== 'dq.submission')).toEqual(before.measures.filter((m) => m.id !== 'dq.submission'));
    expect(fig(held.measures, 'dq.submission', 'a', 'resubmitted').value).toBe(1);
  });
});
