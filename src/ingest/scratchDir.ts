// Scratch folders in the temp folder: transcoded copies of extracts (plain text of child-level data) and scratch
// databases. Each is named with the PID that made it, so a later raa can tell a killed process's folder from a live one
// and remove it: private files are never left behind for long.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning } from '../warehouse/isRunning.js';

const ours = /^raa-(?:load|validate)-(?:(\d+)-)?[A-Za-z0-9]{6}$/;
/** A folder from before scratch names carried a PID is taken as abandoned after this long. */
const LEGACY_AGE_MS = 24 * 60 * 60 * 1000;

/** A new private scratch folder, `raa-<kind>-<pid>-XXXXXX` in the temp folder. The caller removes it when done. */
export const makeScratchDir = (kind: 'load' | 'validate'): Promise<string> => mkdtemp(join(tmpdir(), `raa-${kind}-${process.pid}-`));

/**
 * Remove the scratch folders of raa processes that no longer run (killed mid-load or mid-validate). Returns the paths
 * removed; never throws (a folder that cannot be removed is left for next time).
 */
export async function removeStaleScratch(dir = tmpdir(), now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = ours.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const stale = m[1] !== undefined ? !isRunning(Number(m[1])) : await stat(path).then((s) => now - s.mtimeMs > LEGACY_AGE_MS, () => false);
    if (!stale) continue;
    try {
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // left for the next start
    }
  }
  return removed;
}
