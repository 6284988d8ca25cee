// The worker pool `raa run` validates partner-months with, and the ordered turns it writes them in: a real DuckDB
// database, so each worker's connection is shown to be its own (temp tables are per connection).
import { afterEach, describe, expect, it } from 'vitest';
import { inPool, orderedTurns } from '../../src/pipeline/inPool.js';
import { Database } from '../../src/warehouse/Database.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
afterEach(() => Database.closeAll());

describe('inPool', () => {
  it('runs at most `size` tasks at once, each worker on its own connection, results in task order', async () => {
    const db = await Database.open(':memory:');
    let running = 0;
    let most = 0;
    const results = await inPool([30, 5, 20, 1, 10], 2, db, async (ms, i, conn) => {
      running++;
      most = Math.max(most, running);
      // A temp table of the same name on each connection: visible only to the worker that made it.
      await conn.run(`CREATE OR REPLACE TEMP TABLE mine AS SELECT ${i} AS task`);
      await sleep(ms);
      const row = await conn.one<{ task: number }>('SELECT task FROM mine');
      running--;
      return `${i}:${row?.task}`;
    });
    expect(most).toBe(2);
    expect(results).toEqual(['0:0', '1:1', '2:2', '3:3', '4:4']);
    db.close();
  });

  it('lets the other workers finish before rethrowing the first failure', async () => {
    const db = await Database.open(':memory:');
    const finished: number[] = [];
    await expect(
      inPool([0, 1, 2, 3], 2, db, async (t) => {
        if (t === 0) throw new Error('task 0 failed');
        await sleep(5);
        finished.push(t);
        return t;
      }),
    ).rejects.toThrow('task 0 failed');
    expect(finished).toEqual([1, 2, 3]);
    db.close();
  });
});

describe('orderedTurns', () => {
  it('runs turns in index order whatever order they are asked for, and a skipped turn lets the next go', async () => {
    const turns = orderedTurns(4);
    const order: number[] = [];
    const take = (i: number, ms: number) => turns.take(i, async () => (await sleep(ms), order.push(i), i));
    const asked = [take(3, 0), take(1, 0)];
    await sleep(10);
    expect(order).toEqual([]); // turn 0 has been neither taken nor skipped
    turns.skip(2); // waits its turn, then passes it on
    asked.push(take(0, 15));
    expect(await Promise.all(asked)).toEqual([3, 1, 0]);
    expect(order).toEqual([0, 1, 3]);
  });

  it('passes the turn on when a turn fails, and ignores a skip after the turn was taken', async () => {
    const turns = orderedTurns(2);
    const events: string[] = [];
    const first = turns.take(0, async () => {
      events.push('0 starts');
      await sleep(20);
      events.push('0 fails');
      throw new Error('write failed');
    });
    turns.skip(0); // as runPipeline's `finally` does while turn 0 is still running: it must not pass the turn on early
    const second = turns.take(1, () => (events.push('1 runs'), Promise.resolve('second')));
    await expect(first).rejects.toThrow('write failed');
    await expect(second).resolves.toBe('second');
    expect(events).toEqual(['0 starts', '0 fails', '1 runs']);
  });
});
