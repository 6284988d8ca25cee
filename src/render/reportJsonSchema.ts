// The JSON Schema (draft 2020-12) of the machine-readable report, generated from the zod shape the code writes
// (src/measure/types.ts): shipped beside the JSON reports as report.schema.json and committed as docs/report.schema.json.
import { z } from 'zod';
import { ReportData } from '../measure/types.js';

/** The file name the schema has beside the reports. */
export const reportSchemaFile = 'report.schema.json';

/** The schema as a JSON document: stable bytes (2-space indent, final newline) so a stale committed copy shows in a diff. */
export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(ReportData, { target: 'draft-2020-12', io: 'output' });
  return `${JSON.stringify({ ...schema, $id: reportSchemaFile }, null, 2)}\n`;
}
