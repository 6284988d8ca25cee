// A partner-month's files and when each arrived: the folder's manifest.json says, else the file's mtime; oldest first.
// Every other entry of the folder is named with the reason it is not read (nothing is passed over in silence), but
// for Office's lock files (`~$Book.xlsx`, there while someone has the workbook open), hidden dot-files and the manifest.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors/RaaError.js';
import { isExtractFile } from '../ingest/isExtractFile.js';
import { isMonth } from '../period/month.js';

export interface InboxFile {
  path: string;
  /** The file name, as stored in the ledger. */
  name: string;
  received: Date;
  receivedFrom: 'manifest' | 'mtime';
}

/** A manifest.json that cannot be read or is not `{"files":[{"file":…,"received":…}]}`. */
export class InboxError extends UsageError {
  constructor(readonly path: string, reason: string) {
    super(`${path}: ${reason}`);
  }
}

const Manifest = z.object({
  files: z.array(z.object({ file: z.string().min(1), received: z.iso.datetime({ offset: true }) })),
});


/** An entry of an inbox folder that is not read, and why. */
export interface InboxNotRead {
  file: string;
  path: string;
  reason: string;
}

export interface InboxContents {
  /** The extracts (CSV/TXT/TSV files and Excel workbooks), in received order. */
  files: InboxFile[];
  /** Everything else in the folder, but for lock files, dot-files and manifest.json. */
  notRead: InboxNotRead[];
}

/** Entries that are not the partner's extracts and need no word: Office lock files, hidden files, the manifest. */
const ignored = (name: string) => name.startsWith('~$') || name.startsWith('.') || name === 'manifest.json';

/** What is directly in `dir` (subfolders are not searched); nothing when the folder does not exist. */
export async function inboxContents(dir: string): Promise<InboxContents> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw new InboxError(dir, `cannot read the inbox folder (${e.code ?? e.message})`);
  });
  const extracts: string[] = [];
  const notRead: InboxNotRead[] = [];
  for (const e of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
    if (ignored(e.name)) continue;
    const path = join(dir, e.name);
    const isFile = e.isFile() || (e.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false)));
    if (isFile && isExtractFile(e.name)) extracts.push(path);
    else notRead.push({ file: e.name, path, reason: e.isDirectory() ? 'a folder: files in subfolders are not read; put the extracts directly in the month folder' : isFile ? 'not an extract: only CSV, TXT and TSV files and Excel workbooks (.xlsx) are read' : 'not a regular file' });
  }
  return { files: await receivedTimes(extracts), notRead };
}

/** The extracts directly in `dir` (CSV/TXT/TSV and workbooks); none when the folder does not exist. */
export async function inboxFiles(dir: string): Promise<InboxFile[]> {
  return (await inboxContents(dir)).files;
}

/** Each file with its arrival time, sorted by arrival then name. */
export async function receivedTimes(paths: readonly string[]): Promise<InboxFile[]> {
  const manifests = new Map<string, Map<string, Date>>();
  const out: InboxFile[] = [];
  for (const path of paths) {
    const dir = dirname(path);
    let manifest = manifests.get(dir);
    if (!manifest) manifests.set(dir, (manifest = readManifest(join(dir, 'manifest.json'))));
    const name = basename(path);
    const listed = manifest.get(name);
    if (listed) out.push({ path, name, received: listed, receivedFrom: 'manifest' });
    else {
      const mtime = await stat(path).then((s) => s.mtime, () => new Date());
      out.push({ path, name, received: mtime, receivedFrom: 'mtime' });
    }
  }
  return out.sort((a, b) => a.received.getTime() - b.received.getTime() || a.name.localeCompare(b.name));
}

function readManifest(path: string): Map<string, Date> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new InboxError(path, `cannot read the manifest (${(e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InboxError(path, `the manifest is not valid JSON (${(e as Error).message})`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InboxError(path, `expected {"files":[{"file":"name.csv","received":"2026-11-05T09:12:00Z"}]}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  return new Map(parsed.data.files.map((f) => [f.file, new Date(f.received)]));
}

/** The `YYYY-MM` folders in a partner's inbox, oldest first. */
export async function inboxPeriods(inbox: string): Promise<string[]> {
  const entries = await readdir(inbox, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && isMonth(e.name)).map((e) => e.name).sort();
}
