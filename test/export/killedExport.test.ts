// An export is never half-written: `raa export` killed (-9) at several points leaves every table readable by DuckDB
// (the previous export or the new one, never a zero-byte or partial file under a final name), and the next export
// removes what the killed one left.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/warehouse/Database.js';
import { openWarehouse } from '../../src/warehouse/openWarehouse.js';
import { raaInProcess } from '../cli/inProcess.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'dist/src/cli/main.js');
const tmp = mkdtempSync(join(tmpdir(), 'raa-export-kill-'));
const pipeline = join(tmp, 'kill.yaml');
const out = join(tmp, 'export');
const ROWS = 20_000;

beforeAll(async () => {
  writeFileSync(pipeline, `region: Test\nwarehouse: raa.duckdb\npartners:\n  - code: northmoor\n    name: Northmoor Council\n    inbox: inbox/northmoor\n  - code: eastbridge\n    name: Eastbridge Council\n    inbox: inbox/eastbridge\n`);
  const db = await openWarehouse(join(tmp, 'raa.duckdb'));
  await db.run(`INSERT INTO submission (id, partner, period, dataset, file_name, status, rows_read, rows_loaded) VALUES
    (1, 'northmoor', '2026-09', 'support', 's.csv', 'loaded', ${ROWS}, ${ROWS}), (2, 'eastbridge', '2026-10', 'support', 's.csv', 'loaded', ${ROWS}, ${ROWS})`);
  for (const [id, partner, period] of [[1, 'northmoor', '2026-09'], [2, 'eastbridge', '2026-10']] as const) {
    await db.run(`INSERT INTO support (submission_id, partner, period, source_line, request_id, requester, request_type, received_date, asf_amount)
      SELECT ${id}, '${partner}', '${period}', i + 2, 'R' || i, 'adoptive_parent', 'peer_support', DATE '2026-01-01' + (i % 200)::INTEGER, (i % 5000) / 100
      FROM range(${ROWS}) t(i)`);
  }
  db.close();
  Database.closeAll();
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The exports that are not killed run in-process (runCli, the same code); the killed ones are processes. */
const exportCli = (...args: string[]) => raaInProcess('export', pipeline, '--out', out, ...args);

/** Every file and folder name under `dir`, relative. */
function tree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    return e.isDirectory() ? [rel, ...tree(join(dir, e.name), rel)] : [rel];
  });
}

/** Read every exported table back: Parquet through DuckDB, Arrow IPC through apache-arrow, CSV by lines. */
async function readBack(): Promise<Record<string, number>> {
  const db = await Database.open(':memory:');
  const counts: Record<string, number> = {};
  try {
    for (const table of ['support', 'submission']) {
      const dir = join(out, 'parquet', table);
      const files = tree(dir).filter((f) => f.endsWith('.parquet'));
      for (const f of files) expect(statSync(join(dir, f)).size, f).toBeGreaterThan(0);
      const row = await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM read_parquet('${dir}/**/*.parquet', hive_partitioning = true)`);
      counts[`parquet/${table}`] = Number(row?.n);
      counts[`arrow/${table}`] = tableFromIPC(readFileSync(join(out, 'arrow', `${table}.arrow`))).numRows;
      counts[`csv/${table}`] = readFileSync(join(out, 'csv', `${table}.csv`), 'utf8').trimEnd().split('\n').length - 1;
    }
  } finally {
    db.close();
  }
  return counts;
}

describe('raa export killed with -9', () => {
  it('leaves the previous export readable at every point, and the next export tidies what it left', async () => {
    const first = await exportCli();
    expect(first.status, first.stderr).toBe(0);
    const expected = await readBack();
    expect(expected['parquet/support']).toBe(2 * ROWS);
    expect(expected['csv/support']).toBe(2 * ROWS);

    // Parquet alone is quick, so its kills come close together; Arrow and CSV stream for longer.
    const kills: [string, number][] = [['parquet', 80], ['parquet', 180], ['parquet', 300], ['parquet', 450], ['arrow,csv', 300], ['arrow,csv', 700]];
    let killedMidWay = 0;
    for (const [format, delay] of kills) {
      const child = spawn(process.execPath, [cli, 'export', pipeline, '--out', out, '--format', format], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      if (child.exitCode === null) {
        killedMidWay++;
        child.kill('SIGKILL');
      }
      await new Promise((r) => child.once('close', r));
      // Whatever the point, every table reads back whole, with the rows the warehouse holds.
      expect(await readBack(), `${format} killed at ${delay} ms`).toEqual(expected);
    }
    expect(killedMidWay, 'no export was still running when killed: make the data larger').toBeGreaterThan(2);
    // What the killed runs left (partial files, staging folders, a folder moved aside) is gone after the next export.
    const again = await exportCli();
    expect(again.status, again.stderr).toBe(0);
    expect(tree(out).filter((f) => /\.(partial|old)-\d+/.test(f))).toEqual([]);
    expect(await readBack()).toEqual(expected);
  });

  it('replaces one month without touching the others, and a month export killed leaves both months readable', async () => {
    const before = await readBack();
    const child = spawn(process.execPath, [cli, 'export', pipeline, '--out', out, '--period', '2026-10', '--format', 'parquet'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));
    expect(await readBack()).toEqual(before);
    const month = await exportCli('--period', '2026-10', '--format', 'parquet');
    expect(month.status, month.stderr).toBe(0);
    expect(tree(join(out, 'parquet', 'support')).filter((f) => f.endsWith('.parquet')).sort()).toEqual([
      'partner=eastbridge/period=2026-10/data_0.parquet',
      'partner=northmoor/period=2026-09/data_0.parquet',
    ]);
    expect(tree(out).filter((f) => /\.(partial|old)-\d+/.test(f))).toEqual([]);
    expect(await readBack()).toEqual(before);
  });
});
