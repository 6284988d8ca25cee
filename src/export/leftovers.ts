// What a killed export leaves beside its targets, named with the PID that wrote it, and how the next export tidies it:
// `<name>.partial-<pid>` (a file or folder being written: removed) and `<name>.old-<pid>` (the previous version, moved
// aside during a swap: put back when the swap did not finish, removed when it did).
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isRunning } from '../warehouse/isRunning.js';

const leftover = /^(.*)\.(partial|old)-(\d+)$/;

/** Names for this process's files beside `path`. */
export const partialPath = (path: string): string => `${path}.partial-${process.pid}`;
export const oldPath = (path: string): string => `${path}.old-${process.pid}`;

/**
 * Tidy what exports killed mid-way left in `dir` (not its subfolders): partial files and folders are removed; a
 * previous version moved aside is put back when nothing replaced it, else removed. Leftovers of a process still
 * running (another export at work) are left alone. With `only`, just the leftovers of that one name (for a folder that
 * may hold anything, such as a user's --out folder). Says what it did under RAA_DEBUG.
 */
export async function tidyLeftovers(dir: string, only?: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const done: string[] = [];
  const names = new Set(entries);
  for (const name of entries) {
    const m = leftover.exec(name);
    if (!m || isRunning(Number(m[3]))) continue;
    const [, target = '', kind] = m;
    if (only !== undefined && target !== only) continue;
    const path = join(dir, name);
    if (kind === 'old' && !names.has(target)) {
      await rename(path, join(dir, target));
      names.add(target);
      done.push(`restored ${join(dir, target)} (an export was killed while swapping it)`);
    } else {
      await rm(path, { recursive: true, force: true });
      done.push(`removed ${path} (left by an export that was killed)`);
    }
  }
  if (process.env.RAA_DEBUG) for (const line of done) process.stderr.write(`raa: ${line}\n`);
}

/**
 * Put `fresh` (a complete file or folder) at `target`, the previous one kept until then. The previous version is
 * moved aside, the new one renamed into place, then the old removed: a reader sees the old or the new, never a mix;
 * a kill between the two renames is mended by the next `tidyLeftovers`, which puts the old one back.
 */
export async function swapIn(fresh: string, target: string): Promise<void> {
  const aside = oldPath(target);
  let moved = true;
  await rename(target, aside).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
    moved = false;
  });
  try {
    await rename(fresh, target);
  } catch (e) {
    if (moved) await rename(aside, target);
    throw e;
  }
  if (moved) await rm(aside, { recursive: true, force: true });
}
