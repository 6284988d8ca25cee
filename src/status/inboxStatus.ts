// What each partner's inbox holds for a month, beside the ledger: an inbox folder that does not exist, files that are
// not read (and why), and extracts that are there but not in the ledger yet. Read-only: it lists folders, opens nothing.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inboxContents, type InboxNotRead } from '../load/inboxFiles.js';
import type { Pipeline } from '../config/Pipeline.js';

export interface InboxStatus {
  partner: string;
  /** The partner's inbox folder as configured. */
  inbox: string;
  /** Whether that folder exists (a mistyped path is not an empty inbox). */
  exists: boolean;
  /** Entries of `<inbox>/<period>/` that are not read, with the reason. */
  notRead: InboxNotRead[];
  /** Extracts in `<inbox>/<period>/` whose file name is in no ledger row of the month: not loaded yet. */
  notLoaded: string[];
}

/** Whether `path` is a folder that exists. */
export const folderExists = (path: string): Promise<boolean> => stat(path).then((s) => s.isDirectory(), () => false);

/** Each partner's inbox for `period`; `ledgerFiles`: the file names in the ledger for the month, by partner. */
export async function inboxStatus(pipeline: Pick<Pipeline, 'partners'>, period: string, ledgerFiles: ReadonlyMap<string, ReadonlySet<string>>): Promise<InboxStatus[]> {
  const out: InboxStatus[] = [];
  for (const p of pipeline.partners) {
    const exists = await folderExists(p.inbox);
    const contents = exists ? await inboxContents(join(p.inbox, period)) : { files: [], notRead: [] };
    const known = ledgerFiles.get(p.code) ?? new Set<string>();
    out.push({ partner: p.code, inbox: p.inbox, exists, notRead: contents.notRead, notLoaded: contents.files.map((f) => f.name).filter((n) => !known.has(n)) });
  }
  return out;
}

/** The lines that say what an inbox holds beyond the ledger; none when every inbox exists and holds only what was read. */
export function describeInboxes(inboxes: readonly InboxStatus[], period: string): string[] {
  const out: string[] = [];
  for (const i of inboxes) {
    if (!i.exists) out.push(`${i.partner}: the inbox folder ${i.inbox} does not exist; check the path in the pipeline file`);
    for (const n of i.notRead) out.push(`${i.partner}: ${period}/${n.file} was not read: ${n.reason}`);
    for (const f of i.notLoaded) out.push(`${i.partner}: ${period}/${f} is in the inbox but not in the ledger: run raa run (or raa load) to load it`);
  }
  return out;
}
