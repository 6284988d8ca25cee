// `npm run bench`: each stage against its floor, measured in the same run, reported as ratios (no timing in tests).
//  1. validate (every check, every diagnostic) vs DuckDB's own typed read_csv of the same file;
//  2. load into a warehouse file (validate + load + commit) vs DuckDB's typed read_csv into a table;
//  3. the whole `raa run` on the sample data, its loads against a bare process that imports @duckdb/node-api and opens
//     a warehouse (the start-up floor);
//  4. rendering both reports (all formats but PDF), and the share of it spent importing Vega and rendering charts.
// It ends with each goal of issue 11 beside the ratio measured in this run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSupport } from './generateSupport.js';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const out = join(root, 'bench', 'out');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const child = join(root, 'dist', 'bench', 'child.js');
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

interface Job { ms: number; rows?: number; rssMb: number }

function runChild(...args: string[]): Job {
  const r = spawnSync(process.execPath, [child, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench child ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Job;
}

function wall(cmd: string[], env: NodeJS.ProcessEnv = {}): { ms: number; stdout: string; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, cmd, { encoding: 'utf8', env: { ...process.env, ...env }, cwd: root });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout, stderr: r.stderr };
}

/** The sample pipeline with its warehouse in bench/out (fresh each time). */
function samplePipeline(): string {
  const dir = join(out, 'pipeline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const yaml = readFileSync(join(root, 'pipelines', 'sample.yaml'), 'utf8').replace(/\.\.\/sample-data/g, join(root, 'sample-data'));
  writeFileSync(join(dir, 'sample.yaml'), `${yaml}\nwarehouse: ${join(dir, 'raa.duckdb')}\n`);
  return join(dir, 'sample.yaml');
}

/** One line of the closing summary: what was measured, its ratio, the goal and whether this run meets it. */
interface Goal { what: string; ratio: number; unit: string; goal: number; higher: boolean }
const goals: Goal[] = [];
const goalLine = (g: Goal) => {
  const met = g.higher ? g.ratio >= g.goal : g.ratio <= g.goal;
  const by = Math.abs(g.ratio - g.goal).toFixed(2);
  return `  ${g.what.padEnd(46)} ${g.ratio.toFixed(2)}${g.unit}  goal ${g.higher ? '>=' : '<='} ${g.goal}${g.unit}  ${met ? 'met' : `NOT met (by ${by}${g.unit})`}`;
};

async function main() {
  mkdirSync(out, { recursive: true });
  const rss = new Map<number, { validate: number; load: number }>();
  console.log('raa bench (2 cores; each job in its own process; ratio = raa rows/s ÷ DuckDB rows/s, higher is better)\n');
  // Three sizes: throughput at each, and whether peak memory stays flat as the file grows past the memory cap.
  for (const rows of [100_000, 1_000_000, 2_000_000]) {
    const file = join(out, `support-${rows}.csv`);
    await generateSupport(file, rows);
    const mb = statSync(file).size / 1e6;
    const wh = join(out, 'bench.duckdb');
    const rc = join(out, 'readcsv.duckdb');
    rmSync(rc, { force: true });
    const duck = runChild('readcsv', file, rc);
    const v = runChild('validate', file);
    rmSync(wh, { force: true });
    const l = runChild('load', file, wh);
    const rate = (j: Job) => ((j.rows ?? rows) / j.ms) * 1000;
    console.log(`${fmt(rows)} support rows (${mb.toFixed(0)} MB, ~2% faulty):`);
    console.log(`  DuckDB typed read_csv into a table  ${fmt(duck.ms)} ms  ${fmt(rate(duck))} rows/s  peak RSS ${fmt(duck.rssMb)} MB`);
    console.log(`  raa validate                        ${fmt(v.ms)} ms  ${fmt(rate(v))} rows/s  peak RSS ${fmt(v.rssMb)} MB  ratio ${(rate(v) / rate(duck)).toFixed(2)}x`);
    console.log(`  raa load (validate+load+commit)     ${fmt(l.ms)} ms  ${fmt(rate(l))} rows/s  peak RSS ${fmt(l.rssMb)} MB  ratio ${(rate(l) / rate(duck)).toFixed(2)}x`);
    rss.set(rows, { validate: v.rssMb, load: l.rssMb });
    if (rows === 1_000_000) {
      goals.push({ what: '1M-row support load vs DuckDB typed read_csv', ratio: rate(l) / rate(duck), unit: 'x', goal: 0.5, higher: true });
      goals.push({ what: '1M-row support validate vs DuckDB', ratio: rate(v) / rate(duck), unit: 'x', goal: 0.6, higher: true });
    }
    rmSync(wh, { force: true });
    rmSync(rc, { force: true });
  }

  const [m1, m2] = [rss.get(1_000_000), rss.get(2_000_000)];
  if (m1 && m2) {
    goals.push({ what: 'peak RSS of load, 2M rows / 1M rows', ratio: m2.load / m1.load, unit: 'x', goal: 1.1, higher: false });
    goals.push({ what: 'peak RSS of validate, 2M rows / 1M rows', ratio: m2.validate / m1.validate, unit: 'x', goal: 1.1, higher: false });
  }

  // The monthly job on the sample data, against the floor: a process that imports @duckdb/node-api and opens a file.
  const floorDb = join(out, 'floor.duckdb');
  const floors = [0, 1, 2].map(() => (rmSync(floorDb, { force: true }), wall([child, 'floor', floorDb]).ms));
  const floor = Math.min(...floors);
  const runs = [0, 1].map(() => wall([cli, 'run', samplePipeline()], { RAA_PROFILE: '1' }));
  const run = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const phases = /run: loads (\d+) ms, reports (\d+) ms/.exec(run.stderr);
  console.log(`\nraa run pipelines/sample.yaml (fresh warehouse: 10 partner-months loaded, both reports × 2 audiences rendered)`);
  console.log(`  floor (node + @duckdb/node-api + open a warehouse)  ${fmt(floor)} ms`);
  console.log(`  raa run                                             ${fmt(run.ms)} ms  ratio ${(run.ms / floor).toFixed(1)}x the floor`);
  if (phases) {
    const loads = Number(phases[1]);
    console.log(`    of which loading 49 files ${fmt(loads)} ms (${(loads / floor).toFixed(1)}x the floor), rendering the reports ${fmt(Number(phases[2]))} ms`);
    goals.push({ what: 'raa run on the sample: its loads vs the floor', ratio: loads / floor, unit: 'x', goal: 3, higher: false });
  }

  // Rendering alone on the loaded warehouse, with the chart share from RAA_PROFILE timings.
  const pipeline = samplePipeline();
  wall([cli, 'run', pipeline]);
  const report = wall([cli, 'report', pipeline, '--period', '2026-10', '--format', 'html,json,csv', '--out', join(out, 'reports')], { RAA_PROFILE: '1' });
  const vegaImport = Number(wall(['--input-type=module', '-e', "const t=performance.now(); await import('vega'); await import('vega-lite'); console.log(performance.now()-t)"]).stdout.trim());
  console.log(`\nraa report --period 2026-10 (2 reports × 2 audiences, html+json+csv): ${fmt(report.ms)} ms wall`);
  const charts = /charts: (\d+) compiled and rendered in (\d+) ms, (\d+) reused/.exec(report.stderr);
  const chartMs = Number(charts?.[2] ?? 0);
  console.log(`  importing vega + vega-lite: ${fmt(vegaImport)} ms (${((100 * vegaImport) / report.ms).toFixed(0)}% of the wall time)`);
  console.log(`  compiling and rendering ${charts?.[1] ?? '?'} charts to SVG (${charts?.[3] ?? '?'} more reused): ${fmt(chartMs)} ms (${((100 * chartMs) / report.ms).toFixed(0)}%)`);
  cpSync(join(out, 'reports'), join(out, 'reports-last'), { recursive: true });

  console.log('\ngoals (issue 11), from this run:');
  for (const g of goals) console.log(goalLine(g));
  console.log(`  raa run's reports: importing Vega ${((100 * vegaImport) / report.ms).toFixed(0)}%, rendering charts ${((100 * chartMs) / report.ms).toFixed(0)}% of rendering the reports (${fmt(report.ms)} ms)`);
}

await main();
