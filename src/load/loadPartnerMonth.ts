// Load one partner-month into the warehouse: check its files (precheckFiles), decide what each becomes in received
// order, run the cross checks, store everything in ONE transaction, then read back and verify. A failure leaves the
// warehouse as it was.
import type { ValidateSettings } from '../config/ValidateSettings.js';
import type { Database } from '../warehouse/Database.js';
import { countSubmissions, loadedFor } from '../warehouse/ledger.js';
import type { FileLoad } from './FileLoad.js';
import { extractName, summarise, type FilePlan } from './FilePlan.js';
import type { InboxFile } from './inboxFiles.js';
import { inTransaction } from './inTransaction.js';
import { knownSubmissions } from './knownSubmissions.js';
import { firstLine, LoadFailedError } from './LoadFailedError.js';
import { planFile } from './planFile.js';
import { disposeChecked, precheckFiles, type Checked } from './precheckFiles.js';
import { runCrossChecks } from './runCrossChecks.js';
import { stageDiagnostics } from './stageDiagnostics.js';
import { storeFiles } from './storeFiles.js';
import { verifyStored } from './verifyStored.js';

export interface LoadPartnerMonthOptions {
  partner: string;
  period: string;
  /** In received order (inboxFiles / receivedTimes sort them). */
  files: readonly InboxFile[];
  settings: ValidateSettings;
  /** Load the good rows of a file held by the hold threshold. */
  acceptPartial?: boolean;
  /** Progress lines (no cell values). */
  progress?: (line: string) => void;
  /**
   * Files already checked (by path), as `raa run` checks all partners' files of a month together; the caller
   * disposes them. Files not in it are checked here, the new ones validated as one batch.
   */
  checked?: ReadonlyMap<string, readonly Checked[]>;
}

/** A file, or a workbook sheet (`Workbook.xlsx › List 1`), that was not read, and why. */
export interface NotRead {
  file: string;
  reason: string;
}

export interface PartnerMonthLoad {
  partner: string;
  period: string;
  files: FileLoad[];
  /** The sheets of the workbooks validated now that are not extracts (the other lists of a template, empty or hidden sheets). */
  notRead: NotRead[];
}

export async function loadPartnerMonth(db: Database, opts: LoadPartnerMonthOptions): Promise<PartnerMonthLoad> {
  const { partner, period } = opts;
  const say = opts.progress ?? (() => undefined);
  const plans: FilePlan[] = [];
  let dropDiagnostics = async () => {};
  let own: Map<string, Checked[]> | undefined;
  try {
    // 1. check the files not yet checked (bytes already in the ledger, else validate), then plan each, oldest first
    const acceptPartial = opts.acceptPartial ?? false;
    const unchecked = opts.files.filter((f) => !opts.checked?.has(f.path));
    if (unchecked.length > 0) {
      const ledger = await knownSubmissions(db, partner, period);
      own = await precheckFiles(db, [{ period, files: unchecked, ledger }], { settings: opts.settings, acceptPartial, prefix: 'p' });
    }
    for (const file of opts.files) {
      say(`${partner} ${period}: checking ${file.name}`);
      const checked = opts.checked?.get(file.path) ?? own?.get(file.path);
      if (!checked || checked.length === 0) throw new Error(`${file.name} was not checked before planning`);
      // A workbook is one extract per sheet read, each planned (and stored) as a submission of its own.
      for (const c of checked) plans.push(await planFile(file, plans.length, c, { settings: opts.settings, acceptPartial, batch: plans }));
    }

    // 2. cross-dataset and cross-submission checks (warnings) on the files that load
    await runCrossChecks(db, plans, partner, period);

    // 3. every new ledger row, its rows and diagnostics in one transaction
    const toStore = plans.filter((p) => p.outcome === 'loaded' || p.outcome === 'held' || p.outcome === 'rejected');
    for (const p of toStore) {
      const c = p.counts;
      if (c.rowsRead !== c.rowsLoaded + c.rowsRejected + c.blank) throw new Error(`${extractName(p.file, p.sheet)}: ${c.rowsRead} rows read but ${c.rowsLoaded} + ${c.rowsRejected} + ${c.blank} accounted for`);
    }
    if (toStore.length > 0) {
      const diagnostics = await stageDiagnostics(db, 'load_diagnostics', toStore);
      dropDiagnostics = diagnostics.drop;
      say(`${partner} ${period}: storing ${toStore.length} file(s)`);
      const storing = performance.now();
      try {
        await inTransaction(db, async () => {
          await storeFiles(db, toStore, { partner, period, diagnostics });
        });
      } catch (e) {
        throw new LoadFailedError(partner, period, firstLine(e), { cause: e });
      }

      if (process.env.RAA_PROFILE === '1') process.stderr.write(`[profile] store (one transaction): ${Math.round(performance.now() - storing)} ms\n`);

      // 4. never trust COMMIT: read back what was stored
      const problems = await verifyStored(db, toStore);
      if (problems.length > 0) {
        const stored = await countSubmissions(db, toStore.map((p) => p.submissionId ?? -1));
        if (stored === 0) throw new LoadFailedError(partner, period, `COMMIT reported success but did not store the load (${problems[0] ?? ''})`);
        throw new Error(`loading ${partner} ${period}: the stored load does not reconcile: ${problems.join('; ')}`);
      }
    }
    const loadedNow = await loadedFor(db, partner, period);
    const datasets = new Set(loadedNow.map((r) => r.dataset));
    return { partner, period, files: plans.map((p) => summarise(p, datasets)), notRead: sheetsNotRead(plans) };
  } finally {
    for (const p of plans) {
      await p.checked?.dispose().catch(() => undefined);
    }
    await dropDiagnostics().catch(() => undefined);
    // Files validated here but not planned (a failure part-way) still hold staged tables.
    await disposeChecked(own);
  }
}

/** Each workbook's sheets not read, once per workbook, as `Workbook.xlsx › Sheet`. */
function sheetsNotRead(plans: readonly FilePlan[]): NotRead[] {
  const seen = new Set<string>();
  const out: NotRead[] = [];
  for (const p of plans) {
    const info = p.result?.sheet;
    if (!info || seen.has(p.file.path)) continue;
    seen.add(p.file.path);
    for (const s of info.notRead) out.push({ file: extractName(p.file, s.sheet), reason: s.reason });
  }
  return out;
}
