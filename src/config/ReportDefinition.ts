// The shape of `reports/<id>/report.yaml` as zod: a report's title, standard, sections (tiles, charts, tables, narrative) and evidence lists.
import { z } from 'zod';

/** A measure id pattern: `support.received`, or `support.*` for every measure of a group. */
const measurePattern = z.string().regex(/^[a-z0-9_]+\.([a-z0-9_]+|\*)$/, { error: 'a measure id like "support.received", or "support.*"' });

/** A data name (reports/README.md): a measure id followed by `.trend`, `.trends`, `.partners`, `.partners.<figure>` or `.<breakdown>`. */
const dataName = z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+(\.[a-z0-9_]+){1,2}$/, { error: 'a data name like "support.received.trend" (see reports/README.md)' });

/** A headline tile: a measure's headline figure for the region, or another of its figures, with an optional label. */
export const TileDefinition = z.union([
  measurePattern.transform((measure) => ({ measure, figure: undefined as string | undefined, label: undefined as string | undefined })),
  z.strictObject({ measure: measurePattern, figure: z.string().min(1).optional(), label: z.string().min(1).optional() }),
]);
export type TileDefinition = z.output<typeof TileDefinition>;

export const SectionDefinition = z.strictObject({
  /** Anchor in the HTML and prefix of its CSV files. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a section id: lower-case letters, digits and "-"' }),
  title: z.string().min(1),
  /** Narrative; `{measure.entity.figure}` (entity: `region` or a partner code), `{period}` and `{region}` are filled in. */
  intro: z.string().default(''),
  /** Measures this section reports (ids or `group.*`): each gets a partner comparison table and its breakdown tables. */
  measures: z.array(measurePattern).default([]),
  /** Headline tiles, in order. */
  tiles: z.array(TileDefinition).default([]),
  /** Chart names: `charts/<name>.vl.json` in the report folder. */
  charts: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a chart name: the file charts/<name>.vl.json without its extension' })).default([]),
  /** Extra tables by data name (e.g. a trend by partner: `support.received.trend`). */
  tables: z.array(dataName).default([]),
  /** Printed in the appendix (after the definitions) rather than among the sections, e.g. data quality. */
  appendix: z.boolean().default(false),
});
export type SectionDefinition = z.output<typeof SectionDefinition>;

export const ReportDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'a report id: the folder name, lower-case letters, digits and "-"' }),
  title: z.string().min(1),
  standard: z.strictObject({
    /** The standard's number, e.g. `26.4`. */
    code: z.string().min(1),
    /** The standard's words, word for word as published (the cover quotes them). */
    text: z.string().min(1),
    /** Where the words come from, e.g. "Adoption National Minimum Standards, Department for Education, 2014". */
    source: z.string().min(1),
  }),
  /** What the report is for and who reads it: the paragraph after the cover (blank lines separate paragraphs). */
  purpose: z.string().min(1),
  sections: z.array(SectionDefinition).min(1),
  /** Evidence lists (internal audience only) by id or `group.*`. */
  evidence: z.array(measurePattern).default([]),
});
export type ReportDefinition = z.output<typeof ReportDefinition>;

/** A loaded report: its definition, its folder and its chart specs by name. */
export interface LoadedReport {
  definition: ReportDefinition;
  dir: string;
  charts: Map<string, ChartSpec>;
}

/** A Vega-Lite spec as read from its file; `data.name` says which data it draws (reports/README.md). */
export interface ChartSpec {
  file: string;
  dataName: string;
  title: string;
  /** The Vega-Lite spec as written. */
  spec: Record<string, unknown>;
}

/** True when a measure id matches an id or `group.*` pattern. */
export function matchesPattern(id: string, pattern: string): boolean {
  return pattern.endsWith('.*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern;
}
