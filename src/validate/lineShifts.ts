// Source lines in SQL: a record's line is rec + 1 + a shift that only grows (blank lines, quoted line breaks), so the
// few points where the shift changes are found by bisection and joined with ASOF; a plain file needs no table at all.
import type { RecordMap } from '../ingest/scanRecords.js';
import type { Database } from '../warehouse/Database.js';
import { ident } from './sql.js';

export interface ShiftPoint {
  /** First record (staging rowid) the shifts apply to. */
  from: number;
  line: number;
  row: number;
}

/** The records where line or Excel-row shift changes, for data records 1 … records − 1 (empty when both are 0 throughout). */
export function shiftPoints(map: Pick<RecordMap, 'records' | 'lineOf' | 'excelRowOf'>): ShiftPoint[] {
  const last = map.records - 1;
  if (last < 1) return [];
  const at = (i: number): ShiftPoint => ({ from: i, line: map.lineOf(i) - i - 1, row: map.excelRowOf(i) - i - 1 });
  const same = (a: ShiftPoint, b: ShiftPoint) => a.line === b.line && a.row === b.row;
  const points: ShiftPoint[] = [at(1)];
  // Both shifts are non-decreasing in the record index, so equal ends mean no change in between.
  const split = (lo: ShiftPoint, hi: ShiftPoint): void => {
    if (same(lo, hi)) return;
    if (hi.from - lo.from === 1) {
      points.push(hi);
      return;
    }
    const mid = at((lo.from + hi.from) >> 1);
    split(lo, mid);
    split(mid, hi);
  };
  split(points[0] as ShiftPoint, at(last));
  const first = points[0] as ShiftPoint;
  return points.length === 1 && first.line === 0 && first.row === 0 ? [] : points;
}

export interface LineSql {
  /** A FROM-clause suffix to put after `<typed> AS t` (empty for a plain file). */
  join: string;
  line: string;
  excelRow: string;
  drop(): Promise<void>;
}

/** Create the shift table for a file (when it needs one) and return SQL for `t.rec`'s line and Excel row. */
export async function lineSql(db: Database, map: RecordMap, table: string): Promise<LineSql> {
  const points = shiftPoints(map);
  if (points.length === 0) return { join: '', line: '(t.rec + 1)', excelRow: '(t.rec + 1)', drop: () => Promise.resolve() };
  const text = `${table}_text`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${ident(text)} (from_rec VARCHAR, line_shift VARCHAR, row_shift VARCHAR)`);
  await db.appendText(text, points.map((p) => [String(p.from), String(p.line), String(p.row)]), { temp: true });
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT CAST(from_rec AS BIGINT) AS from_rec, CAST(line_shift AS BIGINT) AS line_shift, CAST(row_shift AS BIGINT) AS row_shift FROM ${ident(text)}`,
  );
  await db.run(`DROP TABLE temp.${ident(text)}`);
  return {
    join: `ASOF LEFT JOIN ${ident(table)} AS sh ON t.rec >= sh.from_rec`,
    line: '(t.rec + 1 + coalesce(sh.line_shift, 0))',
    excelRow: '(t.rec + 1 + coalesce(sh.row_shift, 0))',
    drop: () => db.run(`DROP TABLE IF EXISTS temp.${ident(table)}`),
  };
}
