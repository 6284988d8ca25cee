// `raa explain`'s work: for one figure of one measure (a partner's, or the region's) in month M, the records behind it,
// each with its submission and its role, and the figure given back from them beside the figure the report shows.
// Internal only: it lists record ids, so it has no published audience.
import { findMeasure, fillTarget, targetNumbers } from '../catalogue/catalogue.js';
import type { Pipeline } from '../config/Pipeline.js';
import { UsageError } from '../errors/RaaError.js';
import { computeMeasures } from '../measure/computeMeasures.js';
import { measureContext, type MeasureContext } from '../measure/MeasureContext.js';
import type { EntityFigures, Figure, MeasureResult } from '../measure/types.js';
import type { Database } from '../warehouse/Database.js';
import { submissionFiles, type SubmissionFile } from '../warehouse/ledger.js';
import { adopterRecipes } from './adopterRecipes.js';
import { cellRecipe, pointRecipe } from './cellRecipes.js';
import { childrenRecipes } from './childrenRecipes.js';
import { concernRecipes } from './concernRecipes.js';
import { dqRecipes } from './dqRecipes.js';
import { roleOrder, type ExplainRow, type Recipe, type Role } from './Recipe.js';
import { howWords, recompute } from './recompute.js';
import { supportRecipes } from './supportRecipes.js';
import { workforceRecipes } from './workforceRecipes.js';

export interface ExplainRequest {
  measure: string;
  period: string;
  /** A partner code; absent: the region. */
  partner?: string;
  /** A figure (`within_target`), a breakdown cell (`by_source.complaint`) or a trend point (`count@2026-05`); absent: the headline. */
  figure?: string;
}

export interface ExplainedRow extends ExplainRow {
  /** The file (a workbook's `Book.xlsx › Sheet`) and sha256 of the submission the record came from. */
  file: string | null;
  sha256: string | null;
}

export interface Explanation {
  audience: 'internal';
  period: string;
  measure: { id: string; title: string; standard: string; definition: string; numerator?: string; denominator?: string; window: string; exclusions?: string };
  figure: string;
  figureTitle: string;
  /** A partner code, or `region`. */
  entity: string;
  /** The partners whose records are listed. */
  partners: string[];
  /** Region only: partners left out because they sent nothing the measure needs. */
  notSubmitted: string[];
  /** The figure as the internal report shows it. */
  reported: Figure;
  /** The figure worked out again from the rows listed. */
  recomputed: Figure;
  /** How the rows give the figure back, in words. */
  how: string;
  /** The rows give back the reported value, numerator, denominator and records left out. */
  agrees: boolean;
  counts: Partial<Record<Role, number>>;
  rows: ExplainedRow[];
}

/** Every measure's figure recipes; the regional themes are those the computed measures decided (never decided twice). */
function recipesFor(ctx: MeasureContext, measures: readonly MeasureResult[]): Record<string, Record<string, Recipe>> {
  const themes = Object.keys(measures.find((m) => m.id === 'concerns.regional_themes')?.region.breakdowns?.['by_category'] ?? {});
  return { ...supportRecipes(ctx), ...childrenRecipes(ctx), ...adopterRecipes(ctx), ...concernRecipes(ctx, themes), ...dqRecipes(ctx), ...workforceRecipes(ctx) };
}

/** The series of `entity` named `series` (the headline series is `trend`; several series are also under `trends`). */
function seriesOf(m: MeasureResult, entity: EntityFigures, series: string) {
  return entity.trends?.[series] ?? (series === m.headline || Object.keys(entity.trends ?? {}).length === 0 ? entity.trend : undefined);
}

/** Every figure name `explain` takes for `m` and `entity`: figures, breakdown cells and trend points. */
export function figureNames(m: MeasureResult, entity: EntityFigures): string[] {
  const names = Object.keys(entity.figures);
  for (const [b, cells] of Object.entries(entity.breakdowns ?? {})) names.push(...Object.keys(cells).map((c) => `${b}.${c}`));
  const series = entity.trends ? Object.keys(entity.trends) : entity.trend ? [m.headline] : [];
  for (const s of series) names.push(...(seriesOf(m, entity, s) ?? []).map((p) => `${s}@${p.month}`));
  return names;
}

