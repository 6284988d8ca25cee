// A report definition applied to ReportData: sections with filled narrative, tiles, charts as SVG with their data tables, and every table (for HTML and CSV).
import type { EvidenceList, Figure, MeasureResult, ReportData } from '../measure/types.js';
import { matchesPattern, type LoadedReport, type SectionDefinition } from '../report/ReportDefinition.js';
import { describeChart } from './describeChart.js';
import { fillNarrative } from './fillNarrative.js';
import { humanise, type Suppressed } from './formatFigure.js';
import { measureTables } from './measureTables.js';
import { renderChart } from './renderChart.js';
import { resolveChartData, resolveTable } from './resolveData.js';
import type { Table } from './Table.js';

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

export interface PreparedReport {
  data: ReportData;
  report: LoadedReport;
  suppressed: Suppressed;
  sections: PreparedSection[];
  /** Internal audience only. */
  evidence: Table[];
  /** Narrative placeholders that named nothing, as `sections[i].intro: {x}`. */
  warnings: string[];
}

/** Everything the renderers need, charts compiled; `data` must already be filtered and disclosed for its audience. */
export async function prepareReport(data: ReportData, report: LoadedReport, s: Suppressed): Promise<PreparedReport> {
  const warnings: string[] = [];
  const sections: PreparedSection[] = [];
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
      charts.push({ name, title: chart.title, svg: await renderChart(chart.spec, chart.dataName, cd.rows, chart.title, desc), table: { ...cd.table, id: `chart.${name}` } });
    }
    const measures = data.measures.filter((m) => def.measures.some((p) => matchesPattern(m.id, p)));
    sections.push({
      definition: def,
      intro: filled.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
      tiles: def.tiles.flatMap((t) => {
        const m = data.measures.find((x) => x.id === t.measure);
        if (!m) return [];
        const figureName = t.figure ?? m.headline;
        return [{ label: t.label ?? m.title, measure: m, figureName, figure: m.region.figures[figureName] }];
      }),
      charts,
      measures: measures.map((m) => ({ measure: m, tables: measureTables(data, m, s) })),
      tables: def.tables.filter((n) => data.measures.some((m) => n.startsWith(`${m.id}.`))).map((n) => resolveTable(data, n, s)),
    });
  }
  const evidence = data.audience === 'internal' ? (data.evidence ?? []).filter((e) => report.definition.evidence.some((p) => matchesPattern(e.id, p))).map(evidenceTable) : [];
  return { data, report, suppressed: s, sections, evidence, warnings };
}

function evidenceTable(e: EvidenceList): Table {
  return { id: `evidence.${e.id}`, title: e.title, columns: e.columns.map(humanise), rows: e.rows.map((r) => r.map((v) => ({ text: v === null ? '' : String(v) }))), notes: [`${e.rows.length} record${e.rows.length === 1 ? '' : 's'}.`] };
}
