// The hand-off from validation to the load (src/validate/CheckedFile.ts): every relation has the columns it declares
// and holds exactly the rows it says — the rows that load, every typed row, the raw cells, the warned records and the
// quarantine rows — with lines that follow blank lines and line breaks inside values. A real scratch DuckDB file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { support } from '../../schemas/index.js';
import { defaultSettings } from '../../src/config/ValidateSettings.js';
import { validateBatch } from '../../src/validate/validateBatch.js';
import { Database } from '../../src/warehouse/Database.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-checked-test-'));
afterAll(() => {
  Database.closeAll();
  rmSync(dir, { recursive: true, force: true });
});

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const row = (over: Record<string, string>) => support.columns.map((c) => cell(over[c.field] ?? base[c.field] ?? '')).join(',');
const base: Record<string, string> = { requester: 'Adoptive parent', request_type: 'Assessment of need', received_date: '01/04/2025', provider: 'In house' };

describe('CheckedFile', () => {
  it('offers the rows that load, the typed, raw, warned and quarantined rows by name, with their lines', async () => {
    const file = join(dir, 'support.csv');
    writeFileSync(
      file,
      [
        support.columns.map((c) => c.header).join(','), // line 1
        row({ request_id: 'S1', family_id: 'F1' }), // line 2: loads
        '', // line 3: blank
        row({ request_id: 'S2', requester: 'Neighbour' }), // line 4: row error (code.unknown)
        row({ request_id: 'S3', received_date: '01/04/2025\n' }), // lines 5-6 (Excel row 5): loads, a date with a line break after it (a free-text field would do, but every text field is an identifier, where a line break is a row error)
        row({ request_id: 'S4', asf_applied_date: '02/04/2025', asf_amount: '5000' }), // line 7 (Excel row 6): loads with a warning (over the cap)
      ].join('\n') + '\n',
    );
    const db = await Database.open(join(dir, 'scratch.duckdb'));
    const [v] = await validateBatch([{ path: file, period: '2026-10' }], { db, scratchDir: dir, prefix: 't', settings: defaultSettings, keepChecked: true });
    const checked = v?.checked;
    if (!v || !checked) throw new Error('no checked rows');
    expect(v.result.counts).toEqual({ rowsRead: 5, wouldLoad: 3, wouldReject: 1, blank: 1, warnings: 1 });
    const rel = await checked.relations();

    const loadable = await db.all<Record<string, unknown>>(`SELECT * FROM ${rel.loadable} ORDER BY rec`);
    expect(Object.keys(loadable[0] ?? {})).toEqual(['rec', 'source_line', 'excel_row', ...support.columns.map((c) => c.field)]);
    expect(loadable.map((r) => [r.request_id, r.source_line, r.excel_row])).toEqual([['S1', 2, 2], ['S3', 5, 5], ['S4', 7, 6]]);
    expect(loadable.length).toBe(v.result.counts.wouldLoad);

    const typed = await db.all<{ request_id: string }>(`SELECT * FROM ${rel.typed} ORDER BY rec`);
    expect(typed.map((r) => r.request_id)).toEqual(['S1', 'S2', 'S3', 'S4']); // rejected rows too, never blank ones

    const raw = await db.all<{ rec: number; requester: string; received_date: string | null }>(`SELECT rec, requester, received_date FROM ${rel.raw} ORDER BY rec`);
    expect(raw.map((r) => r.requester)).toEqual(['Adoptive parent', 'Neighbour', 'Adoptive parent', 'Adoptive parent']); // an empty line is not a record
    expect(raw.find((r) => r.received_date === '01/04/2025\n')?.rec).toBe(loadable[1]?.rec);

    const warned = await db.all<{ rec: number }>(`SELECT rec FROM ${rel.warned}`);
    expect(warned.map((w) => w.rec)).toEqual([loadable[2]?.rec]);

    const quarantine = await db.all<{ line: number; excel_row: number; raw: string[]; headers: string[] }>(`SELECT line, excel_row, raw, headers FROM ${rel.quarantine} ORDER BY rec`);
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]?.line).toBe(4);
    expect(quarantine[0]?.raw.slice(0, 3)).toEqual(['S2', null, 'Neighbour']);
    expect(quarantine[0]?.headers).toEqual(support.columns.map((c) => c.header));

    const rejected = raw.find((r) => r.requester === 'Neighbour')?.rec ?? -1;
    expect(checked.locate(rejected, 'requester')).toEqual({ line: 4, excelRow: 4, column: 'C', header: 'Requester', name: 'Requester' });
    expect(checked.has('requester')).toBe(true);
    await checked.dispose();
    db.release();
  });
});
