// Assemble a MeasureResult from a per-entity builder: partners lacking a needed dataset become `not_submitted`, the region lists them.
import type { DatasetName } from '../../schemas/index.js';
import { notSubmitted } from './figure.js';
import { hasSubmitted, REGION, type MeasureContext } from './MeasureContext.js';
import type { EntityFigures, Figure, MeasureResult } from './types.js';

/** What a measure computes for one entity (a partner code, or `REGION`). */
export interface EntityParts {
  figures: Record<string, Figure>;
  breakdowns?: Record<string, Record<string, Figure>>;
  /** Series name → 12 points over W12, oldest first. */
  trends?: Record<string, Figure[]>;
  labels?: Record<string, Record<string, string>>;
}

export interface MeasureSpec {
  id: string;
  title: string;
  standard: '26.4' | '25.7';
  headline: string;
  /** Datasets the measure needs: a partner lacking any of them is `not_submitted`. */
  datasets: DatasetName[];
  build: (entity: string) => EntityParts;
  breakdownTotals?: Record<string, string>;
  trendTotals?: Record<string, string>;
}

const mapFigures = <T>(r: Record<string, T>, f: (v: T) => T): Record<string, T> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v)]));

function toEntity(ctx: MeasureContext, parts: EntityParts, submitted: boolean, submissions: number[], headline: string): EntityFigures {
  const fig = submitted ? (f: Figure) => f : notSubmitted;
  const out: EntityFigures = { figures: mapFigures(parts.figures, fig), submissions };
  if (parts.breakdowns) out.breakdowns = mapFigures(parts.breakdowns, (b) => mapFigures(b, fig));
  if (parts.trends) {
    const series = mapFigures(parts.trends as Record<string, unknown>, (points) =>
      (points as Figure[]).map((f, i) => ({ month: ctx.period.months[i] ?? '', figure: fig(f) })),
    ) as Record<string, { month: string; figure: Figure }[]>;
    const names = Object.keys(series);
    out.trend = series[headline] ?? series[names[0] ?? ''] ?? [];
    if (names.length > 1) out.trends = series;
  }
  if (parts.labels && submitted) out.labels = parts.labels;
  return out;
}

export function buildMeasure(ctx: MeasureContext, spec: MeasureSpec): MeasureResult {
  const idsOf = (partner: string) => spec.datasets.map((ds) => ctx.submitted.get(ds)?.get(partner)).filter((x): x is number => x !== undefined);
  const partners: Record<string, EntityFigures> = {};
  const missing: string[] = [];
  for (const p of ctx.partners) {
    const ok = hasSubmitted(ctx, p, spec.datasets);
    if (!ok) missing.push(p);
    partners[p] = toEntity(ctx, spec.build(p), ok, ok ? idsOf(p) : [], spec.headline);
  }
  const used = ctx.partners.filter((p) => !missing.includes(p));
  const region = toEntity(ctx, spec.build(REGION), used.length > 0, used.flatMap(idsOf), spec.headline);
  region.notSubmitted = missing;
  const result: MeasureResult = { id: spec.id, title: spec.title, standard: spec.standard, headline: spec.headline, partners, region };
  if (spec.breakdownTotals) result.breakdownTotals = spec.breakdownTotals;
  if (spec.trendTotals) result.trendTotals = spec.trendTotals;
  return result;
}

/** Twelve points of a monthly series from `grouped(..., { months: true })` rows. */
export function series<T>(entity: string, rows: Map<string, T>, point: (row: T | undefined) => Figure): Figure[] {
  return Array.from({ length: 12 }, (_, i) => point(rows.get(`${entity}|${i}`)));
}

/** One figure per category (every code, so tables are complete) from `grouped(..., { by })` rows. */
export function breakdown<T>(entity: string, categories: readonly string[], rows: Map<string, T>, cell: (row: T | undefined) => Figure): Record<string, Figure> {
  return Object.fromEntries(categories.map((c) => [c, cell(rows.get(`${entity}|${c}`))]));
}
