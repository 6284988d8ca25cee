// Which months `raa run` checks together: their new files are validated as one batch (fewer, larger statements), but
// every file's rows then stay staged in DuckDB until its month is written, so a batch is bounded by bytes of files.
import { stat } from 'node:fs/promises';
import type { InboxFile } from '../load/inboxFiles.js';

/** The default bound: the sample data's two months are well under it; a year of large extracts is not. */
export const BATCH_BYTES = 64 * 1024 * 1024;

/**
 * Consecutive months, in order, in as few batches as keep each within `limit` bytes of files; a month over the limit
 * is a batch of its own. A file that cannot be read counts as empty (its load says why).
 */
export async function monthBatches<M extends { runs: readonly { files: readonly InboxFile[] }[] }>(months: readonly M[], limit = BATCH_BYTES): Promise<M[][]> {
  const batches: M[][] = [];
  let bytes = Infinity;
  for (const m of months) {
    const sizes = await Promise.all(m.runs.flatMap((r) => r.files.map((f) => stat(f.path).then((s) => s.size, () => 0))));
    const size = sizes.reduce((a, b) => a + b, 0);
    const batch = batches[batches.length - 1];
    if (!batch || bytes + size > limit) {
      batches.push([m]);
      bytes = size;
    } else {
      batch.push(m);
      bytes += size;
    }
  }
  return batches;
}
