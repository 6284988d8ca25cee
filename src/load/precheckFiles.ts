// Check the files of one or more partner-months before they are planned: those whose bytes are already in the ledger
// are recognised (hashed once), the rest validated in one batch, files of one dataset together (validateBatch), each
// against its own month. Every file gets an answer, by path: one per extract it holds (a workbook: one per sheet read,
// each known by the workbook's sha256 and the sheet's name). The caller disposes the staged tables.
import { rm } from 'node:fs/promises';
import { makeScratchDir } from '../ingest/scratchDir.js';
import { unexpectedFailure, validateBatch, type Validated } from '../validate/index.js';
import type { ValidateSettings } from '../config/ValidateSettings.js';
import type { Database } from '../warehouse/Database.js';
import { knownOutcome, type KnownSubmission } from './decideOutcome.js';
import { hashFile } from './hashFile.js';
import type { InboxFile } from './inboxFiles.js';

/** A file whose bytes are already in the ledger: the ledger row and what that makes the file. */
export type Recognised = NonNullable<ReturnType<typeof knownOutcome>>;

/**
 * What is known of an extract before it is planned: its bytes (and sheet) are already in the ledger (`recognised`),
 * or it has been validated. `sheet`: the workbook sheet it is, null for a text file.
 */
export type Checked = { sheet: string | null; recognised: Recognised } | Validated;

const sheetKey = (sheet: string | null) => sheet ?? '';

/**
 * The ledger rows a file's bytes are already recorded as (one per sheet for a workbook), each with what that makes
 * the extract; null when the bytes are new, or when some extract of them must be validated again (held before and now
 * accepted partially).
 */
async function recognisedBytes(file: InboxFile, ledger: readonly KnownSubmission[], acceptPartial: boolean): Promise<Checked[] | null> {
  if (ledger.length === 0) return null; // nothing to recognise: no need to hash
  const sha = await hashFile(file.path).catch(() => null);
  const same = ledger.filter((k) => sha !== null && k.sha256 === sha);
  if (same.length === 0) return null;
  const sheets = [...new Set(same.map((k) => sheetKey(k.sheet)))];
  const known: Checked[] = [];
  for (const key of sheets) {
    const recognised = knownOutcome(same.filter((k) => sheetKey(k.sheet) === key), acceptPartial);
    if (!recognised) return null;
    known.push({ sheet: recognised.known.sheet, recognised });
  }
  return known;
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

export async function precheckFiles(db: Database, months: readonly PrecheckMonth[], opts: PrecheckOptions): Promise<Map<string, Checked[]>> {
  const checked = new Map<string, Checked[]>();
  const fresh: (InboxFile & { period: string; ledger: readonly KnownSubmission[] })[] = [];
  for (const { period, files, ledger } of months) {
    for (const f of files) {
      const known = await recognisedBytes(f, ledger, opts.acceptPartial);
      if (known) checked.set(f.path, known);
      else fresh.push({ ...f, period, ledger });
    }
  }
  if (fresh.length === 0) return checked;
  const scratchDir = await makeScratchDir('load');
  try {
    const validated = await validateBatch(fresh.map((f) => ({ path: f.path, displayName: f.name, period: f.period })), { db, scratchDir, prefix: opts.prefix, settings: opts.settings, keepChecked: true });
    for (const v of validated) {
      const f = fresh[v.source] as (typeof fresh)[number];
      // A sheet already in the ledger (its workbook was loaded before with a sheet now validated again) stays as it was.
      const same = f.ledger.filter((k) => k.sha256 === v.result.sha256 && sheetKey(k.sheet) === sheetKey(v.sheet));
      const recognised = same.length > 0 ? knownOutcome(same, opts.acceptPartial) : null;
      if (recognised) await v.checked?.dispose();
      const entry: Checked = recognised ? { sheet: v.sheet, recognised } : v;
      checked.set(f.path, [...(checked.get(f.path) ?? []), entry]);
    }
  } catch (e) {
    // validateBatch answers for every file it can; this is the rest (it could not even start)
    for (const f of fresh) if (!checked.has(f.path)) checked.set(f.path, [{ result: unexpectedFailure(f.name, e), source: 0, sheet: null }]);
  } finally {
    await rm(scratchDir, { recursive: true, force: true }); // transcoded copies and sheet copies: the rows are staged by now
  }
  return checked;
}

/** Drop the staged tables of every validated extract (those already disposed are left alone). */
export async function disposeChecked(checked: ReadonlyMap<string, readonly Checked[]> | undefined): Promise<void> {
  for (const list of checked?.values() ?? []) for (const c of list) if (!('recognised' in c)) await c.checked?.dispose().catch(() => undefined);
}
