// Small purpose-built extracts and pipelines for the load, status and run tests: rows by field name, written with the official headers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetByName, type DatasetName } from '../schemas/index.js';
import { openWarehouse } from '../src/warehouse/openWarehouse.js';

export type Row = Partial<Record<string, string>>;

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** A CSV of `dataset` with every official header and the given rows (fields left out are empty). */
export function csv(dataset: DatasetName, rows: readonly Row[]): string {
  const ds = datasetByName(dataset);
  if (!ds) throw new Error(`no dataset ${dataset}`);
  const lines = [ds.columns.map((c) => c.header).join(','), ...rows.map((r) => ds.columns.map((c) => quote(r[c.field] ?? '')).join(','))];
  return `${lines.join('\n')}\n`;
}

/** Valid rows, numbered: `support(3)` is requests R1…R3. */
export const rows = {
  children: (n: number, extra: (i: number) => Row = () => ({})): Row[] =>
    Array.from({ length: n }, (_, k) => ({ child_id: `C${k + 1}`, gender: 'male', ethnicity: 'WBRI', disability: 'N', dob: '14/03/2020', entered_care: '01/01/2025', adm_decision_date: '01/02/2025', ...extra(k + 1) })),
  adopters: (n: number, extra: (i: number) => Row = () => ({})): Row[] =>
    Array.from({ length: n }, (_, k) => ({ adopter_id: `A${k + 1}`, gender: 'female', ethnicity: 'WBRI', disability: 'N', ffa: 'N', enquiry_date: '01/03/2025', ...extra(k + 1) })),
  support: (n: number, extra: (i: number) => Row = () => ({})): Row[] =>
    Array.from({ length: n }, (_, k) => ({ request_id: `R${k + 1}`, requester: 'adoptive_parent', request_type: 'assessment_of_need', received_date: '01/06/2025', ...extra(k + 1) })),
  concerns: (n: number, extra: (i: number) => Row = () => ({})): Row[] =>
    Array.from({ length: n }, (_, k) => ({ concern_id: `K${k + 1}`, raised_date: '01/07/2025', source: 'complaint', category: 'delay', severity: 'low', ...extra(k + 1) })),
  workforce: (period: string): Row[] => ['adoption_support', 'duty'].map((team) => ({ month: period, team, sw_fte: '3.5' })),
};

/** Write `files` (name → text) into `<root>/<partner>/<period>/`, with a manifest giving each a received time in the order given. */
export function inbox(root: string, partner: string, period: string, files: Record<string, string>, received?: Record<string, string>): string {
  const dir = join(root, partner, period);
  mkdirSync(dir, { recursive: true });
  const [y, m] = period.split('-').map(Number) as [number, number];
  const manifest = Object.entries(files).map(([file, text], i) => {
    writeFileSync(join(dir, file), text);
    const at = received?.[file] ?? new Date(Date.UTC(y, m, 5, 9, i)).toISOString().replace('.000Z', 'Z');
    return { file, received: at };
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ files: manifest }));
  return dir;
}

/** A pipeline file in `root` with a warehouse there and the partners' inboxes under it. */
export function pipelineFile(root: string, partners: readonly string[], extra = ''): string {
  const file = join(root, 'test.yaml');
  const list = partners.map((p) => `  - { code: ${p}, name: ${p} council, inbox: ${join(root, p)} }`).join('\n');
  writeFileSync(file, `region: Test RAA\nwarehouse: ${join(root, 'raa.duckdb')}\npartners:\n${list}\n${extra}`);
  return file;
}

/** Rows of `sql` on the warehouse at `file`, opened read-only and released afterwards. */
export async function queryWarehouse<T = Record<string, unknown>>(file: string, sql: string): Promise<T[]> {
  const db = await openWarehouse(file, { readOnly: true });
  try {
    return await db.all<T>(sql);
  } finally {
    db.release();
  }
}
