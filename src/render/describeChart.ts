// A chart's text summary (its SVG <desc>): the range and extremes of what it draws, so a screen reader hears the point of it.
import type { ChartData } from './resolveData.js';

type Row = ChartData['rows'][number];

/** One or two sentences; names the gaps (suppressed, drawn as a labelled gap; not submitted; no cases) rather than hiding them. */
export function describeChart(title: string, data: ChartData): string {
  const rows = data.rows;
  if (rows.length === 0) return `${title}: no data for this period.`;
  const drawn = rows.filter((r) => typeof r['value'] === 'number');
  const label = (r: Row) => String(r['month_label'] ?? r['partner'] ?? r['category'] ?? '');
  const suppressed = rows.filter((r) => typeof r['gap'] === 'string');
  const others = rows.length - drawn.length - suppressed.length;
  const said = [
    suppressed.length > 0 ? `${suppressed.length} of ${rows.length} points are suppressed, drawn as ${String(suppressed[0]?.['gap'])} at zero` : '',
    others > 0 ? `${others} of ${rows.length} points have no number to draw (not submitted or no cases)` : '',
  ].filter((x) => x !== '');
  const gapText = said.length > 0 ? ` ${said.join('; ')}; the table below gives each.` : '';
  if (drawn.length === 0) return `${title}: nothing to draw.${gapText}`;
  const byValue = [...drawn].sort((a, b) => Number(b['value']) - Number(a['value']));
  const top = byValue[0] as Row;
  const bottom = byValue[byValue.length - 1] as Row;
  if ('series' in (rows[0] ?? {})) {
    const series = [...new Set(rows.map((r) => String(r['series'])))];
    return `${title}: monthly series ${series.join(', ')}, from ${label(rows[0] as Row)} to ${label(rows[rows.length - 1] as Row)}. Highest: ${String(top['series'])} ${String(top['display'])} in ${label(top)}.${gapText}`;
  }
  if ('month' in (rows[0] ?? {})) {
    const first = drawn[0] as Row;
    const last = drawn[drawn.length - 1] as Row;
    return `${title}: ${String(first['display'])} in ${label(first)} and ${String(last['display'])} in ${label(last)}; highest ${String(top['display'])} in ${label(top)}, lowest ${String(bottom['display'])} in ${label(bottom)}.${gapText}`;
  }
  return `${title}: highest ${label(top)} (${String(top['display'])}), lowest ${label(bottom)} (${String(bottom['display'])}).${gapText}`;
}
