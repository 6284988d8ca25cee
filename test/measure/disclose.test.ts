// Disclosure control: counts 1–5 and figures over 1–5 records hidden, secondary suppression so nothing is recoverable from a total,
// zero shown unless hiding it is what protects a small cell; the internal copy says which kind each hidden figure is.
import { afterAll, describe, expect, it } from 'vitest';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import { disclose, markSuppression } from '../../src/measure/disclose.js';
import { capacityFigures } from '../../src/measure/supportCapacity.js';
import { count, rate } from '../../src/measure/figure.js';
import type { EntityFigures, Figure, MeasureResult } from '../../src/measure/types.js';
import { cleanup, newWarehouse, pipeline, submit } from './warehouseFixture.js';

afterAll(cleanup);
const rule = { minCount: 1, maxCount: 5 };
const ent = (figures: Record<string, Figure>, extra: Partial<EntityFigures> = {}): EntityFigures => ({ figures, submissions: [], ...extra });
const m = (id: string, partners: Record<string, EntityFigures>, region: EntityFigures, extra: Partial<MeasureResult> = {}): MeasureResult => ({
  id, title: id, standard: '25.7', headline: 'count', partners, region, ...extra,
});
const shown = (f: Figure | undefined) => (f?.suppressed ? 'c' : f?.value);

