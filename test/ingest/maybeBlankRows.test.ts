// The record scan says whether a file might have blank data rows (every value empty or white space), so that the
// checks look for them only then. It may say "might" of a row that is not blank, never the reverse: every case is
// checked against DuckDB's own reading of the file and the blank-row rule the checks apply.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanRecords } from '../../src/ingest/scanRecords.js';
import { blankTableSql } from '../../src/validate/compileChecks.js';
import { stageCsv } from '../../src/validate/stageCsv.js';
import { Database } from '../../src/warehouse/Database.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-blank-'));
let db: Database;
beforeAll(async () => (db = await Database.open(':memory:')));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

// [name, file text, whether the scan should say a data row might be blank, whether DuckDB and the checks find one]
const cases: [string, string, boolean, boolean][] = [
  ['values in every row', 'a,b\n1,2\n3,\n', false, false],
  ['empty values only', 'a,b\n1,2\n,\n', true, true],
  ['spaces only', 'a,b\n1,2\n  ,  \n', true, true],
  ['quoted empty values', 'a,b\n"",""\n', true, true],
  ['a quoted space', 'a,b\n" ",\n', true, true],
  ['a quoted value', 'a,b\n" x ",\n', false, false],
  ['a tab (not white space to the checks)', 'a,b\n\t,\n', false, false],
  ['an escaped quote', 'a,b\n"""",\n', false, false],
  ['a line break inside quotes', 'a,b\n"\n",\n', false, false],
  ['a non-breaking space (beyond ASCII: might be blank, and is)', 'a,b\n\u00a0,\n', true, true],
  ['a letter beyond ASCII (might be blank, is not)', 'a,b\né,\n', true, false],
  ['CRLF with spaces', 'a,b\r\n ,\r\n', true, true],
  ['CRLF with a value', 'a,b\r\n x,\r\n', false, false],
  ['an empty line (a blank line, counted apart)', 'a,b\n\n1,2\n', false, false],
  ['an empty header cell', ',b\n1,2\n', false, false],
  ['a short row', 'a,b,c\n1\n', false, false],
  ['semicolons', 'a;b\n ; \n', true, true],
];

describe('rows that might be blank', () => {
  it.each(cases)('%s', async (name, text, expected, blank) => {
    const file = join(dir, `${name.replace(/\W+/g, '_')}.csv`);
    writeFileSync(file, text);
    const delimiter = text.includes(';') ? ';' : ',';
    const map = await scanRecords(file, 0, delimiter, 2);
    expect(map.maybeBlankRows).toBe(expected);
    // What the checks find: no blank row where the scan says none might be.
    const table = `t_${name.replace(/\W+/g, '_')}`;
    await stageCsv(db, table, file, delimiter, map, true);
    await db.run(blankTableSql([{ staging: table, width: map.maxFields, offset: 0 }], `${table}_blank`));
    const found = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM "${table}_blank"`))?.n ?? 0;
    expect(found > 0).toBe(blank);
    if (!map.maybeBlankRows) expect(found).toBe(0); // the scan never clears a file that has a blank row
  });
});
