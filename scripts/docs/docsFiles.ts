// The generated documents committed under docs/: the measure catalogue in words, and the JSON report's schema.
import { measuresMarkdown } from '../../src/catalogue/measuresMarkdown.js';
import { reportJsonSchema } from '../../src/render/reportJsonSchema.js';

/** Path relative to the repository → its content. */
export function docsFiles(): Record<string, string> {
  return { 'docs/measures.md': measuresMarkdown(), 'docs/report.schema.json': reportJsonSchema() };
}
