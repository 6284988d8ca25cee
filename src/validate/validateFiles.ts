// Validate many files without touching a warehouse: expand folders, give each file its reporting month, and validate
// them as one batch (validateBatch) in a private scratch database; one file's failure never stops the others.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../../schemas/index.js';
import { isExtractFile } from '../ingest/isExtractFile.js';
import { makeScratchDir } from '../ingest/scratchDir.js';
import { isMonth } from '../period/month.js';
import { Database } from '../warehouse/Database.js';
import { memoryLimit } from '../warehouse/memoryLimit.js';
import type { FileResult } from './FileResult.js';
import { validateBatch } from './validateBatch.js';
import { defaultSettings, type ValidateSettings } from '../config/ValidateSettings.js';

/** Files named are taken whatever their extension; folders are searched (recursively, in name order) for CSV/TXT/TSV. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        const child = join(p, e.name);
        if (e.isDirectory()) out.push(...(await expandPaths([child])));
        else if (isExtractFile(e.name)) out.push(child);
      }
    } else {
      out.push(p); // a missing file becomes a file.unreadable result
    }
  }
  return out;
}

/** The reporting month from the nearest `YYYY-MM` folder in the path, if any. */
export function periodFromPath(path: string): string | undefined {
  const parts = path.split(/[\\/]/).reverse();
  return parts.find(isMonth);
}

export interface ValidateFilesOptions {
  dataset?: Dataset;
  period?: string;
  settings?: ValidateSettings;
}

export async function validateFiles(files: string[], opts: ValidateFilesOptions = {}): Promise<FileResult[]> {
  const scratchDir = await makeScratchDir('validate');
  // A file-backed scratch database with a memory cap: large files spill to disk instead of growing the process.
  const db = await Database.open(join(scratchDir, 'scratch.duckdb'), { memory_limit: memoryLimit(), temp_directory: join(scratchDir, 'spill') });
  try {
    const validated = await validateBatch(
      files.map((path) => ({ path, period: opts.period ?? periodFromPath(path) })),
      { db, scratchDir, prefix: '', settings: opts.settings ?? defaultSettings, dataset: opts.dataset },
    );
    return validated.map((v) => v.result);
  } finally {
    db.release();
    await rm(scratchDir, { recursive: true, force: true });
  }
}
