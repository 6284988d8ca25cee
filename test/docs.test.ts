// The generated documents under docs/ are current: regenerate them with `npm run docs` when this fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsFiles } from '../scripts/docs/docsFiles.js';
import { catalogue } from '../src/catalogue/catalogue.js';

const repo = join(import.meta.dirname, '..');

describe('docs/', () => {
  it.each(Object.entries(docsFiles()))('%s is what npm run docs writes', (path, text) => {
    expect(readFileSync(join(repo, path), 'utf8'), `${path} is stale: run npm run docs`).toBe(text);
  });

  it('docs/measures.md has a section for every measure of the catalogue, with its figures', () => {
    const md = docsFiles()['docs/measures.md'] ?? '';
    for (const m of catalogue) {
      expect(md).toContain(`### \`${m.id}\` — ${m.title}`);
      for (const f of Object.keys(m.figures)) expect(md).toContain(`| \`${f}\``);
    }
  });
});
