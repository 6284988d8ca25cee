// `npm run docs`: write docs/measures.md and docs/report.schema.json from the code (a test checks they are current).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { docsFiles } from './docs/docsFiles.js';

const repo = process.cwd();
for (const [path, text] of Object.entries(docsFiles())) {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
  process.stdout.write(`wrote ${path}\n`);
}
