// The measure catalogue: every measure of the reports, once, as data (MeasureDefinition). The SQL implements it
// (buildMeasure refuses a figure, breakdown or trend it does not declare), the pipeline's target defaults and the
// report definitions' checks read it, and docs/measures.md and each report's definitions section are written from it.
import { adoptersCatalogue } from './adoptersCatalogue.js';
import { childrenCatalogue } from './childrenCatalogue.js';
import { concernsCatalogue } from './concernsCatalogue.js';
import { dqCatalogue } from './dqCatalogue.js';
import type { MeasureDefinition, TargetDefault } from './MeasureDefinition.js';
import { supportCatalogue } from './supportCatalogue.js';
import { workforceCatalogue } from './workforceCatalogue.js';

export type { BreakdownDefinition, FigureDefinition, MeasureDefinition, TargetDefault, TrendDefinition, WindowKind } from './MeasureDefinition.js';

/** In report order: NMS 26.4 (support, adopters, children, data quality, workforce), then NMS 25.7 (concerns). */
export const catalogue: readonly MeasureDefinition[] = [...supportCatalogue, ...adoptersCatalogue, ...childrenCatalogue, ...dqCatalogue, ...workforceCatalogue, ...concernsCatalogue];

const byId = new Map(catalogue.map((m) => [m.id, m]));

/** The definition of a measure id, or undefined. */
export function findMeasure(id: string): MeasureDefinition | undefined {
  return byId.get(id);
}

/** The definition of a measure id the code itself names: absent is a bug, not a user's mistake. */
export function measureDefinition(id: string): MeasureDefinition {
  const m = byId.get(id);
  if (!m) throw new Error(`measure ${id} is not in the catalogue (src/catalogue/)`);
  return m;
}

/** The numbers of a measure's target as the pipeline file writes them under `targets.<group>.<name>`. */
export interface TargetNumbers {
  days?: number;
  green?: number;
  amber?: number;
  horizonMonths?: number;
}

/** A target's default numbers, keyed as the pipeline file writes them. */
export function defaultNumbers(t: TargetDefault): TargetNumbers {
  switch (t.kind) {
    case 'share':
      return { ...(t.days !== undefined ? { days: t.days } : {}), green: t.green, amber: t.amber };
    case 'lower_share':
      return { green: t.green, amber: t.amber };
    case 'ceiling':
      return { days: t.days };
    case 'horizon':
      return { horizonMonths: t.months };
  }
}

/** The default target of measure `id` (which must have one of `kind`, and `days` when asked), for the pipeline file's schema. */
export function targetDefault<K extends TargetDefault['kind']>(id: string, kind: K): Extract<TargetDefault, { kind: K }>;
export function targetDefault(id: string, kind: 'share', days: 'days'): Extract<TargetDefault, { kind: 'share' }> & { days: number };
export function targetDefault(id: string, kind: TargetDefault['kind'], days?: 'days'): TargetDefault {
  const t = measureDefinition(id).target;
  if (t?.kind !== kind || (days && !('days' in t && t.days !== undefined))) throw new Error(`measure ${id} has no ${kind} target${days ? ' with days' : ''} in the catalogue`);
  return t;
}

/**
 * The target numbers in force for measure `id`: the pipeline's `targets.<group>.<name>` over the catalogue default
 * (a measure with `targetFrom` uses that measure's). Undefined when the measure has no target.
 */
export function targetNumbers(id: string, targets?: unknown): TargetNumbers | undefined {
  const m = measureDefinition(id);
  if (m.targetFrom) return targetNumbers(m.targetFrom, targets);
  if (!m.target) return undefined;
  const [group = '', name = ''] = id.split('.');
  const configured = (targets as Record<string, Record<string, TargetNumbers | undefined> | undefined> | undefined)?.[group]?.[name];
  return { ...defaultNumbers(m.target), ...(configured ?? {}) };
}

/** `{days}` and `{months}` in a catalogue text, filled from the target in force. */
export function fillTarget(text: string, t: TargetNumbers | undefined): string {
  return text.replaceAll('{days}', String(t?.days ?? '{days}')).replaceAll('{months}', String(t?.horizonMonths ?? '{months}'));
}
