// raa run validates several months' new files together, but no more bytes of files at once than its bound.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { monthBatches } from '../../src/pipeline/monthBatches.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A month whose partners sent files of these sizes (sparse files: no disk is used). */
function month(period: string, ...sizes: number[][]) {
  return {
    period,
    runs: sizes.map((files, p) => ({
      files: files.map((bytes, f) => {
        const path = join(dir, `${period}-p${p}-f${f}.csv`);
        writeFileSync(path, '');
        truncateSync(path, bytes);
        return { path, name: `f${f}.csv`, received: new Date(0), receivedFrom: 'mtime' as const };
      }),
    })),
  };
}

const periods = (batches: { period: string }[][]) => batches.map((b) => b.map((m) => m.period));

describe('months checked together', () => {
  it('takes consecutive months together while their files fit the bound, counting every partner’s files', async () => {
    const months = [month('2026-01', [30], [20]), month('2026-02', [40]), month('2026-03', [10, 10]), month('2026-04', [5])];
    // 50 bytes, then 40 more (90 ≤ 100) joins; 20 more would make 110: a new batch, which 2026-04 joins (25)
    expect(periods(await monthBatches(months, 100))).toEqual([['2026-01', '2026-02'], ['2026-03', '2026-04']]);
  });

  it('puts a month over the bound in a batch of its own, and one that reaches it exactly with the one before', async () => {
    const months = [month('2026-05', [60]), month('2026-06', [40]), month('2026-07', [150]), month('2026-08', [1])];
    expect(periods(await monthBatches(months, 100))).toEqual([['2026-05', '2026-06'], ['2026-07'], ['2026-08']]);
  });

  it('counts a file it cannot read as empty, and a month with no files as nothing', async () => {
    const gone = { period: '2026-09', runs: [{ files: [{ path: join(dir, 'missing.csv'), name: 'missing.csv', received: new Date(0), receivedFrom: 'mtime' as const }] }] };
    const months = [month('2026-10', [100]), gone, { period: '2026-11', runs: [] }, month('2026-12', [1])];
    expect(periods(await monthBatches(months, 100))).toEqual([['2026-10', '2026-09', '2026-11'], ['2026-12']]);
  });
});
