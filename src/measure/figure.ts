// Figure constructors: counts, rates (percent, one decimal, "no cases" on a zero denominator), statistics over n records.
// How a figure is judged (direction, target, amber, RAG), its window and time limit come from the catalogue (describeFigure).
import type { Figure, Rag, Unit } from './types.js';

/** Round half away from zero to one decimal. */
export function round1(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
}

/** Round half away from zero to the penny: money is exact to the penny, never to 10p. */
export function roundPenny(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7)) / 100;
}

/** A number from a query cell (DuckDB may give bigint or null). */
export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** How a figure is judged: higher-is-better share thresholds, lower-is-better share thresholds, or a ceiling (green at or under). */
export type RagRule =
  | { kind: 'higher'; green: number; amber: number }
  | { kind: 'lower'; green: number; amber: number }
  | { kind: 'ceiling'; limit: number };

export function ragOf(value: number | null, rule: RagRule | undefined): Rag | null {
  if (value === null || !rule) return null;
  switch (rule.kind) {
    case 'higher':
      return value >= rule.green ? 'green' : value >= rule.amber ? 'amber' : 'red';
    case 'lower':
      return value <= rule.green ? 'green' : value <= rule.amber ? 'amber' : 'red';
    case 'ceiling':
      return value <= rule.limit ? 'green' : 'red';
  }
}

function base(unit: Unit): Figure {
  return { value: null, numerator: null, denominator: null, unit, direction: null, target: null, amber: null, rag: null, status: 'ok', suppressed: false };
}

/** A count of records (null from an absent group counts as 0). */
export function count(n: unknown): Figure {
  return { ...base('count'), value: num(n) ?? 0 };
}

/** `numerator / denominator` as a percentage with one decimal; a zero denominator is `no_cases`. */
export function rate(numerator: unknown, denominator: unknown, excluded?: unknown): Figure {
  const n = num(numerator) ?? 0;
  const d = num(denominator) ?? 0;
  const f: Figure = { ...base('percent'), numerator: n, denominator: d };
  if (excluded !== undefined) f.excluded = num(excluded) ?? 0;
  if (d === 0) return { ...f, status: 'no_cases' };
  return { ...f, value: round1((100 * n) / d) };
}

/**
 * A statistic (median, percentile, mean, longest, total) over `n` records: `denominator` is n, so disclosure can hide
 * it when n is small; no records is `no_cases`. Rounded to one decimal, money to the penny.
 */
export function stat(value: unknown, n: unknown, unit: Unit, excluded?: unknown): Figure {
  const d = num(n) ?? 0;
  const v = num(value);
  const f: Figure = { ...base(unit), denominator: d };
  if (excluded !== undefined) f.excluded = num(excluded) ?? 0;
  if (d === 0 || v === null) return { ...f, status: 'no_cases' };
  return { ...f, value: unit === 'gbp' ? roundPenny(v) : round1(v) };
}

/** A derived quantity that is not about a number of records (FTE, a rate per FTE); null is `no_cases`. */
export function quantity(value: number | null, unit: Unit, note?: string): Figure {
  const f: Figure = { ...base(unit), value: value === null ? null : Math.round(value * 100) / 100 };
  if (value === null) f.status = note ? 'ok' : 'no_cases';
  if (note) f.note = note;
  return f;
}

/** The same figure for a partner that sent nothing the measure needs. */
export function notSubmitted(f: Figure): Figure {
  const out: Figure = { ...f, value: null, numerator: null, denominator: null, rag: null, status: 'not_submitted' };
  delete out.excluded;
  delete out.note;
  return out;
}
