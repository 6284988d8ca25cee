// Validate, in one batch, the files of one or more partner-months of a month whose bytes are not already in the
// ledger: files of one dataset are checked together (validateBatch). Returned by path with their staged tables, which
// the caller disposes. Should the batch fail as a whole the map is empty, and planFile validates each file alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateBatch, type Validated } from '../validate/validateBatch.js';
import type { ValidateSettings } from '../validate/ValidateSettings.js';
import type { Database } from '../warehouse/Database.js';
import type { KnownSubmission } from './decideOutcome.js';
import type { InboxFile } from './inboxFiles.js';
import { recognisedBytes } from './planFile.js';

export interface NewFilesOptions {
  period: string;
  settings: ValidateSettings;
  acceptPartial: boolean;
  /** Prefix for the batch's temporary tables (unique on the connection while they live). */
  prefix: string;
}

export async function validateNewFiles(db: Database, months: readonly { files: readonly InboxFile[]; ledger: readonly KnownSubmission[] }[], opts: NewFilesOptions): Promise<Map<string, Validated>> {
  const fresh: InboxFile[] = [];
  for (const { files, ledger } of months) for (const f of files) if (!(await recognisedBytes(f, ledger, opts.acceptPartial))) fresh.push(f);
  if (fresh.length === 0) return new Map();
  const scratchDir = await mkdtemp(join(tmpdir(), 'raa-load-'));
  try {
    const validated = await validateBatch(fresh.map((f) => ({ path: f.path, displayName: f.name, period: opts.period })), { db, scratchDir, prefix: opts.prefix, settings: opts.settings, keepStaged: true });
    return new Map(fresh.map((f, i) => [f.path, validated[i] as Validated]));
  } catch {
    return new Map();
  } finally {
    await rm(scratchDir, { recursive: true, force: true }); // transcoded copies: the rows are staged by now
  }
}
