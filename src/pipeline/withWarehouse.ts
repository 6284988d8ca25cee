// Open the pipeline's warehouse for the length of one piece of work, and always release it (connection and file lock).
import type { Database } from '../warehouse/Database.js';
import { openWarehouse, type OpenWarehouseOptions } from '../warehouse/openWarehouse.js';

/** DuckDB's memory cap while writing: a load stages whole files in temp tables, which spill to disk above it (as validate's scratch database does). */
const memoryLimit = () => {
  const asked = process.env.RAA_MEMORY_LIMIT ?? '';
  return /^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(asked) ? asked : '256MB';
};

export async function withWarehouse<T>(path: string, options: OpenWarehouseOptions, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openWarehouse(path, options);
  try {
    if (!options.readOnly) await db.run(`SET memory_limit = '${memoryLimit()}'`);
    return await work(db);
  } finally {
    db.release();
  }
}
