// Disclosure control for the published audience (reports/README.md): counts 1–5 and figures over 1–5 records hidden (primary),
// then further cells hidden (secondary) until no hidden cell can be pinned from the totals and the cells shown.
import type { Suppression } from '../config/PipelineConfig.js';
import { disclosureModel, pinnedUnknowns, sizeOf, type Component, type Unknown } from './disclosureModel.js';
import { linesOf, seriesOf, type Line } from './disclosureTables.js';
import { linkedCells } from './disclosureLinks.js';
import type { EntityFigures, Figure, MeasureResult, SuppressionKind } from './types.js';

type Rule = Pick<Suppression, 'minCount' | 'maxCount'>;

/** Measures about files and rows, not people: shown as computed. */
const exemptMeasures = (id: string) => id.startsWith('dq.');
/** Figures that count categories, not people. */
const exemptFigures: Record<string, readonly string[]> = { 'concerns.regional_themes': ['themes'] };
/** Figures derived from others: hidden when any of these is hidden. */
const dependsOn: Record<string, Record<string, readonly string[]>> = {
  'support.capacity': { months_to_clear: ['awaiting', 'arrivals', 'rate'], extra_fte: ['awaiting', 'arrivals', 'rate'] },
};
/** Candidates tried, smallest first, for one pinned cell before settling for the smallest. */
const TRIES = 8;

/** The published form of `measures` (a copy): every suppressed cell marked, and no hidden value anywhere in it. */
export function disclose(measures: readonly MeasureResult[], s: Rule): MeasureResult[] {
  const out = structuredClone(markSuppression(measures, s));
  for (const m of out) {
    const entities = [m.region, ...Object.values(m.partners)];
    for (const f of entities.flatMap(figuresOf)) {
      if (f.suppression) hide(f);
      delete f.suppression;
    }
    if (exemptMeasures(m.id)) continue;
    // Records left out for a missing date are counts too: when one entity's is 1–5, drop that figure's for every entity
    // (the region's minus the others' would give it back).
    const small = (n: number | undefined) => n !== undefined && n >= s.minCount && n <= s.maxCount;
    for (const key of Object.keys(m.region.figures)) {
      if (entities.some((e) => small(e.figures[key]?.excluded))) for (const e of entities) delete e.figures[key]?.excluded;
    }
  }
  return out;
}

/**
 * The internal form of `measures` (a copy): every figure the published form hides carries `suppression`, `primary` (a
 * count of 1–5, or a figure over 1–5 records) or `secondary` (hidden so that no primary one can be worked out).
 */
export function markSuppression(measures: readonly MeasureResult[], s: Rule): MeasureResult[] {
  // Both audiences of every report of a month ask for the same decisions: make them once per set of measures and rule.
  const byRule = decided.get(measures) ?? new Map<string, MeasureResult[]>();
  decided.set(measures, byRule);
  const key = `${s.minCount}-${s.maxCount}`;
  const known = byRule.get(key) ?? decide(measures, s);
  byRule.set(key, known);
  return structuredClone(known);
}

const decided = new WeakMap<readonly MeasureResult[], Map<string, MeasureResult[]>>();

