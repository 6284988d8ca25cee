// `raa check`: is the warehouse whole, and does it still agree with itself and with the inboxes? Read-only: every table
// is read in full (DuckDB verifies each block's checksum as it reads), every row count the ledger records is counted
// again, and every inbox file the ledger knows is hashed again.
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { datasets } from '../../schemas/index.js';
import { hashFile } from '../load/hashFile.js';
import { isMonth } from '../period/month.js';
import type { Pipeline } from '../config/Pipeline.js';
import { Database, WarehouseBusyError } from '../warehouse/Database.js';
import { fileHashes, storedCounts } from '../warehouse/ledger.js';
import { latestVersion, schemaVersion } from '../warehouse/migrations.js';

export interface CheckReport {
  warehouse: string;
  /** The schema version found; null when it could not be read. */
  schema: number | null;
  /** `clean`: nothing differs; `differences`: the warehouse reads whole but disagrees with itself or the inboxes; `damaged`: it cannot be read whole. */
  verdict: 'clean' | 'differences' | 'damaged';
  /** Tables read in full, with their row counts. */
  tables: { name: string; rows: number }[];
  /** Inbox files hashed and found in the ledger. */
  filesChecked: number;
  /** One sentence each: what differs, or why the file cannot be read. */
  findings: string[];
  /** Things worth knowing that are not differences (an older schema, files the ledger has never seen). */
  notes: string[];
}

/** Check the warehouse of `pipeline` without changing anything. Throws WarehouseBusyError when another process has it. */
export async function checkWarehouse(pipeline: Pipeline): Promise<CheckReport> {
  const file = pipeline.warehouse;
  const report: CheckReport = { warehouse: file, schema: null, verdict: 'clean', tables: [], filesChecked: 0, findings: [], notes: [] };
  const damaged = (what: string) => {
    report.verdict = 'damaged';
    report.findings.push(`${what}; restore the warehouse from a backup (a copy of the file taken before the damage), or load the inboxes again into a new one`);
    return report;
  };
  if (!existsSync(file)) return damaged(`${file} does not exist`);
  if (statSync(file).isDirectory()) return damaged(`${file} is a folder, not a warehouse file`);

  let db: Database;
  let ledger: Map<string, Set<string>>;
  try {
    db = await Database.open(file, { access_mode: 'READ_ONLY' });
  } catch (e) {
    if (e instanceof WarehouseBusyError) throw e;
    return damaged(`${file} cannot be opened: ${firstLine(e)}`);
  }
  try {
    // 1. The schema: reported, never upgraded here.
    try {
      report.schema = await schemaVersion(db);
    } catch (e) {
      return damaged(`${file}: the schema version cannot be read: ${firstLine(e)}`);
    }
    if (report.schema === null) return damaged(`${file} is not a raa warehouse (it has no schema_version table)`);
    if (report.schema > latestVersion) return damaged(`${file} was written by a newer raa (schema ${report.schema}; this one knows up to ${latestVersion}); upgrade raa to check it`);
    if (report.schema < latestVersion) report.notes.push(`the warehouse has schema ${report.schema}; the next raa load or raa run upgrades it to ${latestVersion} (after copying it beside itself)`);

    // 2. Every table read in full: hashing whole rows makes DuckDB read (and checksum) every block of every column.
    const tables = await db.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1`);
    for (const { name } of tables) {
      try {
        const row = await db.one<{ n: bigint | number }>(`SELECT count(*) AS n, bit_xor(hash(t)) AS h FROM "${name.replaceAll('"', '""')}" t`);
        report.tables.push({ name, rows: Number(row?.n ?? 0) });
      } catch (e) {
        damaged(`${file}: table ${name} cannot be read whole: ${firstLine(e)}`);
      }
    }
    if (report.verdict === 'damaged') return report;

    // 3. The ledger's row counts, counted again.
    report.findings.push(...(await ledgerDifferences(db)));
    ledger = await ledgerFiles(db);
  } finally {
    db.close();
    Database.closeAll();
  }

  // 4. Inbox files still present, hashed again against the ledger.
  for (const partner of pipeline.partners) {
    const periods = await readdir(partner.inbox, { withFileTypes: true }).catch(() => []);
    for (const p of periods.filter((d) => d.isDirectory() && isMonth(d.name))) {
      const names = await readdir(join(partner.inbox, p.name), { withFileTypes: true }).catch(() => []);
      for (const f of names.filter((n) => n.isFile())) {
        const known = ledger.get(`${partner.code}\u0000${p.name}\u0000${f.name}`);
        if (!known) continue;
        report.filesChecked++;
        const path = join(partner.inbox, p.name, f.name);
        const sha = await hashFile(path);
        if (!known.has(sha)) report.findings.push(`${path}: its bytes have changed since it was loaded (sha256 ${sha.slice(0, 12)}…, the ledger has ${[...known].map((h) => `${h.slice(0, 12)}…`).join(', ')}); the reports use what was loaded: send the changed file as a resubmission, or put the original back`);
      }
    }
  }
  if (report.verdict === 'clean' && report.findings.length > 0) report.verdict = 'differences';
  return report;
}

/**
 * Each stored submission's row counts against the rows the warehouse holds for it. The recount (a join of the ledger
 * with every dataset table and the quarantine) is ledger.ts's storedCounts, shared with the load's read-back; what
 * counts as a difference is check's, here.
 */
async function ledgerDifferences(db: Database): Promise<string[]> {
  const rows = await storedCounts(db, datasets.map((ds) => ds.name));
  const out: string[] = [];
  for (const r of rows) {
    const what = `submission #${r.id} (${r.partner} ${r.period} ${r.dataset ?? 'no dataset'}, ${r.file_name}, ${r.status})`;
    const kept = r.status === 'loaded' || r.status === 'superseded';
    const expectedRows = kept ? r.rows_loaded : 0;
    if (r.stored !== expectedRows) out.push(`${what}: the ledger records ${expectedRows} row(s) stored, the warehouse holds ${r.stored}`);
    if (kept && r.quarantined !== r.rows_rejected) out.push(`${what}: the ledger records ${r.rows_rejected} row(s) rejected, the quarantine holds ${r.quarantined}`);
    if (r.rows_read !== r.rows_loaded + r.rows_rejected + r.blank_rows && kept) {
      out.push(`${what}: rows read (${r.rows_read}) is not loaded + rejected + blank (${r.rows_loaded} + ${r.rows_rejected} + ${r.blank_rows})`);
    }
  }
  return out;
}

/** The sha256 values the ledger holds per (partner, period, file name), a workbook's sheets under the workbook's name. */
async function ledgerFiles(db: Database): Promise<Map<string, Set<string>>> {
  const rows = await fileHashes(db);
  const map = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.partner}\u0000${r.period}\u0000${r.file_name.split(' › ')[0] ?? r.file_name}`;
    map.set(key, (map.get(key) ?? new Set<string>()).add(r.sha256));
  }
  return map;
}

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
