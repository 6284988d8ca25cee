// Validate many files without touching a warehouse: expand folders, give each file its reporting month, run
// validateFile in a private scratch database, and never let one file's failure stop the others.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../../schemas/index.js';
import { message } from '../diagnostics/rules.js';
import { isExtractFile } from '../ingest/isExtractFile.js';
import { isMonth } from '../period/month.js';
import { Database } from '../warehouse/Database.js';
import type { FileResult } from './FileResult.js';
import { checkFiles } from './checkFiles.js';
import { prepareFile, type PreparedFile } from './prepareFile.js';
import { defaultSettings, periodEnd, type ValidateSettings } from './validateFile.js';

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
  const scratchDir = await mkdtemp(join(tmpdir(), 'raa-validate-'));
  // A file-backed scratch database with a memory cap: large files spill to disk instead of growing the process.
  const db = await Database.open(join(scratchDir, 'scratch.duckdb'), { memory_limit: process.env.RAA_MEMORY_LIMIT ?? '256MB', temp_directory: join(scratchDir, 'spill') });
  try {
    return await checkInGroups(db, files, scratchDir, opts);
  } finally {
    db.release();
    await rm(scratchDir, { recursive: true, force: true });
  }
}

/**
 * Prepare every file, then check the files of each dataset and month as one group. A file that fails unexpectedly
 * gets its own file error; a group whose checks fail is checked again file by file, so that one file cannot take
 * the others with it.
 */
async function checkInGroups(db: Database, files: string[], scratchDir: string, opts: ValidateFilesOptions): Promise<FileResult[]> {
  const settings = opts.settings ?? defaultSettings;
  const results: FileResult[] = [];
  const groups = new Map<string, { prepared: PreparedFile[]; end: string }>();
  for (const [i, path] of files.entries()) {
    try {
      const { result, prepared } = await prepareFile(path, { db, scratchDir, prefix: `f${i}`, dataset: opts.dataset });
      results.push(result);
      if (!prepared) continue;
      const end = periodEnd(opts.period ?? periodFromPath(path));
      const key = `${prepared.dataset.name} ${end}`;
      const group = groups.get(key) ?? { prepared: [], end };
      group.prepared.push(prepared);
      groups.set(key, group);
    } catch (e) {
      results.push(unexpectedFailure(path, e));
    }
  }
  for (const [g, { prepared, end }] of [...groups.values()].entries()) {
    const check = async (part: PreparedFile[], prefix: string) => {
      for (const staged of await checkFiles(part, { db, prefix, periodEnd: end, settings })) await staged.dispose();
    };
    const before = prepared.map((p) => p.result.diagnostics.length);
    try {
      await check(prepared, `g${g}`);
    } catch (e) {
      if (process.env.RAA_PROFILE === '1') process.stderr.write(`[profile] a group of ${prepared.length} file(s) is checked file by file: ${String(e).split('\n')[0]}\n`);
      for (const [k, p] of prepared.entries()) {
        const at = results.indexOf(p.result);
        try {
          p.result.diagnostics.length = before[k] ?? 0; // back to what preparing found
          await check([p], `g${g}_${k}`);
        } catch (e) {
          await p.drop().catch(() => undefined);
          results[at] = unexpectedFailure(p.result.file, e);
        }
      }
    }
  }
  return results;
}

/** The file error for a file whose validation threw: one `file.parse` diagnostic naming the problem. */
export function unexpectedFailure(file: string, e: unknown): FileResult {
  const detail = `an unexpected problem while reading it (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  return {
    file, dataset: null, encoding: null, delimiter: null, bytes: 0, sha256: null,
    counts: { rowsRead: 0, wouldLoad: 0, wouldReject: 0, blank: 0, warnings: 0 },
    verdict: 'file_error', countsByRule: { 'file.parse': 1 },
    diagnostics: [{ file, dataset: null, line: null, excelRow: null, column: null, header: null, field: null, value: null, rule: 'file.parse', severity: 'file_error', message: message('file.parse', { detail }) }],
  };
}
