// Assemble a MeasureResult from a per-entity builder and the measure's catalogue entry: every figure described
// (direction, target, window), partners lacking a needed dataset become `not_submitted`, the region lists them. A
// figure, breakdown or trend the SQL computes but the catalogue does not declare (or the reverse) is a bug, said at once.
import { measureDefinition, type MeasureDefinition } from '../catalogue/catalogue.js';
import { describeFigure, endDaysEarlier, pointWindow, windowOf, type FigureContext } from './describeFigure.js';
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

const mapFigures = <T, U>(r: Record<string, T>, f: (v: T, k: string) => U): Record<string, U> => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v, k)]));

/** Throws when the names computed differ from those declared. */
function sameNames(what: string, computed: Record<string, unknown> | undefined, declared: Record<string, unknown> | undefined, id: string): void {
  const a = Object.keys(computed ?? {}).sort();
  const b = Object.keys(declared ?? {}).sort();
  if (a.join() !== b.join()) throw new Error(`measure ${id}: ${what} computed [${a.join(', ')}] but the catalogue declares [${b.join(', ')}] (src/catalogue/)`);
}

/** Every figure of `parts` described from the catalogue; units must agree with it. */
function describeParts(ctx: MeasureContext, def: MeasureDefinition, parts: EntityParts): EntityParts {
  sameNames('figures', parts.figures, def.figures, def.id);
  sameNames('breakdowns', parts.breakdowns, def.breakdowns, def.id);
  sameNames('trends', parts.trends, def.trends, def.id);
  if (parts.labels) sameNames('labels', parts.labels, def.labels, def.id);
  const c: FigureContext = { measure: def, targets: ctx.pipeline.targets };
  const unit = (f: Figure, expected: string, where: string) => {
    if (f.unit !== expected) throw new Error(`measure ${def.id}: ${where} is in ${f.unit} but the catalogue says ${expected}`);
  };
  const out: EntityParts = {
    figures: mapFigures(parts.figures, (f, k) => {
      const d = def.figures[k];
      if (d) unit(f, d.unit, k);
      return describeFigure(f, d, c, windowOf(d?.window ?? 'month', ctx.period, d ? endDaysEarlier(d, c) : 0));
    }),
  };
  if (parts.breakdowns) {
    out.breakdowns = mapFigures(parts.breakdowns, (cells, name) => {
      const b = def.breakdowns?.[name];
      return mapFigures(cells, (f, cat) => {
        unit(f, 'count', `${name}.${cat}`);
        return describeFigure(f, undefined, c, windowOf(b?.window ?? 'month', ctx.period));
      });
    });
  }
  if (parts.trends) {
    out.trends = mapFigures(parts.trends, (points, name) =>
      points.map((f, i) => {
        const d = def.figures[name];
        if (d) unit(f, d.unit, `${name} trend`);
        return describeFigure(f, d, c, pointWindow(def.trends?.[name]?.points ?? 'month', ctx.period.months[i] ?? ''));
      }),
    );
  }
  if (parts.labels) out.labels = parts.labels;
  return out;
}

function toEntity(ctx: MeasureContext, parts: EntityParts, submitted: boolean, submissions: number[], headline: string): EntityFigures {
  const fig = submitted ? (f: Figure) => f : notSubmitted;
  const out: EntityFigures = { figures: mapFigures(parts.figures, fig), submissions };
  if (parts.breakdowns) out.breakdowns = mapFigures(parts.breakdowns, (b) => mapFigures(b, fig));
  if (parts.trends) {
    const series = mapFigures(parts.trends, (points) => points.map((f, i) => ({ month: ctx.period.months[i] ?? '', figure: fig(f) })));
    const names = Object.keys(series);
    out.trend = series[headline] ?? series[names[0] ?? ''] ?? [];
    if (names.length > 1) out.trends = series;
  }
  if (parts.labels && submitted) out.labels = parts.labels;
  return out;
}

/** The measure `id` of the catalogue, computed by `build` for each partner and the region. */
export function buildMeasure(ctx: MeasureContext, id: string, build: (entity: string) => EntityParts): MeasureResult {
  const def = measureDefinition(id);
  const idsOf = (partner: string) => def.datasets.map((ds) => ctx.submitted.get(ds)?.get(partner)).filter((x): x is number => x !== undefined);
  const parts = (entity: string) => describeParts(ctx, def, build(entity));
  const partners: Record<string, EntityFigures> = {};
  const missing: string[] = [];
  for (const p of ctx.partners) {
    const ok = hasSubmitted(ctx, p, def.datasets);
    if (!ok) missing.push(p);
    partners[p] = toEntity(ctx, parts(p), ok, ok ? idsOf(p) : [], def.headline);
  }
  const used = ctx.partners.filter((p) => !missing.includes(p));
  const region = toEntity(ctx, parts(REGION), used.length > 0, used.flatMap(idsOf), def.headline);
  region.notSubmitted = missing;
  const result: MeasureResult = { id: def.id, title: def.title, standard: def.standard, headline: def.headline, partners, region };
  if (def.breakdowns) result.breakdownTotals = mapFigures(def.breakdowns, (b) => b.total);
  if (def.trends) result.trendTotals = mapFigures(def.trends, (t) => t.total);
  return result;
}

/** A monthly series' rule: the SQL predicate of a record counted in the month from `ms` to `me` (SQL dates). */
export type SeriesRule = (ms: string, me: string) => string;

/** Twelve points of a monthly series from `grouped(..., { months: true })` rows. */
export function series<T>(entity: string, rows: Map<string, T>, point: (row: T | undefined) => Figure): Figure[] {
  return Array.from({ length: 12 }, (_, i) => point(rows.get(`${entity}|${i}`)));
}

/** One figure per category (every code, so tables are complete) from `grouped(..., { by })` rows. */
export function breakdown<T>(entity: string, categories: readonly string[], rows: Map<string, T>, cell: (row: T | undefined) => Figure): Record<string, Figure> {
  return Object.fromEntries(categories.map((c) => [c, cell(rows.get(`${entity}|${c}`))]));
}
