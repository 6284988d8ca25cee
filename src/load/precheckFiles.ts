// Check the files of one or more partner-months of a month before they are planned: those whose bytes are already in
// the ledger are recognised (hashed once), the rest validated in one batch, files of one dataset together
// (validateBatch). By path; the caller disposes the staged tables. Should the batch fail as a whole, its files are
// left out and planFile validates each alone.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateBatch, type Validated } from '../validate/validateBatch.js';
import type { ValidateSettings } from '../validate/ValidateSettings.js';
import type { Database } from '../warehouse/Database.js';
import type { KnownSubmission } from './decideOutcome.js';
import type { InboxFile } from './inboxFiles.js';
import { recognisedBytes, type Checked } from './planFile.js';

export interface PrecheckOptions {
  period: string;
  settings: ValidateSettings;
  acceptPartial: boolean;
  /** Prefix for the batch's temporary tables (unique on the connection while they live). */
  prefix: string;
}

export async function precheckFiles(db: Database, months: readonly { files: readonly InboxFile[]; ledger: readonly KnownSubmission[] }[], opts: PrecheckOptions): Promise<Map<string, Checked>> {
  const checked = new Map<string, Checked>();
  const fresh: InboxFile[] = [];
  for (const { files, ledger } of months) {
    for (const f of files) {
      const recognised = await recognisedBytes(f, ledger, opts.acceptPartial);
      if (recognised) checked.set(f.path, { recognised });
      else fresh.push(f);
    }
  }
  if (fresh.length === 0) return checked;
  const scratchDir = await mkdtemp(join(tmpdir(), 'raa-load-'));
  try {
    const validated = await validateBatch(fresh.map((f) => ({ path: f.path, displayName: f.name, period: opts.period })), { db, scratchDir, prefix: opts.prefix, settings: opts.settings, keepStaged: true });
    for (const [i, f] of fresh.entries()) checked.set(f.path, { validated: validated[i] as Validated });
  } catch {
    // left out: planned one by one
  } finally {
    await rm(scratchDir, { recursive: true, force: true }); // transcoded copies: the rows are staged by now
  }
  return checked;
}

/** Drop the staged tables of every validated file (those already disposed are left alone). */
export async function disposeChecked(checked: ReadonlyMap<string, Checked> | undefined): Promise<void> {
  for (const c of checked?.values() ?? []) if ('validated' in c) await c.validated.staged?.dispose().catch(() => undefined);
}
