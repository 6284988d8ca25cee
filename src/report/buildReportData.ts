// One report's ReportData for one audience: the definition's measures only, disclosure control for published, evidence for internal only.
import { disclose, markSuppression } from '../measure/disclose.js';
import type { ComputedMeasures } from '../measure/computeMeasures.js';
import { reportPeriod } from '../measure/reportPeriod.js';
import type { Audience, ReportData } from '../measure/types.js';
import type { Pipeline } from '../config/Pipeline.js';
import { matchesPattern, type ReportDefinition } from '../config/ReportDefinition.js';

/** Measure ids or patterns a definition uses anywhere: section measures, tiles, charts' and tables' data names. */
export function measurePatterns(d: ReportDefinition, chartData: Iterable<string> = []): string[] {
  const fromName = (name: string) => name.split('.').slice(0, 2).join('.');
  return [
    ...d.sections.flatMap((s) => [...s.measures, ...s.tiles.map((t) => t.measure), ...s.tables.map(fromName)]),
    ...[...chartData].map(fromName),
  ];
}

export interface BuildReportDataInput {
  computed: ComputedMeasures;
  pipeline: Pipeline;
  period: string;
  definition: ReportDefinition;
  /** Data names of the report's charts (their measures are included). */
  chartData?: Iterable<string>;
  audience: Audience;
  generatedAt: string;
}

export function buildReportData(i: BuildReportDataInput): ReportData {
  const patterns = measurePatterns(i.definition, i.chartData);
  const all = i.audience === 'published' ? disclose(i.computed.measures, i.pipeline.suppression) : markSuppression(i.computed.measures, i.pipeline.suppression);
  const measures = all.filter((m) => patterns.some((p) => matchesPattern(m.id, p)));
  const used = new Set(measures.flatMap((m) => [...m.region.submissions, ...Object.values(m.partners).flatMap((e) => e.submissions)]));
  const data: ReportData = {
    report: { id: i.definition.id, title: i.definition.title, standard: i.definition.standard.code },
    region: i.pipeline.region,
    period: i.period,
    periodEnd: reportPeriod(i.period).end,
    audience: i.audience,
    generatedAt: i.generatedAt,
    partners: i.pipeline.partners.map((p) => ({ code: p.code, name: p.name })),
    submissions: i.computed.submissions.filter((s) => used.has(s.id)),
    measures,
  };
  if (i.audience === 'internal') data.evidence = i.computed.evidence.filter((e) => i.definition.evidence.some((p) => matchesPattern(e.id, p)));
  return data;
}
