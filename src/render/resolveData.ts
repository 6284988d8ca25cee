// A data name (reports/README.md) → the rows a chart draws and the table printed under it; unknown names are errors that say what exists.
import { UsageError } from '../errors/RaaError.js';
import type { Figure, MeasureResult, ReportData } from '../measure/types.js';
import { formatCell, formatMonth, humanise, type Suppressed } from './formatFigure.js';
import { measureTables, trendTable, trendsTable } from './measureTables.js';
import type { Table } from './Table.js';

/** A chart's data: rows for Vega-Lite (`value` null where there is no number to draw) and the same as a table. */
export interface ChartData {
  rows: Record<string, string | number | null>[];
  table: Table;
}

/** The measure a data name starts with (`support.received.trend` → `support.received`), and the rest. */
export function splitDataName(name: string): { measureId: string; rest: string[] } {
  const [group = '', id = '', ...rest] = name.split('.');
  return { measureId: `${group}.${id}`, rest };
}

/** A chart or table names data the report does not have: a mistake in the report definition (exit 2). */
export class DataNameError extends UsageError {}

const numberOf = (f: Figure | undefined): number | null => (f && !f.suppressed && f.status === 'ok' ? f.value : null);
/** The label a chart draws where a suppressed value would be (a labelled gap, never an absent bar that reads as zero). */
const gapOf = (f: Figure | undefined, s: Suppressed): string | null => (f?.suppressed ? s.symbol : null);

/** Rows and table for a chart's data name. */
export function resolveChartData(data: ReportData, name: string, s: Suppressed): ChartData {
  const { measureId, rest } = splitDataName(name);
  const m = data.measures.find((x) => x.id === measureId);
  if (!m) throw new DataNameError(`data "${name}": no measure ${measureId} in this report`);
  const [kind = '', sub] = rest;
  const point = (month: string, f: Figure | undefined) => ({ month, date: `${month}-01`, month_label: formatMonth(month), value: numberOf(f), gap: gapOf(f, s), display: formatCell(f, s, true) });
  if (kind === 'trend') {
    const rows = (m.region.trend ?? []).map((p) => point(p.month, p.figure));
    return { rows, table: simpleTable(name, `${m.title}: ${data.region}, by month`, ['Month', humanise(m.headline)], rows.map((r) => [r.month_label, r.display])) };
  }
  if (kind === 'trends') {
    const rows = Object.entries(m.region.trends ?? {}).flatMap(([series, pts]) => pts.map((p) => ({ ...point(p.month, p.figure), series: humanise(series) })));
    return { rows, table: trendsTable(data, m, s) };
  }
  if (kind === 'partners') {
    const figure = sub ?? m.headline;
    const rows = data.partners.map((p) => {
      const f = m.partners[p.code]?.figures[figure];
      return { partner: p.name, code: p.code, value: numberOf(f), gap: gapOf(f, s), display: formatCell(f, s, true), rag: f?.rag ?? null };
    });
    const regionFigure = m.region.figures[figure];
    const table = simpleTable(name, `${m.title}: by partner`, ['Partner', humanise(figure)], [...rows.map((r) => [r.partner, r.display]), [`${data.region} (region)`, formatCell(regionFigure, s, true)]]);
    [...rows.map((r) => r.rag), regionFigure?.rag ?? null].forEach((rag, i) => {
      const c = table.rows[i]?.[1];
      if (c) c.rag = rag;
    });
    return { rows, table };
  }
  const breakdown = m.region.breakdowns?.[kind];
  if (breakdown) {
    const rows = Object.entries(breakdown).map(([c, f]) => ({ category: humanise(c), value: numberOf(f), gap: gapOf(f, s), display: formatCell(f, s, true) }));
    return { rows, table: simpleTable(name, `${m.title}: ${humanise(kind).toLowerCase()}, ${data.region}`, [humanise(kind), 'Number'], rows.map((r) => [r.category, r.display])) };
  }
  throw new DataNameError(`data "${name}": expected ${measureId}.trend, .trends, .partners, .partners.<figure> or one of its breakdowns (${Object.keys(m.region.breakdowns ?? {}).join(', ') || 'it has none'})`);
}

/** The table for a section's `tables:` entry: `.partners` (comparison), `.trend` (by month and partner), `.trends`, or a breakdown by partner. */
export function resolveTable(data: ReportData, name: string, s: Suppressed): Table {
  const { measureId, rest } = splitDataName(name);
  const m: MeasureResult | undefined = data.measures.find((x) => x.id === measureId);
  if (!m) throw new DataNameError(`table "${name}": no measure ${measureId} in this report`);
  if (rest[0] === 'trend') return trendTable(data, m, s);
  if (rest[0] === 'trends') return trendsTable(data, m, s);
  const found = measureTables(data, m, s).find((t) => t.id === name);
  if (!found) throw new DataNameError(`table "${name}": expected ${measureId}.partners, .trend, .trends or one of its breakdowns`);
  return found;
}

function simpleTable(id: string, title: string, columns: string[], rows: string[][]): Table {
  return { id, title, columns, rows: rows.map((r) => r.map((text) => ({ text }))), notes: [] };
}
