// Validate many files on one connection: prepare each extract (read, decode, recognise, stage; a workbook is one
// extract per sheet with a dataset's header row), then check the extracts of each dataset together, whatever their
// months (checkFiles). A file that fails unexpectedly gets its own file error; a group whose
// checks fail is checked again file by file, so that one file cannot take the others with it.
import { tmpdir } from 'node:os';
import { isOutOfSpace, OutOfSpaceError } from '../errors/RaaError.js';
import type { Dataset } from '../../schemas/index.js';
import { message } from '../diagnostics/rules.js';
import { monthEnd } from '../period/month.js';
import type { Database } from '../warehouse/Database.js';
import type { CheckedFile } from './CheckedFile.js';
import { checkFiles } from './checkFiles.js';
import type { FileResult } from './FileResult.js';
import { emptyResult, finishResult, prepareFile, type PreparedFile } from './prepareFile.js';
import { workbookExtracts } from './workbookExtracts.js';
import type { ValidateSettings } from '../config/ValidateSettings.js';

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
  /** Keep each file's checked rows for a load (the caller disposes them); otherwise they are dropped once checked. */
  keepChecked?: boolean;
}

export interface Validated {
  result: FileResult;
  /** The checked rows, for a load (with `keepChecked`, for a file that got as far as the checks). */
  checked?: CheckedFile;
  /** The position in the files given of the file this extract is from. */
  source: number;
  /** The sheet, for an extract from a workbook; null for a text file or a workbook that could not be read. */
  sheet: string | null;
}

/** A file of a group, and where its result goes. */
type Member = { prepared: PreparedFile; at: number };

/** One result per extract, in the order of the files given (a workbook's sheets in workbook order). */
export async function validateBatch(files: readonly BatchFile[], opts: BatchOptions): Promise<Validated[]> {
  const { db, scratchDir, settings } = opts;
  const out: Validated[] = [];
  const groups = new Map<string, Member[]>();
  for (const [i, f] of files.entries()) {
    const shown = f.displayName ?? f.path;
    try {
      const found = await workbookExtracts(f.path, f.displayName, scratchDir);
      if ('failure' in found) {
        out.push({ result: found.failure, source: i, sheet: null });
        continue;
      }
      for (const x of found.extracts) {
        const at = out.length;
        const { result, prepared } = await prepareFile(x.path, { db, scratchDir, prefix: `${opts.prefix}f${at}`, displayName: x.displayName, dataset: opts.dataset, sheet: x.sheet, periodEnd: periodEnd(f.period) });
        if (x.sheet) {
          // A sheet is known by its workbook's bytes and its name, not by the CSV copy it was read from.
          Object.assign(result, { bytes: x.workbook?.bytes ?? result.bytes, sha256: x.workbook?.sha256 ?? result.sha256, encoding: null, delimiter: null });
        }
        result.diagnostics.push(...x.notes);
        if (!prepared) finishResult(result);
        out.push({ result, source: i, sheet: x.sheet?.sheet ?? null });
        if (!prepared) continue;
        const group = groups.get(prepared.dataset.name) ?? [];
        group.push({ at, prepared });
        groups.set(prepared.dataset.name, group);
      }
    } catch (e) {
      out.push({ result: unexpectedFailure(shown, e), source: i, sheet: null });
    }
  }

  const check = async (members: Member[], prefix: string) => {
    const checked = await checkFiles(members.map((m) => m.prepared), { db, prefix, settings });
    for (const [k, c] of checked.entries()) {
      const at = (members[k] as { at: number }).at;
      if (opts.keepChecked) (out[at] as Validated).checked = c;
      else await c.dispose();
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
          const failed = out[m.at] as Validated;
          out[m.at] = { ...failed, checked: undefined, result: { ...unexpectedFailure(m.prepared.result.file, e), sheet: failed.result.sheet } };
        }
      }
    }
  }
  return out;
}

/** The file error for a file whose validation threw: one `file.parse` diagnostic naming the problem. */
export function unexpectedFailure(file: string, e: unknown): FileResult {
  // A full temp folder is this machine's problem, not the council's file: stop, and say where space is needed.
  if (isOutOfSpace(e)) throw new OutOfSpaceError(`reading ${file} (raa writes its working copies in the temp folder ${tmpdir()}; set TMPDIR to use another)`, { cause: e });
  const detail = `an unexpected problem while reading it (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  const r = emptyResult(file);
  r.diagnostics.push({ file, dataset: null, line: null, excelRow: null, column: null, header: null, field: null, value: null, rule: 'file.parse', severity: 'file_error', message: message('file.parse', { detail }) });
  return finishResult(r);
}
