// Inside the partner-month transaction: every file's ledger row and, for those that load, their typed rows and
// quarantine, the superseding of the submissions they replace, then every diagnostic. A statement per table rather
// than per file where it can be (the ledger rows, the superseding, the diagnostics), as each costs DuckDB a plan.
// Throws on any failure (the caller rolls back).
import { existsSync } from 'node:fs';
import { sqlIdent } from '../warehouse/sql.js';
import { datasetTableColumns } from '../warehouse/datasetTables.js';
import type { Database } from '../warehouse/Database.js';
import { insertSubmissions, loadedFor, nextSubmissionIds, supersede, type NewSubmission } from '../warehouse/ledger.js';
import { sqlText as lit } from '../warehouse/sql.js';
import { extractName, type FilePlan } from './FilePlan.js';
import type { StagedDiagnostics } from './stageDiagnostics.js';

export interface StoreContext {
  partner: string;
  period: string;
  diagnostics: StagedDiagnostics;
}

/** Set RAA_FAIL_AFTER_INSERT=1 to fail between the row insert and the quarantine insert: tests an I/O error mid-load. */
const failAfterInsert = () => process.env.RAA_FAIL_AFTER_INSERT === '1';

/**
 * Set RAA_TEST_PAUSE_BEFORE_COMMIT=<path> to stop after everything is written, inside the transaction, until a file
 * exists at <path>: tests kill the process there (nothing must be stored) or let it go on, without racing a timer.
 */
async function pauseBeforeCommit(): Promise<void> {
  const go = process.env.RAA_TEST_PAUSE_BEFORE_COMMIT;
  if (!go) return;
  process.stderr.write('raa: paused before COMMIT (RAA_TEST_PAUSE_BEFORE_COMMIT)\n');
  while (!existsSync(go)) await new Promise((r) => setTimeout(r, 20));
}

const timestamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** A loaded submission of the partner-month: which replaces which is decided by when each file was received. */
interface Current {
  id: number;
  received: number;
}

/** Store the plans (all loaded, held or rejected), in order; sets each one's submission id and what it supersedes. */
export async function storeFiles(db: Database, plans: readonly FilePlan[], ctx: StoreContext): Promise<void> {
  if (plans.length === 0) return;
  for (const p of plans) {
    if (!p.result || (p.outcome !== 'loaded' && p.outcome !== 'held' && p.outcome !== 'rejected')) throw new Error(`storeFiles: nothing to store for ${p.result?.file ?? p.file.name} (${p.outcome})`);
  }

  // 1. Ids first, in file order, so that what supersedes what is known before any row is written.
  const ids = await nextSubmissionIds(db, plans.length);
  if (ids.length !== plans.length) throw new Error('the ledger did not give an id for every file');
  plans.forEach((p, i) => (p.submissionId = ids[i] as number));

  // 2. Which submission is current per dataset after each file, in file order: the newest received (on a tie, the
  //    one stored later). A file received before the loaded one stays superseded by it.
  const loaded = plans.filter((p) => p.outcome === 'loaded');
  const before = loaded.length ? await loadedFor(db, ctx.partner, ctx.period) : [];
  const current = new Map<string, Current[]>();
  for (const { dataset, ...c } of before) current.set(dataset, [...(current.get(dataset) ?? []), c]);
  const superseded = new Map<number, number>(); // submission id → the id it is superseded by
  for (const p of loaded) {
    const ds = p.checked?.dataset.name as string;
    const id = p.submissionId as number;
    const received = p.file.received.getTime();
    const others = current.get(ds) ?? [];
    const later = others.find((c) => c.received > received);
    if (later) {
      superseded.set(id, later.id);
      p.supersededBy = later.id;
      continue;
    }
    for (const c of others) superseded.set(c.id, id);
    p.supersedes = others[0]?.id ?? null;
    current.set(ds, [{ id, received }]);
  }

  // 3. Every ledger row in one statement, each with the status it ends the transaction with.
  await insertSubmissions(db, plans.map((p): NewSubmission => {
    const r = p.result as NonNullable<FilePlan['result']>;
    const c = p.counts;
    const id = p.submissionId as number;
    const status = superseded.has(id) ? 'superseded' : (p.outcome as 'loaded' | 'held' | 'rejected');
    p.storedStatus = status;
    // A workbook sheet is its own submission: the workbook's file name and sha256, and the sheet's name.
    return {
      id, partner: ctx.partner, period: ctx.period, dataset: r.dataset, fileName: p.file.name, sheet: p.sheet, sha256: r.sha256, bytes: r.bytes,
      encoding: r.encoding, delimiter: r.delimiter, receivedAt: timestamp(p.file.received), rowsRead: c.rowsRead, rowsLoaded: c.rowsLoaded,
      rowsRejected: c.rowsRejected, blank: c.blank, warnings: c.warnings, status, supersededBy: superseded.get(id) ?? null,
      acceptedPartial: p.acceptedPartial, note: p.note,
    };
  }));

  // 4. The rows of each file that loads, and the raw cells of its rejected rows.
  for (const p of loaded) {
    if (!p.checked) throw new Error(`storeFiles: ${extractName(p.file, p.sheet)} has no checked rows`);
    const ds = p.checked.dataset;
    const rel = await p.checked.relations();
    const cols = datasetTableColumns(ds).map((col) => sqlIdent(col.name));
    const fields = ds.columns.map((col) => sqlIdent(col.field));
    // The rows that load, from validation's typed table (checked before this transaction began). Typing them again
    // from the staged text straight into this table was measured no faster (1M rows: 1.58–1.68 s against 1.62–1.76 s
    // for typing into a temporary table and copying, on two cores): writing into the warehouse table is the cost.
    await db.run(
      `INSERT INTO ${sqlIdent(ds.name)} (${cols.join(', ')})
       SELECT $1, ${lit(ctx.partner)}, ${lit(ctx.period)}, source_line, ${fields.join(', ')} FROM ${rel.loadable}`,
      [p.submissionId],
    );
    if (failAfterInsert()) throw new Error('injected failure after inserting rows (RAA_FAIL_AFTER_INSERT=1)');
    if (p.counts.rowsRejected > 0) {
      await db.run(`INSERT INTO quarantine (submission_id, line, excel_row, raw, headers) SELECT $1, line, excel_row, raw, headers FROM ${rel.quarantine} ORDER BY rec`, [p.submissionId]);
    }
  }

  // 5. The loaded submissions this load replaces (those stored just now already have their status).
  const replaced = [...superseded].filter(([id]) => !plans.some((p) => p.submissionId === id));
  await supersede(db, replaced);

  // 6. Every file's diagnostics.
  const withDiagnostics = plans.filter((p) => p.diagnostics.length > 0);
  if (withDiagnostics.length > 0) await db.run(ctx.diagnostics.insertSql(new Map(withDiagnostics.map((p) => [p.index, p.submissionId as number]))));
  await pauseBeforeCommit();
}
