// The faulty files: each broken in one way, each with the exact diagnostics `raa validate --json` must report (dataset,
// verdict, every diagnostic, counts that reconcile). They are validated together in one batch, as `raa validate
// sample-data/faulty/` does (test/validate/groups.test.ts shows a batch gives each file what it gets alone); how a
// verdict becomes the CLI's exit code and JSON is tested on the process in test/cli/validate.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleCodes } from '../src/diagnostics/rules.js';
import type { FileResult } from '../src/validate/FileResult.js';
import { validateFiles } from '../src/validate/validateFiles.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const faultyDir = join(root, 'sample-data/faulty');

/** `"any"` in line, column or field: the test does not check that part. */
type Loose<T> = T | 'any';

interface ExpectedDiagnostic {
  rule: string;
  severity: string;
  line: Loose<number | null>;
  column: Loose<string | null>;
  field: Loose<string | null>;
}

interface Expectation {
  /** The faulty file, beside its expectation. */
  file: string;
  period: string;
  dataset: string | null;
  verdict: string;
  diagnostics: ExpectedDiagnostic[];
}

function expectationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? expectationFiles(join(dir, e.name)) : e.name.endsWith('.expected.json') ? [join(dir, e.name)] : []))
    .sort();
}

const cases = expectationFiles(faultyDir).map((path) => {
  const e = JSON.parse(readFileSync(path, 'utf8')) as Expectation;
  return { path, name: relative(faultyDir, join(dirname(path), e.file)), e };
});

/** The part of a diagnostic the expectation fixes, with the parts it leaves open (`any`) blanked on both sides. */
function shape(d: ExpectedDiagnostic, open: Set<string>): string {
  const part = (k: 'line' | 'column' | 'field', v: unknown) => (open.has(`${d.rule}.${k}`) ? 'any' : JSON.stringify(v));
  return `${d.rule} ${d.severity} line=${part('line', d.line)} column=${part('column', d.column)} field=${part('field', d.field)}`;
}

/** Each file's results: one, or one per sheet read for a workbook (`Book.xlsx › List 10`). */
const results = new Map<string, FileResult[]>();
beforeAll(async () => {
  const files = cases.map(({ path, e }) => join(dirname(path), e.file));
  const periods = new Set(cases.map(({ e }) => e.period));
  expect([...periods]).toEqual(['2026-10']);
  for (const r of await validateFiles(files, { period: '2026-10' })) {
    const source = r.file.split(' › ')[0] as string;
    results.set(source, [...(results.get(source) ?? []), r]);
  }
}, 120_000);

describe('faulty files', () => {
  it('are there, one per error class a single file can produce', () => {
    // Not committable or not provokable by a file alone: an unreadable file, a parse failure, and the warehouse checks.
    const notHere = new Set(['file.unreadable', 'file.parse']);
    const wanted = ruleCodes.filter((r) => !r.startsWith('cross.') && !notHere.has(r));
    const covered = new Set(cases.flatMap(({ e }) => e.diagnostics.map((d) => d.rule)));
    expect(wanted.filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(cases)('$name', ({ path, e }) => {
    const file = join(dirname(path), e.file);
    expect(results.get(file)).toHaveLength(1);
    const result = results.get(file)?.[0] as FileResult;
    expect(result.dataset).toBe(e.dataset);
    expect(result.verdict).toBe(e.verdict);

    const open = new Set(e.diagnostics.flatMap((d) => (['line', 'column', 'field'] as const).filter((k) => d[k] === 'any').map((k) => `${d.rule}.${k}`)));
    expect(result.diagnostics.map((d) => shape(d, open)).sort()).toEqual(e.diagnostics.map((d) => shape(d, open)).sort());
    for (const d of result.diagnostics) expect(d.message.trim()).not.toBe('');

    const c = result.counts;
    expect(c.rowsRead).toBe(c.wouldLoad + c.wouldReject + c.blank);
  });
});
