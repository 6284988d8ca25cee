// Test helper: a real warehouse file in a temp folder, submissions and dataset rows inserted with plain SQL, and a pipeline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatasetName } from '../../schemas/index.js';
import { parsePipeline, type Pipeline } from '../../src/pipeline/loadPipeline.js';
import type { Figure, MeasureResult } from '../../src/measure/types.js';
import { Database } from '../../src/warehouse/Database.js';
import { openWarehouse } from '../../src/warehouse/openWarehouse.js';

const root = mkdtempSync(join(tmpdir(), 'raa-measure-'));
let n = 0;

export async function newWarehouse(): Promise<Database> {
  return openWarehouse(join(root, `w${++n}`, 'raa.duckdb'));
}

export function cleanup(): void {
  Database.closeAll();
  rmSync(root, { recursive: true, force: true });
}

/** Required fields filled in so a test row need only name what it is about. */
const defaults: Record<DatasetName, (i: number) => Record<string, unknown>> = {
  children: (i) => ({ child_id: `C${i}`, gender: 'male', ethnicity: 'WBRI', disability: 'no', entered_care: '2020-01-01', adm_decision_date: '2020-01-01' }),
  adopters: (i) => ({ adopter_id: `A${i}`, gender: 'female', ethnicity: 'WBRI', disability: 'no', ffa: 'no', enquiry_date: '2020-01-01' }),
  support: (i) => ({ request_id: `S${i}`, requester: 'adoptive_parent', request_type: 'other', received_date: '2020-01-01' }),
  concerns: (i) => ({ concern_id: `K${i}`, raised_date: '2020-01-01', source: 'complaint', category: 'other', severity: 'low' }),
  workforce: () => ({ month: '2020-01', team: 'adoption_support', sw_fte: 1 }),
};

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]::VARCHAR[]`;
  return `'${(v as string).replaceAll("'", "''")}'`;
}

export interface SubmitOptions {
  partner: string;
  period: string;
  dataset: DatasetName;
  rows?: Record<string, unknown>[];
  status?: 'loaded' | 'superseded' | 'held' | 'rejected';
  receivedAt?: string;
  rowsRead?: number;
  rowsRejected?: number;
  warnings?: number;
}

let rowNo = 0;
/** Insert a submission and its rows (when loaded); returns its id. */
export async function submit(db: Database, o: SubmitOptions): Promise<number> {
  const rows = o.rows ?? [];
  const status = o.status ?? 'loaded';
  const read = o.rowsRead ?? rows.length;
  const row = await db.one<{ id: number }>(
    `INSERT INTO submission (partner, period, dataset, file_name, sha256, received_at, rows_read, rows_loaded, rows_rejected, warnings, status)
     VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP), $7, $8, $9, $10, $11) RETURNING id`,
    [o.partner, o.period, o.dataset, `${o.dataset}.csv`, `sha-${o.partner}-${o.dataset}-${++rowNo}`, o.receivedAt ?? `${o.period}-28 09:00:00`,
      read, status === 'loaded' ? rows.length : 0, o.rowsRejected ?? 0, o.warnings ?? 0, status],
  );
  const id = row?.id ?? 0;
  for (const [i, r] of rows.entries()) {
    const full = { ...defaults[o.dataset](++rowNo), ...r };
    const cols = Object.keys(full);
    await db.run(
      `INSERT INTO ${o.dataset} (submission_id, partner, period, source_line, ${cols.map((c) => `"${c}"`).join(', ')})
       VALUES (${id}, ${literal(o.partner)}, ${literal(o.period)}, ${i + 2}, ${cols.map((c) => literal(full[c])).join(', ')})`,
    );
  }
  return id;
}

/** A pipeline with partners `a`, `b`, `c` (or those given) and every default of the catalogue (docs/measures.md). */
/** One figure of a computed measure: `entity` is a partner code or `region`. */
export function fig(measures: readonly MeasureResult[], id: string, entity: string, key: string): Figure {
  const m = measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  const e = entity === 'region' ? m.region : m.partners[entity];
  const f = e?.figures[key];
  if (!f) throw new Error(`no figure ${id} ${entity} ${key}`);
  return f;
}

/** The measure with this id. */
export function measure(measures: readonly MeasureResult[], id: string): MeasureResult {
  const m = measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
}

export function pipeline(partners: string[] = ['a', 'b', 'c'], extra = ''): Pipeline {
  const list = partners.map((p) => `  - { code: ${p}, name: Partner ${p.toUpperCase()}, inbox: in/${p} }`).join('\n');
  return parsePipeline(`region: Test RAA\npartners:\n${list}\n${extra}`, join(root, 'test.yaml'));
}
