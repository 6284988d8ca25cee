// A report definition applied to ReportData: the purpose and the summary page, sections with filled narrative, tiles,
// charts as SVG with their data tables, and every table (for HTML and CSV), each table noting its figures' targets.
import type { EvidenceList, Figure, MeasureResult, ReportData } from '../measure/types.js';
import { matchesPattern, type LoadedReport, type SectionDefinition } from '../config/ReportDefinition.js';
import { describeChart } from './describeChart.js';
import { fillNarrative } from './fillNarrative.js';
import { humanise, type Suppressed } from './formatFigure.js';
import { measureTables } from './measureTables.js';
import { renderChart } from './renderChart.js';
import { resolveChartData, resolveTable, splitDataName } from './resolveData.js';
import { summaryRows, type Comparison, type SummaryRow } from './summaryRows.js';
import type { Table } from './Table.js';
import { targetNote } from './targetText.js';

export interface PreparedTile {
  label: string;
  measure: MeasureResult;
  figureName: string;
  figure: Figure | undefined;
}

export interface PreparedChart {
  name: string;
  title: string;
  svg: string;
  table: Table;
}

export interface PreparedSection {
  definition: SectionDefinition;
  intro: string[];
  tiles: PreparedTile[];
  charts: PreparedChart[];
  /** Per measure: its title and tables (comparison, breakdowns, words). */
  measures: { measure: MeasureResult; tables: Table[] }[];
  tables: Table[];
}

/** The same report for last month and for the same month last year, for the summary's changes. */
export interface Comparisons {
  lastMonth: Comparison;
  lastYear: Comparison;
}

export interface PreparedReport {
  data: ReportData;
  report: LoadedReport;
  suppressed: Suppressed;
  /** What the report is for, as paragraphs (placeholders filled). */
  purpose: string[];
  /** One row per headline tile of every section: the summary page. */
  summary: SummaryRow[];
  comparisons: Comparisons;
  /** In report order; those marked `appendix` print after the definitions. */
  sections: PreparedSection[];
  /** Internal audience only. */
  evidence: Table[];
  /** Narrative placeholders that named nothing, as `sections[i].intro: {x}`. */
  warnings: string[];
}

const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim().replace(/\s*\n\s*/g, ' ')).filter(Boolean);

/**
 * Everything the renderers need, charts compiled; `data` (and the comparisons' data) must already be filtered and
 * disclosed for its audience. Without comparisons the summary's changes say "no data".
 */
export async function prepareReport(data: ReportData, report: LoadedReport, s: Suppressed, comparisons: Comparisons = { lastMonth: { period: '', data: null }, lastYear: { period: '', data: null } }): Promise<PreparedReport> {
  const warnings: string[] = [];
  const sections: PreparedSection[] = [];
  const purpose = fillNarrative(report.definition.purpose, data, s);
  warnings.push(...purpose.unknown.map((u) => `purpose: ${u} names no figure in this report`));
  for (const [i, def] of report.definition.sections.entries()) {
    const filled = fillNarrative(def.intro, data, s);
    warnings.push(...filled.unknown.map((u) => `sections[${i}].intro: ${u} names no figure in this report`));
    const charts: PreparedChart[] = [];
    for (const name of def.charts) {
      const chart = report.charts.get(name);
      if (!chart) continue;
      if (!data.measures.some((m) => chart.dataName.startsWith(`${m.id}.`))) continue; // e.g. support.capacity without workforce
      const cd = resolveChartData(data, chart.dataName, s);
      const desc = describeChart(chart.title, cd);
      const table = withTargets({ ...cd.table, id: `chart.${name}` }, data, chart.dataName);
      charts.push({ name, title: chart.title, svg: await renderChart(chart.spec, chart.dataName, cd.rows, chart.title, desc), table });
    }
    const measures = data.measures.filter((m) => def.measures.some((p) => matchesPattern(m.id, p)));
    sections.push({
      definition: def,
      intro: paragraphs(filled.text),
      tiles: def.tiles.flatMap((t) => {
        const m = data.measures.find((x) => x.id === t.measure);
        if (!m) return [];
        const figureName = t.figure ?? m.headline;
        return [{ label: t.label ?? m.title, measure: m, figureName, figure: m.region.figures[figureName] }];
      }),
      charts,
      measures: measures.map((m) => ({ measure: m, tables: measureTables(data, m, s).map((t) => withTargets(t, data, t.id)) })),
      tables: def.tables.filter((n) => data.measures.some((m) => n.startsWith(`${m.id}.`))).map((n) => withTargets(resolveTable(data, n, s), data, n)),
    });
  }
  const evidence = data.audience === 'internal' ? (data.evidence ?? []).filter((e) => report.definition.evidence.some((p) => matchesPattern(e.id, p))).map(evidenceTable) : [];
  const tiles = sections.flatMap((sec) => sec.tiles.map((t) => ({ ...t, section: sec.definition.title })));
  const summary = summaryRows(tiles, comparisons.lastMonth, comparisons.lastYear, s);
  return { data, report, suppressed: s, purpose: paragraphs(purpose.text), summary, comparisons, sections, evidence, warnings };
}

/**
 * The table with a footnote per figure it shows that has a target, in the figure's own unit: every figure of a
 * comparison table (`<measure>.partners`), the named or headline figure of a chart's or trend's table.
 */
function withTargets(t: Table, data: ReportData, dataName: string): Table {
  const { measureId, rest } = splitDataName(dataName);
  const m = data.measures.find((x) => x.id === measureId);
  if (!m) return t;
  const [kind, sub] = rest;
  const names = kind === 'partners' && sub === undefined && t.columns.length > 2 ? Object.keys(m.region.figures)
    : kind === 'partners' || kind === 'trend' ? [sub ?? m.headline]
    : [];
  const notes = names.flatMap((n) => targetNote(n, m.region.figures[n] ?? Object.values(m.partners).find((e) => e.figures[n])?.figures[n]) ?? []);
  return notes.length > 0 ? { ...t, notes: [...notes, ...t.notes] } : t;
}

function evidenceTable(e: EvidenceList): Table {
  return { id: `evidence.${e.id}`, title: e.title, columns: e.columns.map(humanise), rows: e.rows.map((r) => r.map((v) => ({ text: v === null ? '' : String(v) }))), notes: [`${e.rows.length} record${e.rows.length === 1 ? '' : 's'}.`] };
}
