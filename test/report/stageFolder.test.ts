// A folder replaced whole (a report's CSV folder, a month's set) and what a killed run left tidied: a folder moved
// aside comes back when nothing replaced it, leftovers of dead processes go, a live process's are kept.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeLeftovers, replaceFolder } from '../../src/report/stageFolder.js';

const root = mkdtempSync(join(tmpdir(), 'raa-stage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dead = 2 ** 22 + 12_345; // above Linux's default pid_max: no process has it

function folder(path: string, file: string, text: string): string {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, file), text);
  return path;
}

describe('replaceFolder and removeLeftovers', () => {
  it('replaces a folder whole, leaving nothing aside', () => {
    const dir = mkdtempSync(join(root, 'a-'));
    const target = folder(join(dir, 'r-csv'), 'old.csv', 'old');
    const fresh = folder(join(dir, `r-csv.tmp-${process.pid}`), 'new.csv', 'new');
    replaceFolder(fresh, target);
    expect(readdirSync(target)).toEqual(['new.csv']);
    expect(readdirSync(dir)).toEqual(['r-csv']);
  });

  it('puts back a folder moved aside by a killed swap, removes the rest of a dead run, keeps a live run', () => {
    const dir = mkdtempSync(join(root, 'b-'));
    folder(join(dir, `.a-csv.old-${dead}`), 'x.csv', 'previous'); // killed between the renames: a-csv is missing
    folder(join(dir, 'b-csv'), 'x.csv', 'current');
    folder(join(dir, `.b-csv.old-${dead}`), 'x.csv', 'stale'); // killed after the new one went in
    writeFileSync(join(dir, `r.json.tmp-${dead}`), '{"half":');
    writeFileSync(join(dir, `r.json.tmp-${process.pid}`), '{"mine":'); // this process: still at work
    const removed = removeLeftovers(dir);
    expect(removed.sort()).toEqual([join(dir, `.b-csv.old-${dead}`), join(dir, `r.json.tmp-${dead}`)].sort());
    expect(readFileSync(join(dir, 'a-csv', 'x.csv'), 'utf8')).toBe('previous');
    expect(readFileSync(join(dir, 'b-csv', 'x.csv'), 'utf8')).toBe('current');
    expect(existsSync(join(dir, `r.json.tmp-${process.pid}`))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['a-csv', 'b-csv', `r.json.tmp-${process.pid}`].sort());
  });
});
