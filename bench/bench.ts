// `npm run bench`: validation (full per-cell diagnostics) against DuckDB's own typed read_csv of the same file, same run.
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { support } from '../schemas/index.js';
import { duckdbType } from '../src/contract/duckdbType.js';
import { Database } from '../src/warehouse/Database.js';
import { validateFiles } from '../src/validate/validateFiles.js';
import { generateSupport } from './generateSupport.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = join(here, '..', '..', 'bench', 'out');

async function duckdbReadCsv(file: string, dbPath: string): Promise<number> {
  await rm(dbPath, { force: true });
  const db = await Database.open(dbPath);
  const cols = support.columns.map((c) => `'${c.field}': '${c.type.kind === 'money' ? 'VARCHAR' : duckdbType(c.type)}'`).join(', ');
  const t0 = performance.now();
  await db.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={${cols}}, dateformat='%d/%m/%Y', store_rejects=true, ignore_errors=true)`);
  const ms = performance.now() - t0;
  db.release();
  await rm(dbPath, { force: true });
  return ms;
}

async function timeValidate(file: string): Promise<{ ms: number; rows: number; diagnostics: number }> {
  const t0 = performance.now();
  const [r] = await validateFiles([file], { period: '2026-10' });
  return { ms: performance.now() - t0, rows: r?.counts.rowsRead ?? 0, diagnostics: r?.diagnostics.length ?? 0 };
}

/** Peak RSS of validating `file` in a fresh process (so sizes do not share a heap). */
function peakRss(file: string): number {
  const script = `import('${join(here, '..', 'src', 'validate', 'validateFiles.js')}').then(async (m) => { await m.validateFiles(['${file}'], { period: '2026-10' }); const { maxRSS } = process.resourceUsage(); console.log(maxRSS); })`;
  const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(res.stdout.trim()) / 1024;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

async function main() {
  await mkdir(outDir, { recursive: true });
  const sizes = [100_000, 1_000_000];
  console.log('raa bench: validate (read, decode, scan, stage, normalise, every check, every diagnostic) vs DuckDB typed read_csv');
  for (const rows of sizes) {
    const file = join(outDir, `support-${rows}.csv`);
    await generateSupport(file, rows);
    const mb = (await stat(file)).size / 1e6;
    const duck = await duckdbReadCsv(file, join(outDir, 'readcsv.duckdb'));
    const v = await timeValidate(file);
    const rss = peakRss(file);
    const vr = (v.rows / v.ms) * 1000;
    const dr = (rows / duck) * 1000;
    console.log(`${fmt(rows)} rows (${mb.toFixed(0)} MB): validate ${fmt(v.ms)} ms = ${fmt(vr)} rows/s (${fmt(v.diagnostics)} diagnostics); DuckDB read_csv ${fmt(duck)} ms = ${fmt(dr)} rows/s; ratio ${(vr / dr).toFixed(2)}x; validate peak RSS ${fmt(rss)} MB`);
  }
  Database.closeAll();
}

await main();
