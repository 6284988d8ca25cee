// Open the pipeline's warehouse for the length of one piece of work, and always release it (connection and file lock).
import type { Database } from '../warehouse/Database.js';
import { memoryLimit } from '../warehouse/memoryLimit.js';
import { openWarehouse, type OpenWarehouseOptions } from '../warehouse/openWarehouse.js';

export async function withWarehouse<T>(path: string, options: OpenWarehouseOptions, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openWarehouse(path, options);
  try {
    if (!options.readOnly) await db.run(`SET memory_limit = '${memoryLimit()}'`);
    return await work(db);
  } finally {
    db.release();
  }
}
