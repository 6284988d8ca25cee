// The table model every renderer shares: the HTML report shows it, the CSV writer writes it, so a figure is formatted once.
import type { EntityFigures, MeasureResult, Rag, ReportData } from '../measure/types.js';

/** One cell as shown: its text and, for a figure with a target, its RAG. */
export interface Cell {
  text: string;
  rag?: Rag | null;
}

export interface Table {
  /** The data name it shows (reports/README.md), e.g. `support.received.partners`; also its CSV file name. */
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Footnotes: who the region leaves out, records left out for a missing date. */
  notes: string[];
}

/** One column of a comparison: a partner, or the region. */
export interface Entity {
  code: string;
  name: string;
  figures: EntityFigures | undefined;
}

/** The partners in the report's order, then the region (its name, code `region`). */
export function entitiesOf(data: ReportData, m: MeasureResult): Entity[] {
  return [
    ...data.partners.map((p) => ({ code: p.code, name: p.name, figures: m.partners[p.code] })),
    { code: 'region', name: `${data.region} (region)`, figures: m.region },
  ];
}

/** The partner's name for a code (the code itself when unknown). */
export function partnerName(data: ReportData, code: string): string {
  return data.partners.find((p) => p.code === code)?.name ?? code;
}