describe('primary and secondary suppression', () => {
  it('a partner count of 1–5 is hidden, and the next smallest partner too, so region − others does not give it', () => {
    // a 3, b 10, c 12, region 25: hiding a alone, 25 − 10 − 12 = 3 would give it away; hiding b too leaves a + b = 13.
    const [out] = disclose([m('x.count', { a: ent({ count: count(3) }), b: ent({ count: count(10) }), c: ent({ count: count(12) }) }, ent({ count: count(25) }))], rule);
    expect(['a', 'b', 'c'].map((p) => shown(out?.partners[p]?.figures['count']))).toEqual(['c', 'c', 12]);
    expect(shown(out?.region.figures['count'])).toBe(25);
    expect(out?.partners['a']?.figures['count']).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true, rag: null });
  });
  it('zero is shown as 0 where a non-zero cell protects as well', () => {
    // a 0, b 4, c 20, region 24: b hidden; the next smallest non-zero is c (a zero would protect nothing).
    const [out] = disclose([m('x.count', { a: ent({ count: count(0) }), b: ent({ count: count(4) }), c: ent({ count: count(20) }) }, ent({ count: count(24) }))], rule);
    expect(['a', 'b', 'c'].map((p) => shown(out?.partners[p]?.figures['count']))).toEqual([0, 'c', 'c']);
    expect(shown(out?.region.figures['count'])).toBe(24);
    const [zeros] = disclose([m('x.count', { a: ent({ count: count(0) }) }, ent({ count: count(0) }))], rule);
    expect(zeros?.region.figures['count']).toMatchObject({ value: 0, suppressed: false });
  });
  it('a zero is hidden where that is what protects: two hidden 5s in a row of 10 would both be 5', () => {
    // x 5, y 5, z 0, total 10: x + y = 10 pins both (neither is over 5). No non-zero cell is left to hide; hiding z gives
    // x + y + z = 10, where x = 3, y = 5, z = 2 fits as well.
    const row = ent({ count: count(10) }, { breakdowns: { by_kind: { x: count(5), y: count(5), z: count(0) } } });
    const measures = [m('x.by', {}, row, { breakdownTotals: { by_kind: 'count' } })];
    const [out] = disclose(measures, rule);
    expect(['x', 'y', 'z'].map((k) => shown(out?.region.breakdowns?.['by_kind']?.[k]))).toEqual(['c', 'c', 'c']);
    expect(shown(out?.region.figures['count'])).toBe(10);
    const [marked] = markSuppression(measures, rule);
    expect(['x', 'y', 'z'].map((k) => marked?.region.breakdowns?.['by_kind']?.[k]?.suppression)).toEqual(['primary', 'primary', 'secondary']);
    expect(marked?.region.breakdowns?.['by_kind']?.['z']).toMatchObject({ value: 0, suppressed: false });
    expect(marked?.region.figures['count']?.suppression).toBeUndefined();
  });
  it('a region total of 1–5 is hidden with its partners', () => {
    const [out] = disclose([m('x.count', { a: ent({ count: count(2) }), b: ent({ count: count(0) }) }, ent({ count: count(2) }))], rule);
    expect([shown(out?.partners['a']?.figures['count']), shown(out?.partners['b']?.figures['count']), shown(out?.region.figures['count'])]).toEqual(['c', 0, 'c']);
  });
  it('a rate over 1–5 records is hidden, with its numerator and denominator, and the next smallest denominator too', () => {
    // a 2/4, b 30/40, c 45/50, region 77/94: b's denominator 40 is the next smallest.
    const ms = [m('x.rate', { a: ent({ share: rate(2, 4) }), b: ent({ share: rate(30, 40) }), c: ent({ share: rate(45, 50) }) }, ent({ share: rate(77, 94) }), { headline: 'share' })];
    const [out] = disclose(ms, rule);
    expect(out?.partners['a']?.figures['share']).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
    expect(shown(out?.partners['b']?.figures['share'])).toBe('c');
    expect(out?.partners['c']?.figures['share']).toMatchObject({ value: 90, numerator: 45, denominator: 50, suppressed: false });
    expect(ms[0]?.partners['a']?.figures['share']?.value).toBe(50); // the internal figures are untouched
  });
  it('a rate whose numerator is a count of 1–5 is hidden (the rate and denominator would give the count away)', () => {
    const [out] = disclose([m('x.rate', { a: ent({ share: rate(3, 40) }), b: ent({ share: rate(20, 40) }) }, ent({ share: rate(23, 80) }), { headline: 'share' })], rule);
    expect(shown(out?.partners['a']?.figures['share'])).toBe('c');
    expect(shown(out?.partners['b']?.figures['share'])).toBe('c');
  });
  it('a breakdown: the row (categories and total) and the columns (partners and region) are both protected', () => {
    // a: complaint 2, staff 8, other 9 (total 19); b: complaint 7, staff 6, other 10 (23); region 9, 14, 19 (42).
    const row = (c: number, s: number, o: number) => ent({ count: count(c + s + o) }, { breakdowns: { by_source: { complaint: count(c), staff: count(s), other: count(o) } } });
    const [out] = disclose([m('x.by', { a: row(2, 8, 9), b: row(7, 6, 10) }, row(9, 14, 19), { breakdownTotals: { by_source: 'count' } })], rule);
    const cells = (e: EntityFigures | undefined) => ['complaint', 'staff', 'other', 'total'].map((k) => shown(k === 'total' ? e?.figures['count'] : e?.breakdowns?.['by_source']?.[k]));
    // a's complaint 2 is primary; a's staff 8 protects it in a's row; b's complaint 7 protects it in the complaint column;
    // then b's staff 6 protects b's complaint in b's row (the staff column then has two hidden cells).
    expect(cells(out?.partners['a'])).toEqual(['c', 'c', 9, 19]);
    expect(cells(out?.partners['b'])).toEqual(['c', 'c', 10, 23]);
    expect(cells(out?.region)).toEqual([9, 14, 19, 42]);
  });
  it('a trend whose twelve points add up to a shown W12 total', () => {
    const pts = [0, 2, 0, 0, 0, 0, 0, 0, 0, 8, 0, 9].map((n, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, figure: count(n) }));
    const e = ent({ count: count(9), count_w12: count(19) }, { trend: pts });
    const [out] = disclose([m('x.trend', { a: e }, structuredClone(e), { trendTotals: { count: 'count_w12' } })], rule);
    expect(out?.partners['a']?.trend?.map((p) => shown(p.figure))).toEqual([0, 'c', 0, 0, 0, 0, 0, 0, 0, 'c', 0, 9]);
    expect(shown(out?.partners['a']?.figures['count_w12'])).toBe(19);
  });
  it('records left out for a missing date: a count of 1–5 is dropped for every entity of that figure', () => {
    // a left out 2, b 10, region 12: region − b would give a's 2 back, so neither is published.
    const [out] = disclose([m('x.rate', { a: ent({ share: rate(20, 40, 2) }), b: ent({ share: rate(30, 40, 10) }) }, ent({ share: rate(50, 80, 12) }), { headline: 'share' })], rule);
    expect([out?.partners['a'], out?.partners['b'], out?.region].map((e) => e?.figures['share']?.excluded)).toEqual([undefined, undefined, undefined]);
    expect(out?.region.figures['share']?.value).toBe(62.5);
  });
  it("the month's figure and its trend point are one cell: hiding one hides the other", () => {
    // Points add up to 18: Feb 2 is hidden; the next smallest, Dec 7, protects it; Dec is also the month's count.
    const pts = [0, 2, 0, 0, 0, 9, 0, 0, 0, 0, 0, 7].map((n, i) => ({ month: `m${i}`, figure: count(n) }));
    const e = ent({ count: count(7), count_w12: count(18) }, { trend: pts });
    const [out] = disclose([m('x.trend', { a: e }, structuredClone(e), { trendTotals: { count: 'count_w12' } })], rule);
    expect(shown(out?.partners['a']?.figures['count'])).toBe('c');
    expect(shown(out?.region.figures['count'])).toBe('c');
    expect(out?.partners['a']?.trend?.map((p) => shown(p.figure))).toEqual([0, 'c', 0, 0, 0, 9, 0, 0, 0, 0, 0, 'c']);
  });
  it('one count read by two measures is hidden in both', () => {
    // concerns.raised for a: contact 3 (hidden), delay 9 (hides with it), other 12, total 24. Regional themes repeat delay 9
    // and other 12: shown there, delay 9 would give contact back (24 − 12 − 9), so it is hidden there too, and then other
    // protects it in the themes row. The themes' total 21 is delay + other, so raised's total 24 would still give contact
    // back (24 − 21): it is hidden too.
    const raised = ent({ count_w12: count(24) }, { breakdowns: { by_category: { contact: count(3), delay: count(9), other: count(12) } } });
    const themes = ent({ concerns_in_themes: count(21) }, { breakdowns: { by_category: { delay: count(9), other: count(12) } } });
    const [r, t] = disclose([
      m('concerns.raised', { a: raised }, structuredClone(raised), { breakdownTotals: { by_category: 'count_w12' } }),
      m('concerns.regional_themes', { a: themes }, structuredClone(themes), { breakdownTotals: { by_category: 'concerns_in_themes' } }),
    ], rule);
    expect(Object.values(t?.partners['a']?.breakdowns?.['by_category'] ?? {}).map(shown)).toEqual(['c', 'c']);
    expect(Object.values(r?.partners['a']?.breakdowns?.['by_category'] ?? {}).map(shown)).toEqual(['c', 'c', 'c']);
    expect(shown(r?.partners['a']?.figures['count_w12'])).toBe('c');
    expect(shown(t?.partners['a']?.figures['concerns_in_themes'])).toBe(21);
  });
  it('capacity figures derived from a hidden backlog are hidden; data quality figures are not about people and are shown', () => {
    const cap = capacityFigures({ allocations: 30, received: 15, awaiting: 3, meanFte: 5, currentFte: 5 }, 6);
    const dq = ent({ rows_rejected: count(3) });
    const [c, d] = disclose([m('support.capacity', { a: ent(cap) }, ent(structuredClone(cap))), m('dq.submission', { a: dq }, structuredClone(dq))], rule);
    expect(['awaiting', 'months_to_clear', 'extra_fte', 'rate'].map((k) => shown(c?.region.figures[k]))).toEqual(['c', 'c', 'c', 2]);
    expect(shown(d?.partners['a']?.figures['rows_rejected'])).toBe(3);
  });
});

