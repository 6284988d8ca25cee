// The faulty files: each broken in one way, each with the exact diagnostics `raa validate --json` must report,
// checked through the real CLI as a process (exit code, dataset, verdict, every diagnostic, counts that reconcile).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleCodes } from '../src/diagnostics/rules.js';
import type { FileResult } from '../src/validate/FileResult.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/src/cli/main.js');
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

function validate(file: string, period: string) {
  const run = spawnSync(process.execPath, [cli, 'validate', file, '--period', period, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

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
    const run = validate(file, e.period);
    expect(run.stdout, run.stderr).toMatch(/^\{/);
    const out = JSON.parse(run.stdout) as { files: FileResult[] };
    expect(out.files).toHaveLength(1);
    const result = out.files[0] as FileResult;

    const failing = e.diagnostics.some((d) => d.severity === 'file_error' || d.severity === 'row_error' || d.severity === 'hold');
    expect(run.status).toBe(failing ? 1 : 0);
    expect(result.dataset).toBe(e.dataset);
    expect(result.verdict).toBe(e.verdict);

    const open = new Set(e.diagnostics.flatMap((d) => (['line', 'column', 'field'] as const).filter((k) => d[k] === 'any').map((k) => `${d.rule}.${k}`)));
    expect(result.diagnostics.map((d) => shape(d, open)).sort()).toEqual(e.diagnostics.map((d) => shape(d, open)).sort());
    for (const d of result.diagnostics) expect(d.message.trim()).not.toBe('');

    const c = result.counts;
    expect(c.rowsRead).toBe(c.wouldLoad + c.wouldReject + c.blank);
  });
});
