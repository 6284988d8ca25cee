// One timed job in a fresh process, so each measurement has its own heap and DuckDB instance:
//   node dist/bench/child.js validate <file>
//   node dist/bench/child.js load <file> <warehouse>
//   node dist/bench/child.js readcsv <file> <duckdb file>
//   node dist/bench/child.js floor <duckdb file>
// Prints one JSON line: { ms, rows?, rssMb }.
import { join } from 'node:path';
import { support } from '../schemas/index.js';
import { duckdbType } from '../src/contract/duckdbType.js';
import { receivedTimes } from '../src/load/inboxFiles.js';
import { loadPartnerMonth } from '../src/load/loadPartnerMonth.js';
import { defaultSettings } from '../src/config/ValidateSettings.js';
import { validateFiles } from '../src/validate/validateFiles.js';
import { Database } from '../src/warehouse/Database.js';
import { withWarehouse } from '../src/pipeline/withWarehouse.js';

const [job, file, db] = process.argv.slice(2) as [string, string, string | undefined];
const t0 = performance.now();
let rows: number | undefined;

if (job === 'validate') {
  const [r] = await validateFiles([file], { period: '2026-10' });
  rows = r?.counts.rowsRead;
} else if (job === 'load') {
  // As `raa load` does it: through withWarehouse (memory cap, lock, release).
  const files = await receivedTimes([file]);
  const loaded = await withWarehouse(db as string, {}, (wh) => loadPartnerMonth(wh, { partner: 'bench', period: '2026-10', files, settings: defaultSettings }));
  rows = loaded.files.reduce((n, f) => n + f.counts.rowsRead, 0);
} else if (job === 'readcsv') {
  // DuckDB's own typed read_csv into a table of a database file: the limit we compare against.
  const duck = await Database.open(db as string);
  const cols = support.columns.map((c) => `'${c.field}': '${c.type.kind === 'money' ? 'VARCHAR' : duckdbType(c.type)}'`).join(', ');
  await duck.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}', header=true, auto_detect=false, delim=',', quote='"', escape='"', columns={${cols}}, dateformat='%d/%m/%Y', store_rejects=true, ignore_errors=true)`);
  rows = (await duck.one<{ n: number }>('SELECT count(*) AS n FROM t'))?.n;
  duck.release();
} else if (job === 'floor') {
  const duck = await Database.open(join(file));
  duck.release();
}
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ ms, rows, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
