// The staging read answers with how many records DuckDB read, and a count that differs from the line scan's is a
// file error (StagingMismatchError), never a silent difference.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reconcileStaged, StagingMismatchError, stageCsv } from '../../src/validate/stageCsv.js';
import { Database } from '../../src/warehouse/Database.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-stage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('staging a file', () => {
  it('returns the records read (header included) and reconciles them with the scan', async () => {
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4\n5,6\n');
    const db = await Database.open(':memory:');
    try {
      expect(await stageCsv(db, 'x_raw', file, ',', { maxFields: 2, quotedNewlines: false, records: 4 }, true)).toBe(4);
      expect(await db.one('SELECT count(*) AS n FROM x_raw')).toEqual({ n: 4 });
      await expect(stageCsv(db, 'y_raw', file, ',', { maxFields: 2, quotedNewlines: false, records: 5 }, true)).rejects.toThrow(StagingMismatchError);
    } finally {
      db.close();
    }
  });

  it('names both counts when they differ', () => {
    expect(() => reconcileStaged(4, 4)).not.toThrow();
    expect(() => reconcileStaged(3, 4)).toThrow('the reader found 3 records where the line scan found 4');
  });
});
