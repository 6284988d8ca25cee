// The bundled sample data: the generator is deterministic (a fresh run matches the committed files byte for byte),
// every inbox's manifest lists exactly its files, and `raa validate` finds in each file exactly what was planted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../src/validate/FileResult.js';
import { raaInProcess } from './cli/inProcess.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sampleDir = join(root, 'sample-data');

/** Every file under `dir`, as `/`-separated paths relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** What the generator writes: everything except the hand-made faulty files and git's attributes. */
const generated = (files: string[]) => files.filter((f) => !f.startsWith('faulty/') && f !== '.gitattributes');

interface Expected {
  rule: string;
  severity: string;
  line: number | null;
  column: string | null;
  field: string | null;
}

interface FileExpectation {
  partner: string;
  period: string;
  dataset: string;
  received: string;
  diagnostics: Expected[];
}

const expectations = JSON.parse(readFileSync(join(sampleDir, 'expected-diagnostics.json'), 'utf8')) as Record<string, FileExpectation>;

describe('sample data generator', () => {
  const out = mkdtempSync(join(tmpdir(), 'raa-sample-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes exactly the committed files, byte for byte', () => {
    const run = spawnSync(process.execPath, [join(root, 'dist/scripts/generateSampleData.js'), out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const fresh = listFiles(out);
    expect(fresh).toEqual(generated(listFiles(sampleDir)));
    const differing = fresh.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(sampleDir, f))));
    expect(differing).toEqual([]);
  });
});

describe('sample data', () => {
  const dataFiles = Object.keys(expectations);

  it('has a manifest in every inbox that lists exactly the files in it', () => {
    const inboxes = [...new Set(dataFiles.map((f) => dirname(f)))];
    for (const inbox of inboxes) {
      const manifest = JSON.parse(readFileSync(join(sampleDir, inbox, 'manifest.json'), 'utf8')) as { files: { file: string; received: string }[] };
      const inFolder = readdirSync(join(sampleDir, inbox)).filter((f) => f !== 'manifest.json').sort();
      expect(manifest.files.map((m) => m.file).sort(), inbox).toEqual(inFolder);
      for (const m of manifest.files) expect(m.received, `${inbox}/${m.file}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it('covers five partners, two months, every dataset, and a partner without workforce', () => {
    const partners = new Set(dataFiles.map((f) => expectations[f]?.partner));
    expect(partners.size).toBe(5);
    expect(new Set(dataFiles.map((f) => expectations[f]?.period))).toEqual(new Set(['2026-09', '2026-10']));
    for (const p of partners) {
      const datasets = new Set(dataFiles.filter((f) => expectations[f]?.partner === p).map((f) => expectations[f]?.dataset));
      expect(datasets.has('children') && datasets.has('adopters') && datasets.has('support') && datasets.has('concerns'), String(p)).toBe(true);
    }
    expect([...partners].some((p) => !dataFiles.some((f) => expectations[f]?.partner === p && expectations[f]?.dataset === 'workforce'))).toBe(true);
  });

  for (const period of [...new Set(Object.values(expectations).map((e) => e.period))].sort()) {
    it(`validates ${period}: every file recognised and reconciled, with exactly the planted diagnostics`, async () => {
      const files = dataFiles.filter((f) => expectations[f]?.period === period);
      // In-process (runCli, the same code as the CLI's): the CLI's own exit codes and output are tested in test/cli/.
      const run = await raaInProcess('validate', ...files.map((f) => join(root, 'sample-data', f)), '--period', period, '--json');
      expect(run.stdout, run.stderr).toMatch(/^\{/);
      const results = (JSON.parse(run.stdout) as { files: FileResult[] }).files.map((r) => ({ ...r, file: relative(root, r.file) }));
      expect(results.map((r) => r.file).sort()).toEqual(files.map((f) => `sample-data/${f}`).sort());
      const key = (d: Expected) => `${d.rule} ${d.severity} line=${d.line} column=${d.column} field=${d.field}`;
      for (const r of results) {
        const e = expectations[r.file.slice('sample-data/'.length)];
        if (!e) throw new Error(`no expectation for ${r.file}`);
        expect(r.dataset, r.file).toBe(e.dataset);
        expect(r.diagnostics.filter((d) => d.severity === 'file_error'), r.file).toEqual([]);
        expect(r.counts.rowsRead, r.file).toBe(r.counts.wouldLoad + r.counts.wouldReject + r.counts.blank);
        expect(r.diagnostics.map(key).sort(), r.file).toEqual(e.diagnostics.map(key).sort());
        for (const d of r.diagnostics) expect(d.message.trim(), r.file).not.toBe('');
      }
    });
  }
});
