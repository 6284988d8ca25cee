// A measure's tables: partners and region side by side (every figure), each breakdown by partner, each word table (labels), the trend by month.
import type { Figure, MeasureResult, ReportData } from '../measure/types.js';
import { formatCell, formatMonth, humanise, unitHeader, type Suppressed } from './formatFigure.js';
import { entitiesOf, partnerName, type Cell, type Table } from './Table.js';

const cell = (f: Figure | undefined, s: Suppressed): Cell => ({ text: formatCell(f, s), rag: f?.rag ?? null });

/** Every table of the measure, comparison first. */
export function measureTables(data: ReportData, m: MeasureResult, s: Suppressed): Table[] {
  const tables = [comparisonTable(data, m, s)];
  for (const b of Object.keys(m.region.breakdowns ?? {})) tables.push(breakdownTable(data, m, b, s));
  for (const name of labelTableNames(m)) tables.push(labelTable(data, m, name));
  return tables;
}

/** Figure names in the order the region (else the first partner) lists them. */
function figureNames(m: MeasureResult): string[] {
  const names = Object.keys(m.region.figures);
  return names.length > 0 ? names : Object.keys(Object.values(m.partners)[0]?.figures ?? {});
}

export function comparisonTable(data: ReportData, m: MeasureResult, s: Suppressed): Table {
  const names = figureNames(m);
  const columns = ['', ...names.map((n) => headerFor(n, m.region.figures[n]))];
  const rows = entitiesOf(data, m).map((e) => [{ text: e.name }, ...names.map((n) => cell(e.figures?.figures[n], s))]);
  return { id: `${m.id}.partners`, title: m.title, columns, rows, notes: notesFor(data, m) };
}

export function breakdownTable(data: ReportData, m: MeasureResult, breakdown: string, s: Suppressed): Table {
  const entities = entitiesOf(data, m);
  const categories = Object.keys(m.region.breakdowns?.[breakdown] ?? {});
  const rows = categories.map((c) => [{ text: humanise(c) }, ...entities.map((e) => cell(e.figures?.breakdowns?.[breakdown]?.[c], s))]);
  return { id: `${m.id}.${breakdown}`, title: `${m.title}: ${humanise(breakdown).toLowerCase()}`, columns: ['', ...entities.map((e) => e.name)], rows, notes: [] };
}

/** The headline figure by month (rows) for each partner and the region (columns). */
export function trendTable(data: ReportData, m: MeasureResult, s: Suppressed): Table {
  const entities = entitiesOf(data, m);
  const months = (m.region.trend ?? []).map((p) => p.month);
  const rows = months.map((month) => [
    { text: formatMonth(month) },
    ...entities.map((e) => cell(e.figures?.trend?.find((p) => p.month === month)?.figure, s)),
  ]);
  return { id: `${m.id}.trend`, title: `${m.title}: by month`, columns: ['Month', ...entities.map((e) => e.name)], rows, notes: [] };
}

/** Several monthly series of the region side by side (e.g. enquiries, Stage 1 starts, approvals). */
export function trendsTable(data: ReportData, m: MeasureResult, s: Suppressed): Table {
  const series = Object.entries(m.region.trends ?? {});
  const months = series[0]?.[1].map((p) => p.month) ?? [];
  const rows = months.map((month) => [{ text: formatMonth(month) }, ...series.map(([, pts]) => cell(pts.find((p) => p.month === month)?.figure, s))]);
  return { id: `${m.id}.trends`, title: `${m.title}: ${data.region}, by month`, columns: ['Month', ...series.map(([n]) => humanise(n))], rows, notes: [] };
}

function labelTableNames(m: MeasureResult): string[] {
  const names = new Set<string>();
  for (const e of [...Object.values(m.partners), m.region]) for (const n of Object.keys(e.labels ?? {})) names.add(n);
  return [...names];
}

/** Words per partner, e.g. dq.submission `state`: one row per partner, one column per dataset. */
function labelTable(data: ReportData, m: MeasureResult, name: string): Table {
  const entities = entitiesOf(data, m).filter((e) => e.figures?.labels?.[name] || e.code !== 'region');
  const keys = [...new Set(entities.flatMap((e) => Object.keys(e.figures?.labels?.[name] ?? {})))];
  const rows = entities.map((e) => [{ text: e.name }, ...keys.map((k) => ({ text: humanise(e.figures?.labels?.[name]?.[k] ?? '–') }))]);
  return { id: `${m.id}.${name}`, title: `${m.title}: ${humanise(name).toLowerCase()}`, columns: ['', ...keys.map(humanise)], rows, notes: [] };
}

function headerFor(name: string, f: Figure | undefined): string {
  const unit = f ? unitHeader(f.unit) : '';
  const label = humanise(name);
  return unit && !label.toLowerCase().includes(unit.toLowerCase()) ? `${label} (${unit})` : label;
}

/** Who the region figure leaves out, and records left out of a denominator for a missing date (never for a suppressed figure, nor a published count under 6). */
function notesFor(data: ReportData, m: MeasureResult): string[] {
  const notes: string[] = [];
  const left = m.region.notSubmitted ?? [];
  if (left.length > 0) notes.push(`The ${data.region} figures leave out ${left.map((c) => partnerName(data, c)).join(', ')}: not submitted for the month.`);
  for (const [name, f] of Object.entries(m.region.figures)) {
    const disclosive = data.audience === 'published' && (f.excluded ?? 0) < 6;
    if (f.excluded && !f.suppressed && !disclosive) notes.push(`${humanise(name)}: ${f.excluded} record${f.excluded === 1 ? '' : 's'} without the date ${f.excluded === 1 ? 'it needs' : 'they need'} left out.`);
  }
  return notes;
}
