// Check the files of one or more partner-months before they are planned: those whose bytes are already in the ledger
// are recognised (hashed once), the rest validated in one batch, files of one dataset together (validateBatch), each
// against its own month. Every file gets an answer, by path; the caller disposes the staged tables.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unexpectedFailure, validateBatch, type Validated } from '../validate/validateBatch.js';
import type { ValidateSettings } from '../validate/ValidateSettings.js';
import type { Database } from '../warehouse/Database.js';
import { knownOutcome, type KnownSubmission } from './decideOutcome.js';
import { hashFile } from './hashFile.js';
import type { InboxFile } from './inboxFiles.js';

/** A file whose bytes are already in the ledger: the ledger row and what that makes the file. */
export type Recognised = NonNullable<ReturnType<typeof knownOutcome>>;

/** What is known of a file before it is planned: its bytes are already in the ledger, or it has been validated. */
export type Checked = { recognised: Recognised } | { validated: Validated };

/** The ledger row a file's bytes are already recorded as, and what that makes the file; null when they are new. */
async function recognisedBytes(file: InboxFile, ledger: readonly KnownSubmission[], acceptPartial: boolean): Promise<Recognised | null> {
  if (ledger.length === 0) return null; // nothing to recognise: no need to hash
  const sha = await hashFile(file.path).catch(() => null);
  return sha === null ? null : knownOutcome(ledger.filter((k) => k.sha256 === sha), acceptPartial);
}

/** A partner-month's files, its reporting month, and the ledger rows already recorded for it. */
export interface PrecheckMonth {
  period: string;
  files: readonly InboxFile[];
  ledger: readonly KnownSubmission[];
}

export interface PrecheckOptions {
  settings: ValidateSettings;
  acceptPartial: boolean;
  /** Prefix for the batch's temporary tables (unique on the connection while they live). */
  prefix: string;
}

export async function precheckFiles(db: Database, months: readonly PrecheckMonth[], opts: PrecheckOptions): Promise<Map<string, Checked>> {
  const checked = new Map<string, Checked>();
  const fresh: (InboxFile & { period: string })[] = [];
  for (const { period, files, ledger } of months) {
    for (const f of files) {
      const recognised = await recognisedBytes(f, ledger, opts.acceptPartial);
      if (recognised) checked.set(f.path, { recognised });
      else fresh.push({ ...f, period });
    }
  }
  if (fresh.length === 0) return checked;
  const scratchDir = await mkdtemp(join(tmpdir(), 'raa-load-'));
  try {
    const validated = await validateBatch(fresh.map((f) => ({ path: f.path, displayName: f.name, period: f.period })), { db, scratchDir, prefix: opts.prefix, settings: opts.settings, keepStaged: true });
    for (const [i, f] of fresh.entries()) checked.set(f.path, { validated: validated[i] as Validated });
  } catch (e) {
    // validateBatch answers for every file it can; this is the rest (it could not even start)
    for (const f of fresh) if (!checked.has(f.path)) checked.set(f.path, { validated: { result: unexpectedFailure(f.name, e) } });
  } finally {
    await rm(scratchDir, { recursive: true, force: true }); // transcoded copies: the rows are staged by now
  }
  return checked;
}

/** Drop the staged tables of every validated file (those already disposed are left alone). */
export async function disposeChecked(checked: ReadonlyMap<string, Checked> | undefined): Promise<void> {
  for (const c of checked?.values() ?? []) if ('validated' in c) await c.validated.staged?.dispose().catch(() => undefined);
}
