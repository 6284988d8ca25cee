// Files of one dataset are checked as one group, whatever their months, (one set of statements for all of them). Grouping must never
// change a result: every fixture validated together gives exactly what it gives alone, and files in one group do not
// see each other's rows (the same keys in two files are not duplicates; line numbers stay each file's own).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { unexpectedFailure } from '../../src/validate/validateBatch.js';
import { validateFiles } from '../../src/validate/validateFiles.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const faulty = join(repo, 'sample-data/faulty/2026-10');
const dir = mkdtempSync(join(tmpdir(), 'raa-groups-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('validating files in groups', () => {
  it('gives every faulty fixture, validated with all the others, exactly the result it gets alone', async () => {
    const files = readdirSync(faulty).filter((f) => !f.endsWith('.json')).sort().map((f) => join(faulty, f));
    const together = await validateFiles(files, { period: '2026-10' });
    const alone = [];
    for (const f of files) alone.push(...(await validateFiles([f], { period: '2026-10' })));
    expect(together).toEqual(alone);
    // The point of the fixture set: many files share a dataset, so real groups were formed.
    const perDataset = new Map<string, number>();
    for (const r of together) if (r.dataset && r.verdict !== 'file_error') perDataset.set(r.dataset, (perDataset.get(r.dataset) ?? 0) + 1);
    expect(Math.max(...perDataset.values())).toBeGreaterThan(5);
  });

  it('keeps two copies of a file apart: the same keys are not duplicates across files, and each keeps its own lines', async () => {
    const original = join(faulty, 'key.duplicate.csv');
    const copies = ['a.csv', 'b.csv', 'c.csv'].map((n) => join(dir, n));
    for (const c of copies) copyFileSync(original, c);
    const [alone] = await validateFiles([original], { period: '2026-10' });
    const together = await validateFiles(copies, { period: '2026-10' });
    expect(alone?.diagnostics.some((d) => d.rule === 'key.duplicate')).toBe(true);
    for (const [i, r] of together.entries()) {
      expect(r.counts).toEqual(alone?.counts);
      expect(r.diagnostics).toEqual(alone?.diagnostics.map((d) => ({ ...d, file: copies[i] })));
    }
  });

  it('checks files of different months in one group, each against its own month end', async () => {
    // A request received on 15 October 2026: in the future for September's extract, fine for October's.
    const header = readFileSync(join(faulty, 'date.future.csv'), 'utf8').split('\n')[0] as string;
    const text = `${header}\nG-S-1,G-F-1,adoptive_parent,asf_application,15/10/2026,,,,,,,,4,\n`;
    const paths = ['2026-09', '2026-10'].map((month) => {
      mkdirSync(join(dir, month), { recursive: true });
      writeFileSync(join(dir, month, 'support.csv'), text);
      return join(dir, month, 'support.csv');
    });
    const [september, october] = await validateFiles(paths);
    expect(september?.diagnostics.map((d) => [d.rule, d.line])).toEqual([['date.future', 2], ['file.held', null]]); // its one row is rejected
    expect(october?.diagnostics).toEqual([]);
    expect(september?.counts).toMatchObject({ rowsRead: 1, wouldReject: 1 });
    expect(october?.counts).toMatchObject({ rowsRead: 1, wouldLoad: 1 });
  });

  it('works out ages at each file’s own month end when months share a group', async () => {
    // Born 15 October 2016: 9 on 30 September 2026, 10 on 31 October 2026. The file says 10.
    const header = readFileSync(join(faulty, 'age.mismatch.csv'), 'utf8').split('\n')[0] as string;
    const text = `${header}\nG-C-1,,male,WBRI,15/10/2016,10,no,20/02/2024,15/07/2024,02/10/2024,14/03/2025,28/03/2025,19/01/2026,,,\n`;
    const paths = ['2026-09', '2026-10'].map((month) => {
      mkdirSync(join(dir, 'ages', month), { recursive: true });
      writeFileSync(join(dir, 'ages', month, 'children.csv'), text);
      return join(dir, 'ages', month, 'children.csv');
    });
    const [september, october] = await validateFiles(paths);
    expect(september?.diagnostics.map((d) => [d.rule, d.line, d.value])).toEqual([['age.mismatch', 2, '10']]);
    expect(september?.diagnostics[0]?.message).toContain('9');
    expect(october?.diagnostics).toEqual([]);
  });

  it('turns a failure nobody foresaw into that one file’s file error, naming the problem’s first line only', () => {
    const r = unexpectedFailure('x.csv', new Error('disk vanished\nstack line'));
    expect(r).toMatchObject({ file: 'x.csv', verdict: 'file_error', countsByRule: { 'file.parse': 1 }, counts: { rowsRead: 0, wouldLoad: 0 } });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.message).toContain('(disk vanished)');
    expect(r.diagnostics[0]?.message).not.toContain('stack line');
  });
});
