// A month's report set is written into a temporary folder beside its place and swapped in whole, so a reader never
// sees a mix of two renders and the previous set stays until the new one is complete. A run killed half-way leaves
// `.<name>.tmp-<pid>` (removed next time) or, killed between the two renames of the swap, `.<name>.old-<pid>` (the
// previous set, put back when nothing has taken its place).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isRunning } from '../warehouse/isRunning.js';

export interface StagedFolder {
  /** Write here. */
  dir: string;
  /** Put the finished folder in place of the target (the previous one is removed only once the new one is there). */
  commit(): void;
  /** Forget the half-written folder; the target is untouched. */
  abandon(): void;
}

/** The pid a leftover's name ends with (`x.tmp-123`, `.2026-10.old-123`), when it is one of ours; else null. */
function leftoverPid(name: string, kinds: readonly string[]): number | null {
  const m = /\.(tmp|old)-(\d+)$/.exec(name);
  return m && kinds.includes(m[1] ?? '') ? Number(m[2]) : null;
}

/**
 * Tidy `folder` after a killed run, for processes no longer running: files and folders ending `.tmp-<pid>` (writes
 * cut short) are removed; a folder moved aside as `.<name>.old-<pid>` during a swap is put back when `<name>` is
 * missing, else removed. Returns what was removed.
 */
export function removeLeftovers(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(folder)) {
    const pid = leftoverPid(entry, ['tmp', 'old']);
    if (pid === null || pid === process.pid || isRunning(pid)) continue;
    const path = join(folder, entry);
    const aside = /^\.(.+)\.old-\d+$/.exec(entry)?.[1];
    if (aside !== undefined && !existsSync(join(folder, aside))) {
      renameSync(path, join(folder, aside));
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

/** Put the finished folder `from` in place of `to` by the same swap as a month's set: `to` is never missing or mixed. */
export function replaceFolder(from: string, to: string): void {
  swapIn(from, to, join(dirname(to), `.${basename(to)}.old-${process.pid}`));
}

/** Start writing a new version of folder `target`: a temporary folder beside it, after tidying a killed run's leftovers. */
export function stageFolder(target: string): StagedFolder {
  const parent = dirname(target);
  const name = basename(target);
  mkdirSync(parent, { recursive: true });
  restoreOrRemove(parent, name);
  const tmp = join(parent, `.${name}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  return {
    dir: tmp,
    commit: () => swapIn(tmp, target, join(parent, `.${name}.old-${process.pid}`)),
    abandon: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

/** A killed run's `.<name>.tmp-<pid>` is removed; its `.<name>.old-<pid>` is the previous set: put back when `<name>` is missing, else removed. */
function restoreOrRemove(parent: string, name: string): void {
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(`.${name}.`)) continue;
    const pid = leftoverPid(entry, ['tmp', 'old']);
    if (pid === null || pid === process.pid || isRunning(pid)) continue;
    const path = join(parent, entry);
    if (entry.includes('.old-') && !existsSync(join(parent, name))) renameSync(path, join(parent, name));
    else rmSync(path, { recursive: true, force: true });
  }
}

/** Move the current folder aside, the new one in, then drop the old; another process swapping the same folder at that moment is retried. */
function swapIn(from: string, to: string, aside: string): void {
  for (let attempt = 0; ; attempt++) {
    const had = existsSync(to);
    if (had) renameSync(to, aside);
    try {
      renameSync(from, to);
    } catch (e) {
      // Put the previous set back, unless another render has just put its own there.
      if (had) {
        if (existsSync(to)) rmSync(aside, { recursive: true, force: true });
        else renameSync(aside, to);
      }
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw e;
      continue;
    }
    rmSync(aside, { recursive: true, force: true });
    return;
  }
}