/** The reported figure and its recipe; a usage error names what the measure offers. */
function lookUp(ctx: MeasureContext, recipes: Record<string, Record<string, Recipe>>, m: MeasureResult, entity: EntityFigures, name: string): { reported: Figure; recipe: Recipe; title: string } {
  const def = findMeasure(m.id);
  const t = targetNumbers(m.id, ctx.pipeline.targets);
  const offer = () => {
    const names = figureNames(m, entity);
    const trendNames = names.filter((n) => n.includes('@'));
    return [...names.filter((n) => !n.includes('@')), ...(trendNames.length ? [`${trendNames[0]} … ${trendNames.at(-1)}`] : [])].join(', ');
  };
  const unknown = () => new UsageError(`--figure: ${m.id} has no figure "${name}"; it has: ${offer()}`);
  const at = name.indexOf('@');
  if (at > 0) {
    const [series, month] = [name.slice(0, at), name.slice(at + 1)];
    const reported = seriesOf(m, entity, series)?.find((p) => p.month === month)?.figure;
    const recipe = pointRecipe(ctx, m.id, series, month);
    if (!reported || !recipe) throw unknown();
    return { reported, recipe, title: `${fillTarget(def?.figures[series]?.title ?? series, t)}, ${month}` };
  }
  const direct = entity.figures[name];
  if (direct) {
    const recipe = recipes[m.id]?.[name];
    if (!recipe) throw new Error(`raa explain has no recipe for ${m.id} ${name} (src/explain/)`);
    return { reported: direct, recipe, title: fillTarget(def?.figures[name]?.title ?? name, t) };
  }
  const dot = name.indexOf('.');
  if (dot > 0) {
    const [b, c] = [name.slice(0, dot), name.slice(dot + 1)];
    const reported = entity.breakdowns?.[b]?.[c];
    if (reported) {
      const recipe = cellRecipe(ctx, m.id, b, c);
      if (!recipe) throw new Error(`raa explain has no recipe for ${m.id} ${b} (src/explain/)`);
      return { reported, recipe, title: `${def?.breakdowns?.[b]?.title ?? b}: ${c}` };
    }
  }
  throw unknown();
}

/** The reported and recomputed figures agree on everything the records decide. */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (a.status === 'not_submitted') return true;
  return a.status === b.status && a.value === b.value && (a.note ?? null) === (b.note ?? null)
    && (a.numerator === null || a.numerator === b.numerator) && (a.denominator === null || a.denominator === b.denominator)
    && (a.excluded === undefined || a.excluded === b.excluded);
}

/** An explainer for month M: the measures are computed once, then each figure is explained from its records. */
export async function explainer(db: Database, pipeline: Pipeline, period: string): Promise<(req: Omit<ExplainRequest, 'period'>) => Promise<Explanation>> {
  const computed = await computeMeasures(db, pipeline, period);
  const ctx = await measureContext(db, pipeline, period);
  const recipes = recipesFor(ctx, computed.measures);
  const codes = pipeline.partners.map((p) => p.code);
  const files = new Map<number, SubmissionFile>();
  return async (req) => {
    const def = findMeasure(req.measure);
    if (!def) throw new UsageError(`no measure "${req.measure}"; the measures are listed in docs/measures.md (e.g. support.days_to_allocation)`);
    const m = computed.measures.find((x) => x.id === req.measure);
    if (!m) throw new UsageError(`${req.measure} does not appear for ${period}: ${def.condition ?? 'no partner sent what it needs'}`);
    if (req.partner !== undefined && !codes.includes(req.partner)) throw new UsageError(`--partner: no partner "${req.partner}"; partners: ${codes.join(', ')}`);
    const entity = req.partner === undefined ? m.region : m.partners[req.partner];
    if (!entity) throw new Error(`measure ${m.id} has no figures for ${req.partner ?? 'the region'}`);
    const figure = req.figure ?? m.headline;
    const { reported, recipe, title } = lookUp(ctx, recipes, m, entity, figure);
    const notSubmitted = req.partner === undefined ? (m.region.notSubmitted ?? []) : [];
    const partners = req.partner !== undefined ? [req.partner] : [...(recipe.regionPartners ?? ctx.partners)];
    const rows = reported.status === 'not_submitted' ? [] : await recipe.rows(partners);
    const wanted = [...new Set(rows.flatMap((r) => (r.submissionId === null || files.has(r.submissionId) ? [] : [r.submissionId])))];
    for (const f of await submissionFiles(db, wanted)) files.set(f.id, f);
    const explained: ExplainedRow[] = rows.map((r) => {
      const f = r.submissionId === null ? undefined : files.get(r.submissionId);
      return { ...r, file: f ? (f.sheet ? `${f.fileName} › ${f.sheet}` : f.fileName) : null, sha256: f?.sha256 ?? null };
    });
    explained.sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
    const recomputed = recompute(recipe.recompute, rows, partners);
    const counts: Partial<Record<Role, number>> = {};
    for (const r of rows) counts[r.role] = (counts[r.role] ?? 0) + 1;
    const t = targetNumbers(def.id, pipeline.targets);
    const fill = (s: string | undefined) => (s === undefined ? undefined : fillTarget(s, t));
    return {
      audience: 'internal',
      period,
      measure: {
        id: def.id, title: def.title, standard: def.standard, definition: fill(def.definition) ?? '', window: fill(def.window) ?? '',
        ...(def.numerator ? { numerator: fill(def.numerator) } : {}), ...(def.denominator ? { denominator: fill(def.denominator) } : {}), ...(def.exclusions ? { exclusions: fill(def.exclusions) } : {}),
      },
      figure, figureTitle: title, entity: req.partner ?? 'region', partners: reported.status === 'not_submitted' ? [] : partners, notSubmitted,
      reported, recomputed, how: howWords(recipe.recompute), agrees: sameFigure(reported, recomputed), counts, rows: explained,
    };
  };
}
