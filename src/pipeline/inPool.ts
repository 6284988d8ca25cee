// Run tasks a few at a time, each worker on its own warehouse connection, and hand out ordered turns for the parts
// that must happen one at a time and in task order (writing to the warehouse).
import type { Database } from '../warehouse/Database.js';

/**
 * `work` for every task, at most `size` at once; worker 0 uses `db`, the others a connection of their own (closed
 * at the end). Results come back in task order. A worker whose task throws stops; the others finish theirs, then the first error is rethrown.
 */
export async function inPool<T, R>(tasks: readonly T[], size: number, db: Database, work: (task: T, index: number, conn: Database) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(tasks.length);
  let next = 0;
  const workers = Math.max(1, Math.min(size, tasks.length));
  const conns: Database[] = [db];
  try {
    for (let w = 1; w < workers; w++) conns.push(await db.connect());
    const settled = await Promise.allSettled(
      conns.map(async (conn) => {
        while (next < tasks.length) {
          const i = next++;
          results[i] = await work(tasks[i] as T, i, conn);
        }
      }),
    );
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    for (const conn of conns.slice(1)) conn.close();
  }
  return results;
}

export interface OrderedTurns {
  /** Run `fn` once every earlier turn has been taken or skipped; later turns wait for it to settle. */
  take<T>(index: number, fn: () => Promise<T>): Promise<T>;
  /** Give up turn `index` (no effect once it has been taken). */
  skip(index: number): void;
}

/** Turns 0 … n − 1, taken strictly in order. */
export function orderedTurns(n: number): OrderedTurns {
  const done: (() => void)[] = [];
  const settled = Array.from({ length: n }, (_, i) => new Promise<void>((resolve) => (done[i] = resolve)));
  const ready = (index: number) => (index === 0 ? Promise.resolve() : settled[index - 1]);
  const taken = new Set<number>();
  return {
    async take<T>(index: number, fn: () => Promise<T>): Promise<T> {
      taken.add(index);
      await ready(index);
      try {
        return await fn();
      } finally {
        done[index]?.();
      }
    },
    skip(index: number) {
      if (!taken.has(index)) void ready(index)?.then(() => done[index]?.());
    },
  };
}
