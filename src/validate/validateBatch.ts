// Validate many files on one connection: prepare each file (read, decode, recognise, stage), then check the files of
// each dataset together, whatever their months (checkFiles). A file that fails unexpectedly gets its own file error; a group whose
// checks fail is checked again file by file, so that one file cannot take the others with it.
import type { Dataset } from '../../schemas/index.js';
import { message } from '../diagnostics/rules.js';
import { monthEnd } from '../period/month.js';
import type { Database } from '../warehouse/Database.js';
import { checkFiles, type CheckFile, type Staged } from './checkFiles.js';
import type { FileResult } from './FileResult.js';
import { emptyResult, finishResult, prepareFile } from './prepareFile.js';
import type { ValidateSettings } from './ValidateSettings.js';

/** The last day events may fall on: the end of the reporting month, or today when no month is given. */
export function periodEnd(period: string | undefined, today = new Date()): string {
  return period ? monthEnd(period) : today.toISOString().slice(0, 10);
}

export interface BatchFile {
  path: string;
  /** The name to show for the file (defaults to its path). */
  displayName?: string;
  /** Reporting month `YYYY-MM`; without it, event dates are checked against today. */
  period?: string;
}

export interface BatchOptions {
  db: Database;
  /** Folder for transcoded copies (removed by the caller). */
  scratchDir: string;
  /** Prefix for the batch's temporary tables (unique on the connection). */
  prefix: string;
  settings: ValidateSettings;
  dataset?: Dataset;
  /** Keep each file's staged tables for a load (the caller disposes them); otherwise they are dropped once checked. */
  keepStaged?: boolean;
}

export interface Validated {
  result: FileResult;
  staged?: Staged;
}

/** A file of a group, and where its result goes. */
type Member = CheckFile & { at: number };

/** One result per file, in the order given. */
export async function validateBatch(files: readonly BatchFile[], opts: BatchOptions): Promise<Validated[]> {
  const { db, scratchDir, settings } = opts;
  const out: Validated[] = [];
  const groups = new Map<string, Member[]>();
  for (const [i, f] of files.entries()) {
    const shown = f.displayName ?? f.path;
    try {
      const { result, prepared } = await prepareFile(f.path, { db, scratchDir, prefix: `${opts.prefix}f${i}`, displayName: f.displayName, dataset: opts.dataset });
      out.push({ result });
      if (!prepared) continue;
      const group = groups.get(prepared.dataset.name) ?? [];
      group.push({ at: i, prepared, periodEnd: periodEnd(f.period) });
      groups.set(prepared.dataset.name, group);
    } catch (e) {
      out.push({ result: unexpectedFailure(shown, e) });
    }
  }

  const check = async (members: Member[], prefix: string) => {
    const staged = await checkFiles(members, { db, prefix, settings });
    for (const [k, s] of staged.entries()) {
      const at = (members[k] as { at: number }).at;
      if (opts.keepStaged) (out[at] as Validated).staged = s;
      else await s.dispose();
    }
  };
  for (const [g, members] of [...groups.values()].entries()) {
    const before = members.map((m) => m.prepared.result.diagnostics.length);
    try {
      await check(members, `${opts.prefix}g${g}`);
    } catch (e) {
      if (process.env.RAA_PROFILE === '1') process.stderr.write(`[profile] a group of ${members.length} file(s) is checked file by file: ${String(e).split('\n')[0]}\n`);
      for (const [k, m] of members.entries()) {
        try {
          m.prepared.result.diagnostics.length = before[k] ?? 0; // back to what preparing found
          await check([m], `${opts.prefix}g${g}_${k}`);
        } catch (e) {
          await m.prepared.drop().catch(() => undefined);
          out[m.at] = { result: unexpectedFailure(m.prepared.result.file, e) };
        }
      }
    }
  }
  return out;
}

/** The file error for a file whose validation threw: one `file.parse` diagnostic naming the problem. */
export function unexpectedFailure(file: string, e: unknown): FileResult {
  const detail = `an unexpected problem while reading it (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  const r = emptyResult(file);
  r.diagnostics.push({ file, dataset: null, line: null, excelRow: null, column: null, header: null, field: null, value: null, rule: 'file.parse', severity: 'file_error', message: message('file.parse', { detail }) });
  return finishResult(r);
}
