// dq.not_known on a real warehouse: extracts with characteristics councils do not know (in the wordings they send) are
// loaded through the real pipeline; the data-quality measure counts, per partner and characteristic, the values stored
// as not known, and those records still load.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxFiles } from '../../src/load/inboxFiles.js';
import { loadPartnerMonth } from '../../src/load/loadPartnerMonth.js';
import { measureDefinition } from '../../src/catalogue/catalogue.js';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import { characteristics } from '../../src/measure/dqMeasures.js';
import type { MeasureResult } from '../../src/measure/types.js';
import type { Database } from '../../src/warehouse/Database.js';
import { csv, inbox, rows, type Row } from '../loadFixtures.js';
import { cleanup, newWarehouse, pipeline } from './warehouseFixture.js';

const M = '2026-10';
/** What the test means as "the council does not know": every other value below is a known one. */
const unknownWordings = new Set(['Unknown', 'Not known', 'c) Not stated/recorded', '0', 'Refused', 'Declined to say', 'NOBT', 'Not recorded', 'Prefer not to say', 'c) Unknown']);

/** Characteristics per row, as the council writes them. */
const northChildren: Row[] = [
  { gender: 'Male', ethnicity: 'WBRI', disability: 'N' },
  { gender: 'Unknown', ethnicity: 'White - Irish', disability: 'N' },
  { gender: 'Female', ethnicity: 'Not known', disability: 'Refused' },
  { gender: '0', ethnicity: 'Declined to say', disability: 'NOBT' },
  { gender: 'c) Not stated/recorded', ethnicity: 'AIND', disability: 'Y' },
];
const northAdopters: Row[] = [
  { gender: 'Female', ethnicity: 'WBRI', disability: 'N', ffa: 'N' },
  { gender: 'Male', ethnicity: 'Not recorded', disability: 'N', ffa: 'Unknown' },
  { gender: 'Prefer not to say', ethnicity: 'BAFR', disability: 'c) Unknown', ffa: 'Y' },
];
const southChildren: Row[] = [{ gender: 'Female', ethnicity: 'MWBC', disability: 'N' }, { gender: 'Male', ethnicity: 'CHNE', disability: 'Y' }];
const southAdopters: Row[] = [{ gender: 'Male', ethnicity: 'WOTH', disability: 'N', ffa: 'N' }];

const fields = ['gender', 'ethnicity', 'disability', 'ffa'];
/** Expected counts from the rows above: per characteristic, in total, and records with any. */
function expected(...sets: Row[][]) {
  const all = sets.flat();
  const byField = Object.fromEntries(fields.map((f) => [f, all.filter((r) => unknownWordings.has(r[f] ?? '')).length]));
  return { byField, total: Object.values(byField).reduce((a, n) => a + n, 0), records: all.filter((r) => fields.some((f) => unknownWordings.has(r[f] ?? ''))).length };
}

let root: string;
let db: Database;
let measure: MeasureResult | undefined;
const loaded: Record<string, number> = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'raa-dq-not-known-'));
  db = await newWarehouse();
  const withIds = <T extends Row>(base: Row[], xs: T[]) => xs.map((x, i) => ({ ...base[i], ...x }));
  const sent: Record<string, Record<string, string>> = {
    north: { 'List10.csv': csv('children', withIds(rows.children(northChildren.length), northChildren)), 'List11.csv': csv('adopters', withIds(rows.adopters(northAdopters.length), northAdopters)) },
    south: { 'List10.csv': csv('children', withIds(rows.children(southChildren.length), southChildren)), 'List11.csv': csv('adopters', withIds(rows.adopters(southAdopters.length), southAdopters)) },
    // west sends no adopters' extract: its figures would leave its adopters out
    west: { 'List10.csv': csv('children', withIds(rows.children(1), [{ gender: 'Unknown' }])), 'Support.csv': csv('support', rows.support(2)) },
  };
  for (const [partner, files] of Object.entries(sent)) {
    const result = await loadPartnerMonth(db, { partner, period: M, files: await inboxFiles(inbox(root, partner, M, files)), settings: { asfCap: 2500, holdThreshold: 0.5 } });
    loaded[partner] = result.files.reduce((a, f) => a + f.counts.rowsLoaded, 0);
  }
  measure = (await computeMeasures(db, pipeline(['north', 'south', 'west']), M)).measures.find((m) => m.id === 'dq.not_known');
}, 120_000);
afterAll(() => {
  cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('dq.not_known: characteristics not known, per partner', () => {
  it('a record with an unknown characteristic loads: every row of every extract is in the warehouse', () => {
    expect(loaded).toEqual({ north: northChildren.length + northAdopters.length, south: southChildren.length + southAdopters.length, west: 3 });
  });

  it('counts each partner\u2019s not-known values by characteristic, their total and the records with any', () => {
    for (const [partner, sets] of [['north', [northChildren, northAdopters]], ['south', [southChildren, southAdopters]]] as const) {
      const want = expected(...sets);
      const e = measure?.partners[partner];
      expect(e?.figures['not_known']).toMatchObject({ value: want.total, status: 'ok' });
      expect(e?.figures['records']).toMatchObject({ value: want.records, status: 'ok' });
      expect(Object.fromEntries(Object.entries(e?.breakdowns?.['by_characteristic'] ?? {}).map(([k, f]) => [k, f.value]))).toEqual(want.byField);
    }
    // the fixture is not vacuous: north has unknowns in every characteristic, south in none
    expect(Object.values(expected(northChildren, northAdopters).byField).every((n) => n > 0)).toBe(true);
    expect(measure?.partners['south']?.figures['not_known']?.value).toBe(0);
  });

  it('the region adds up the partners; a partner without both a children\u2019s and an adopters\u2019 extract is not submitted, not a partial count', () => {
    const want = expected(northChildren, northAdopters, southChildren, southAdopters);
    expect(measure?.region.figures['not_known']?.value).toBe(want.total);
    expect(measure?.region.figures['records']?.value).toBe(want.records);
    expect(measure?.region.notSubmitted).toEqual(['west']);
    expect(measure?.partners['west']?.figures['not_known']).toMatchObject({ value: null, status: 'not_submitted' });
    expect(measure?.partners['west']?.breakdowns?.['by_characteristic']?.['gender']).toMatchObject({ status: 'not_submitted' });
    expect(measure?.partners['north']?.submissions).toHaveLength(2);
  });

  it('the characteristics are the schema\u2019s coded columns with a not-known code, in the datasets the catalogue names', () => {
    expect(characteristics.map((c) => `${c.dataset}.${c.field}`)).toEqual(['children.gender', 'children.ethnicity', 'children.disability', 'adopters.gender', 'adopters.ethnicity', 'adopters.disability', 'adopters.ffa']);
    expect([...new Set(characteristics.map((c) => c.dataset))]).toEqual(measureDefinition('dq.not_known').datasets);
  });
});