function decide(measures: readonly MeasureResult[], s: Rule): MeasureResult[] {
  const out = structuredClone(measures) as MeasureResult[];
  const small = (n: number | null) => n !== null && n >= s.minCount && n <= s.maxCount;
  const kinds = new Map<Figure, SuppressionKind>();
  const hidden = (f: Figure) => kinds.has(f);
  const lines: Line[] = [];
  const dependents: { figure: Figure; on: Figure[] }[] = [];
  const published = out.filter((m) => !exemptMeasures(m.id));
  for (const m of published) {
    const exempt = new Set(exemptFigures[m.id] ?? []);
    const entities = [m.region, ...Object.values(m.partners)];
    // Figures in the trend and in trends[headline] are one series: share the objects so a decision applies to both.
    for (const e of entities) {
      const shared = e.trends?.[m.headline];
      if (shared) e.trend = shared;
    }
    for (const e of entities) {
      for (const [k, f] of Object.entries(e.figures)) if (!exempt.has(k)) primary(f);
      for (const b of Object.values(e.breakdowns ?? {})) for (const f of Object.values(b)) primary(f);
      for (const pts of Object.values(seriesOf(m, e))) for (const f of pts) primary(f);
      for (const [k, on] of Object.entries(dependsOn[m.id] ?? {})) {
        const f = e.figures[k];
        if (f) dependents.push({ figure: f, on: on.map((d) => e.figures[d]).filter((x): x is Figure => x !== undefined) });
      }
    }
    lines.push(...linesOf(m).filter((l) => sizeOf(l.total) !== undefined));
  }
  function primary(f: Figure): void {
    if (f.status !== 'ok') return;
    if ((f.unit === 'count' && small(f.value)) || small(f.denominator) || small(f.numerator)) kinds.set(f, 'primary');
  }
  const links = linkedCells(published);
  const linesWith = new Map<Figure, Line[]>();
  for (const l of lines) for (const f of [l.total, ...l.components]) linesWith.set(f, [...(linesWith.get(f) ?? []), l]);
  const partnersOf = new Map<Figure, Figure[]>();
  for (const [a, b] of links) {
    partnersOf.set(a, [...(partnersOf.get(a) ?? []), b]);
    partnersOf.set(b, [...(partnersOf.get(b) ?? []), a]);
  }
  const size = (f: Figure) => (f.status === 'ok' ? sizeOf(f) : undefined);

  /** Hide `f` and what shows the same number (linked cells), as secondary. */
  const hideWithLinks = (f: Figure, into: Map<Figure, SuppressionKind>) => {
    const todo = [f];
    for (let g = todo.pop(); g; g = todo.pop()) {
      if (into.has(g)) continue;
      into.set(g, 'secondary');
      todo.push(...(partnersOf.get(g) ?? []));
    }
  };

  /** The quick rules, until nothing changes: a line with exactly one hidden part hides its next smallest non-zero part (or its total); linked cells are hidden together; a derived figure is hidden with what it derives from. */
  const quickRules = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const l of lines) {
        if (hidden(l.total)) continue;
        const parts = l.components.filter((f) => size(f) !== undefined || hidden(f));
        if (parts.filter(hidden).length !== 1) continue;
        const next = parts.filter((f) => !hidden(f) && (size(f) ?? 0) > 0).sort((a, b) => (size(a) ?? 0) - (size(b) ?? 0))[0];
        kinds.set(next ?? l.total, 'secondary');
        changed = true;
      }
      for (const [a, b] of links) {
        if (hidden(a) !== hidden(b)) {
          kinds.set(hidden(a) ? b : a, 'secondary');
          changed = true;
        }
      }
      for (const d of dependents) {
        if (!hidden(d.figure) && d.on.some(hidden)) {
          kinds.set(d.figure, 'secondary');
          changed = true;
        }
      }
    }
  };

  const model = (k: ReadonlyMap<Figure, SuppressionKind>) => disclosureModel(lines, links, (f) => k.get(f), s);
  const ids = new Map<Figure, number>();
  const idOf = (f: Figure) => ids.get(f) ?? (ids.set(f, ids.size), ids.size - 1);
  const signature = (c: Component) => c.unknowns.map((u) => `${idOf(u.figure)}${u.quantity[0]}`).sort().join(',');
  /** Components already found to pin nothing (a component's model depends only on which of its cells are hidden). */
  const clear = new Set<string>();
  /** Figures no further hiding can protect (every cell of their lines is hidden): not tried again. */
  const beyond = new Set<Figure>();
  const firstPinned = (): Unknown | undefined => {
    for (const c of model(kinds)) {
      const sig = signature(c);
      if (clear.has(sig)) continue;
      const pinned = pinnedUnknowns(c).find((u) => !beyond.has(u.figure));
      if (pinned) return pinned;
      if (!c.unknowns.some((u) => beyond.has(u.figure))) clear.add(sig);
    }
    return undefined;
  };
  const stillPinned = (u: Unknown, k: ReadonlyMap<Figure, SuppressionKind>) => {
    const c = model(k).find((x) => x.unknowns.some((v) => v.figure === u.figure));
    return !c || c.unknowns.some((v, i) => v.figure === u.figure && c.model.hasOtherValue(i, v.value, c.truth) !== true);
  };

  for (;;) {
    quickRules();
    const pinned = firstPinned();
    if (!pinned) break;
    // Candidates from the pinned cell's lines: its shown parts, smallest non-zero first, then zeros (a hidden zero can
    // protect a small cell beside it), then the lines' totals.
    const f = pinned.figure;
    const ls = linesWith.get(f) ?? [];
    const shown = (g: Figure) => !hidden(g) && size(g) !== undefined;
    const parts = [...new Set(ls.flatMap((l) => l.components))].filter(shown);
    const candidates = [
      ...parts.filter((g) => (size(g) ?? 0) > 0).sort((a, b) => (size(a) ?? 0) - (size(b) ?? 0)),
      ...parts.filter((g) => size(g) === 0),
      ...[...new Set(ls.map((l) => l.total))].filter(shown).sort((a, b) => (size(a) ?? 0) - (size(b) ?? 0)),
    ];
    const first = candidates[0];
    if (!first) {
      beyond.add(f);
      continue;
    }
    const chosen =
      candidates.slice(0, TRIES).find((g) => {
        const trial = new Map(kinds);
        hideWithLinks(g, trial);
        return !stillPinned(pinned, trial);
      }) ?? first;
    hideWithLinks(chosen, kinds);
  }
  for (const [f, k] of kinds) f.suppression = k;
  return out;
}

/** Every figure of an entity: named figures, breakdown cells, trend points (a shared point once per place it appears). */
function figuresOf(e: EntityFigures): Figure[] {
  return [
    ...Object.values(e.figures),
    ...Object.values(e.breakdowns ?? {}).flatMap((b) => Object.values(b)),
    ...(e.trend ?? []).map((p) => p.figure),
    ...Object.values(e.trends ?? {}).flatMap((pts) => pts.map((p) => p.figure)),
  ];
}

function hide(f: Figure): void {
  f.value = null;
  f.numerator = null;
  f.denominator = null;
  f.rag = null;
  f.suppressed = true;
  delete f.excluded;
  delete f.note;
}