describe('published output from a warehouse', () => {
  it('never holds a value of 1–5, a hidden value or a record id', async () => {
    const db = await newWarehouse();
    const rows = (n: number, raised: string) => Array.from({ length: n }, (_, i) => ({ concern_id: `SECRET${raised}${i}`, raised_date: raised, category: i % 2 ? 'delay' : 'contact', closed_date: raised, outcome: 'upheld' }));
    await submit(db, { partner: 'a', period: '2026-10', dataset: 'concerns', rows: rows(3, '2026-10-01') });
    await submit(db, { partner: 'b', period: '2026-10', dataset: 'concerns', rows: rows(11, '2026-10-02') });
    await submit(db, { partner: 'c', period: '2026-10', dataset: 'concerns', rows: rows(14, '2026-09-03') });
    const { measures } = await computeMeasures(db, pipeline(), '2026-10');
    const published = disclose(measures, rule);
    const text = JSON.stringify(published);
    expect(text).not.toContain('SECRET');
    let hidden = 0;
    // dq.* count files and rows, not people, and are shown as computed.
    JSON.parse(JSON.stringify(published.filter((x) => !x.id.startsWith('dq.'))), (key, value: unknown) => {
      const f = value as Partial<Figure> | null;
      // `themes` counts categories (regional themes), not people.
      if (f && typeof f === 'object' && 'suppressed' in f && key !== 'themes') {
        if (f.suppressed) {
          hidden++;
          expect([f.value, f.numerator, f.denominator]).toEqual([null, null, null]);
        } else if (f.status === 'ok') {
          for (const n of [f.unit === 'count' ? f.value : null, f.denominator, f.numerator, f.excluded]) {
            if (typeof n === 'number') expect(n === 0 || n > 5, `${key}: ${JSON.stringify(f)}`).toBe(true);
          }
        }
      }
      return value;
    });
    expect(hidden).toBeGreaterThan(0);
    // a raised 3 in October: hidden; the region's October count 28 − 11 − 14 would give it away, so another partner is hidden too.
    const raised = published.find((x) => x.id === 'concerns.raised');
    expect(['a', 'b', 'c'].map((p) => shown(raised?.partners[p]?.figures['count']))).toEqual(['c', 'c', 0]);
    expect(shown(raised?.region.figures['count'])).toBe(14);
  });
});
