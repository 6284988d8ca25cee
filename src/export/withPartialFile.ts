// Write a file whole or not at all: into `<path>.partial-<pid>` (owner-only), renamed over `path` only when writing succeeded.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { partialPath } from './leftovers.js';

/**
 * Run `write` on a new owner-only (0600) file beside `path`, then rename it to `path`. If `write` throws, the
 * partial file is removed and `path` is left as it was, so a reader never sees half an export. If the process is
 * killed, the partial file stays until the next export's `tidyLeftovers` removes it.
 */
export async function withPartialFile<T>(path: string, write: (file: FileHandle) => Promise<T>): Promise<T> {
  const partial = partialPath(path);
  const file = await open(partial, 'w', 0o600);
  let result: T;
  try {
    result = await write(file);
    await file.sync();
  } catch (e) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw e;
  }
  await file.close();
  await rename(partial, path);
  return result;
}
