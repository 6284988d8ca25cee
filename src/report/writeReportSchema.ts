// The JSON reports' schema written beside them, so a machine reader of a month's folder has the contract at hand.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchema, reportSchemaFile } from '../render/reportJsonSchema.js';

/** Writes `<outDir>/report.schema.json` (beside, then renamed: never half-written); returns its path. */
export function writeReportSchema(outDir: string): string {
  const file = join(outDir, reportSchemaFile);
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, reportJsonSchema());
  renameSync(tmp, file);
  return file;
}
