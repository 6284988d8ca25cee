// The "tables" of a set of measures for secondary suppression: each line is component cells that add up to a total cell.
import type { EntityFigures, Figure, MeasureResult } from './types.js';

export interface Line {
  components: Figure[];
  total: Figure;
}

/** Every entity's series by name: `trends`, or the single `trend` under the headline's name. */
export function seriesOf(m: MeasureResult, e: EntityFigures): Record<string, Figure[]> {
  if (e.trends) return Object.fromEntries(Object.entries(e.trends).map(([k, pts]) => [k, pts.map((p) => p.figure)]));
  return e.trend ? { [m.headline]: e.trend.map((p) => p.figure) } : {};
}

/**
 * Lines of one measure: for every figure, breakdown cell and trend point, the partners' cells with the region's as
 * total; for every entity, a breakdown's categories with its total figure, and a trend's points with its W12 total.
 */
export function linesOf(m: MeasureResult): Line[] {
  const partners = Object.values(m.partners).filter((p) => !Object.values(p.figures).some((f) => f.status === 'not_submitted'));
  const lines: Line[] = [];
  const across = (pick: (e: EntityFigures) => Figure | undefined) => {
    const total = pick(m.region);
    const components = partners.map(pick).filter((f): f is Figure => f !== undefined);
    // No partner cells (none submitted, or a region-only measure): no sum to state.
    if (total && components.length > 0) lines.push({ total, components });
  };
  for (const key of Object.keys(m.region.figures)) across((e) => e.figures[key]);
  for (const [name, cells] of Object.entries(m.region.breakdowns ?? {})) {
    for (const cat of Object.keys(cells)) across((e) => e.breakdowns?.[name]?.[cat]);
  }
  for (const [name, points] of Object.entries(seriesOf(m, m.region))) {
    points.forEach((_, i) => across((e) => seriesOf(m, e)[name]?.[i]));
  }
  for (const e of [m.region, ...partners]) {
    for (const [name, totalKey] of Object.entries(m.breakdownTotals ?? {})) {
      // A breakdown whose categories add up to no figure (null) makes no line.
      if (!totalKey) continue;
      const total = e.figures[totalKey];
      const cells = e.breakdowns?.[name];
      if (total && cells) lines.push({ total, components: Object.values(cells) });
    }
    const series = seriesOf(m, e);
    for (const [name, totalKey] of Object.entries(m.trendTotals ?? {})) {
      if (!totalKey) continue;
      const total = e.figures[totalKey];
      const points = series[name];
      if (total && points) lines.push({ total, components: points });
    }
  }
  return lines;
}
