// Validate one file: prepareFile (read → decode → recognise → parse), then checkFiles (normalise → check → account)
// as a group of one. Every outcome is a FileResult (a broken file is a file error, never an exception); the staged
// tables are kept for a load when asked.
import type { Dataset } from '../../schemas/index.js';
import type { MappedColumn } from '../ingest/recognise.js';
import type { RecordMap } from '../ingest/scanRecords.js';
import { monthEnd } from '../period/month.js';
import type { Database } from '../warehouse/Database.js';
import { checkFiles } from './checkFiles.js';
import type { FileResult } from './FileResult.js';
import { prepareFile } from './prepareFile.js';
import { defaultSettings, type ValidateSettings } from './ValidateSettings.js';
export { defaultSettings, type ValidateSettings } from './ValidateSettings.js';

export interface ValidateOptions {
  db: Database;
  /** Folder for transcoded copies (removed by the caller). */
  scratchDir: string;
  /** Unique prefix for this file's temporary tables. */
  prefix: string;
  /** The name to show for the file (defaults to its path). */
  displayName?: string;
  dataset?: Dataset;
  /** Reporting month `YYYY-MM`; without it, event dates are checked against today. */
  period?: string;
  settings?: ValidateSettings;
}

/**
 * The staged tables of a validated file, for the load. `typed` holds the non-blank data rows (`rec` = staging rowid,
 * then each field's typed value); those whose `rec` has no `row_error` in `findings` load. `staging` holds the raw cells.
 */
export interface Staged {
  dataset: Dataset;
  columns: MappedColumn[];
  map: RecordMap;
  staging: string;
  typed: string;
  findings: string;
  /** Drop the temporary tables and any transcoded copy. */
  dispose(): Promise<void>;
}

/** The last day events may fall on: the end of the reporting month, or today when no month is given. */
export function periodEnd(period: string | undefined, today = new Date()): string {
  return period ? monthEnd(period) : today.toISOString().slice(0, 10);
}

export async function validateFile(path: string, opts: ValidateOptions): Promise<{ result: FileResult; staged?: Staged }> {
  const { result, prepared } = await prepareFile(path, opts);
  if (!prepared) return { result };
  const [staged] = await checkFiles([prepared], { db: opts.db, prefix: opts.prefix, periodEnd: periodEnd(opts.period), settings: opts.settings ?? defaultSettings }).catch(async (e: unknown) => {
    await prepared.drop();
    throw e;
  });
  return staged ? { result, staged } : { result };
}
