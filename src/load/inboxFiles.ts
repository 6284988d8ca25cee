// A partner-month's files and when each arrived: the folder's manifest.json says, else the file's mtime; oldest first.
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


/** Every CSV/TXT/TSV directly in `dir` (not in subfolders); none when the folder does not exist. */
export async function inboxFiles(dir: string): Promise<InboxFile[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw new InboxError(dir, `cannot read the inbox folder (${e.code ?? e.message})`);
  });
  return receivedTimes(entries.filter((e) => e.isFile() && isExtractFile(e.name)).map((e) => join(dir, e.name)));
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
