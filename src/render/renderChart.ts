// A Vega-Lite spec and its rows → inline SVG compiled in Node (no browser, no canvas), with role="img", <title> and <desc>.
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { escapeHtml } from './escapeHtml.js';

/** The look every chart shares: the report's font and muted palette; inner ARIA off (the SVG is one image, its table follows). */
const baseConfig = {
  aria: false,
  font: 'Helvetica, Arial, sans-serif',
  background: '#ffffff',
  view: { stroke: null },
  axis: { labelColor: '#3d4450', titleColor: '#3d4450', domainColor: '#9aa3ad', tickColor: '#9aa3ad', gridColor: '#e6e9ed', labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal' },
  legend: { labelColor: '#3d4450', titleColor: '#3d4450', labelFontSize: 11, titleFontSize: 11, orient: 'bottom' },
  title: { color: '#1f2933', fontSize: 13, fontWeight: 'bold', anchor: 'start' },
  range: { category: ['#2f5d8a', '#8aa8c4', '#c27c2c', '#5b8c5a', '#7a6a9b', '#a64d4d'] },
  // A point with no number (suppressed, not submitted, no cases) keeps its place on the axis and breaks a line there,
  // rather than vanishing from the axis or being bridged.
  mark: { color: '#2f5d8a', invalid: 'break-paths-show-domains' },
  line: { strokeWidth: 2, point: true },
  bar: { color: '#2f5d8a' },
} as const;

let counter = 0;

/** Charts rendered in this process, those reused, and the time spent compiling and rendering them (for `npm run bench`). */
export const chartStats = { count: 0, reused: 0, ms: 0 };

/**
 * SVGs already rendered in this process, by spec and data: the audiences of a report often show the same figures
 * (nothing suppressed differs), and rendering is the costliest step of a report. Bounded, as a long-lived process
 * (the tests) renders many.
 */
const rendered = new Map<string, Promise<string>>();
const keep = 64;

/** Render `spec` with `rows` as its named data; `id` makes the title/desc ids unique in the page. */
export async function renderChart(spec: Record<string, unknown>, dataName: string, rows: Record<string, unknown>[], title: string, desc: string): Promise<string> {
  const gaps = rows.some((r) => typeof r['gap'] === 'string');
  const withData = {
    ...withGaps(spec, rows),
    title: undefined,
    datasets: { [dataName]: gaps ? rows.map((r) => ({ ...r, gap_at: typeof r['gap'] === 'string' ? 0 : null })) : rows },
    config: { ...baseConfig, ...((spec['config'] as object | undefined) ?? {}) },
  } as unknown as TopLevelSpec;
  const key = JSON.stringify(withData);
  let svg = rendered.get(key);
  if (svg) chartStats.reused++;
  else {
    svg = toSvg(withData);
    rendered.set(key, svg);
    svg.catch(() => rendered.delete(key));
    if (rendered.size > keep) rendered.delete(rendered.keys().next().value as string);
  }
  return annotate(await svg, title, desc);
}

/**
 * The spec with one more layer: each suppressed value's label (`gap`, e.g. `c`) drawn at zero on the value axis, so a
 * suppressed value is a labelled gap, never an absent bar or point that reads as zero or as nothing. A spec that does
 * not put `value` on x or y is left as it is (the table under it still shows the `c`).
 */
export function withGaps(spec: Record<string, unknown>, rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  if (!rows.some((r) => typeof r['gap'] === 'string')) return spec;
  const encoding = (spec['encoding'] ?? {}) as Record<string, { field?: unknown } | undefined>;
  const channel = encoding['y']?.field === 'value' ? 'y' : encoding['x']?.field === 'value' ? 'x' : null;
  if (!channel) return spec;
  const place = channel === 'x' ? { align: 'left', baseline: 'middle', dx: 4 } : { align: 'center', baseline: 'bottom', dy: -3 };
  const gapLayer = {
    mark: { type: 'text', fontWeight: 'bold', fontSize: 11, color: '#1f2933', ...place },
    // `gap_at` (0 on a gap's row, null elsewhere): a field of the same rows rather than a filtered copy of them, which
    // would make the category axis a union of two sources and lose its sort.
    encoding: { [channel]: { field: 'gap_at', type: 'quantitative' }, text: { field: 'gap' }, color: { value: '#1f2933' } },
  };
  // Only the positions are shared with the gap layer; other channels (a line's colour and dash by series) stay with the
  // spec's own layers, as a text mark has no use for them.
  const { mark, layer, ...rest } = spec;
  delete rest['encoding'];
  const shared = Object.fromEntries(Object.entries(encoding).filter(([k]) => k === 'x' || k === 'y'));
  const own = Object.fromEntries(Object.entries(encoding).filter(([k]) => k !== 'x' && k !== 'y'));
  const layers = (Array.isArray(layer) ? (layer as Record<string, unknown>[]) : [{ mark }]).map((l) => ({ ...l, encoding: { ...own, ...((l['encoding'] as object | undefined) ?? {}) } }));
  return { ...rest, encoding: shared, layer: [...layers, gapLayer] };
}

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const started = performance.now();
  const vg = compile(spec).spec;
  const view = new View(parse(vg), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
    chartStats.count++;
    chartStats.ms += performance.now() - started;
  }
}

/** Replace Vega's own root ARIA attributes with role="img" named by <title> and described by <desc>. */
function annotate(svg: string, title: string, desc: string): string {
  const id = `chart-${++counter}`;
  const open = /^<svg\b[^>]*>/.exec(svg)?.[0];
  if (!open) throw new Error('Vega returned no <svg> element');
  const attrs = open
    .replace(/\sxmlns:xlink="[^"]*"/, '')
    .replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '')
    .replace(/>$/, ` role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" focusable="false">`);
  const body = svg.slice(open.length).replace(/\s(role="graphics-[a-z-]+"|aria-roledescription="[^"]*")/g, '');
  return `${attrs}<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>${body}`;
}
