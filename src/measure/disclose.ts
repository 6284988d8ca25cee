// Disclosure control for the published audience (metrics.md): counts 1–5 and figures over 1–5 records hidden, then secondary suppression so none can be recovered from a total.
import type { Suppression } from '../pipeline/PipelineConfig.js';
import { linesOf, seriesOf, type Line } from './disclosureTables.js';
import { linkedCells } from './disclosureLinks.js';
import type { Figure, MeasureResult } from './types.js';

/** Measures about files and rows, not people: shown as computed. */
const exemptMeasures = (id: string) => id.startsWith('dq.');
/** Figures that count categories, not people. */
const exemptFigures: Record<string, readonly string[]> = { 'concerns.regional_themes': ['themes'] };
/** Figures derived from others: hidden when any of these is hidden. */
const dependsOn: Record<string, Record<string, readonly string[]>> = {
  'support.capacity': { months_to_clear: ['awaiting', 'arrivals', 'rate'], extra_fte: ['awaiting', 'arrivals', 'rate'] },
};

function hide(f: Figure): void {
  f.value = null;
  f.numerator = null;
  f.denominator = null;
  f.rag = null;
  f.suppressed = true;
  delete f.excluded;
  delete f.note;
}

/** The published form of `measures` (a copy): every suppressed cell marked, and no hidden value anywhere in it. */
export function disclose(measures: readonly MeasureResult[], s: Pick<Suppression, 'minCount' | 'maxCount'>): MeasureResult[] {
  const out = structuredClone(measures) as MeasureResult[];
  const small = (n: number | null) => n !== null && n >= s.minCount && n <= s.maxCount;
  /** How big a cell is, for choosing the next smallest: the count, or the number of records behind a statistic. */
  const size = new Map<Figure, number>();
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
    const cells: Figure[] = [];
    for (const e of entities) {
      for (const [k, f] of Object.entries(e.figures)) if (!exempt.has(k)) cells.push(f);
      for (const b of Object.values(e.breakdowns ?? {})) cells.push(...Object.values(b));
      for (const pts of Object.values(seriesOf(m, e))) cells.push(...pts);
      for (const [k, on] of Object.entries(dependsOn[m.id] ?? {})) {
        const f = e.figures[k];
        if (f) dependents.push({ figure: f, on: on.map((d) => e.figures[d]).filter((x): x is Figure => x !== undefined) });
      }
    }
    for (const f of cells) {
      if (f.status !== 'ok') continue;
      const n = f.unit === 'count' ? f.value : (f.denominator ?? f.numerator);
      if (n !== null) size.set(f, n);
      if ((f.unit === 'count' && small(f.value)) || small(f.denominator) || small(f.numerator)) hide(f);
    }
    // Records left out for a missing date are counts too: when one entity's is 1–5, drop that figure's for every entity
    // (the region's minus the others' would give it back).
    for (const key of Object.keys(m.region.figures)) {
      if (entities.some((e) => small(e.figures[key]?.excluded ?? null))) for (const e of entities) delete e.figures[key]?.excluded;
    }
    lines.push(...linesOf(m).filter((l) => size.has(l.total) || l.total.suppressed));
  }
  // Until nothing changes: a line with exactly one hidden part hides its next smallest part (or its total); linked cells
  // are hidden together; a derived figure is hidden with what it derives from.
  const links = linkedCells(published);
  for (let changed = true; changed; ) {
    changed = false;
    for (const l of lines) {
      if (l.total.suppressed) continue;
      const parts = l.components.filter((f) => size.has(f) || f.suppressed);
      if (parts.filter((f) => f.suppressed).length !== 1) continue;
      const next = parts.filter((f) => !f.suppressed && (size.get(f) ?? 0) > 0).sort((a, b) => (size.get(a) ?? 0) - (size.get(b) ?? 0))[0];
      hide(next ?? l.total);
      changed = true;
    }
    for (const [a, b] of links) {
      if (a.suppressed !== b.suppressed) {
        hide(a.suppressed ? b : a);
        changed = true;
      }
    }
    for (const d of dependents) {
      if (!d.figure.suppressed && d.on.some((f) => f.suppressed)) {
        hide(d.figure);
        changed = true;
      }
    }
  }
  return out;
}
