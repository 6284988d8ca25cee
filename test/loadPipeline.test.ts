// loadPipeline: the sample loads with defaults and absolute paths; every mistake names file, key path and line:column.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPipeline, PipelineError } from '../src/pipeline/loadPipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(text: string): string {
  const file = join(dir, `p${++n}.yaml`);
  writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): PipelineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof PipelineError) return e;
    throw e;
  }
  throw new Error('expected a PipelineError');
}

const valid = `region: Test RAA
partners:
  - code: alpha
    name: Alpha Council
    inbox: inbox/alpha
  - code: beta
    name: Beta Council
    inbox: /srv/beta
`;

describe('loadPipeline', () => {
  it('names the default warehouse and report folder after the pipeline file, so two pipelines in one folder share neither', () => {
    const folder = join(dir, 'two');
    mkdirSync(folder);
    writeFileSync(join(folder, 'north.yaml'), valid);
    writeFileSync(join(folder, 'south.yaml'), valid);
    const [north, south] = [loadPipeline(join(folder, 'north.yaml')), loadPipeline(join(folder, 'south.yaml'))];
    expect([north.warehouse, south.warehouse]).toEqual([join(folder, 'north.duckdb'), join(folder, 'south.duckdb')]);
    expect([north.output, south.output]).toEqual([join(folder, 'reports', 'north'), join(folder, 'reports', 'south')]);
  });

  it('keeps using a raa.duckdb already beside the pipeline file (the earlier default), and says so', () => {
    const folder = join(dir, 'earlier');
    mkdirSync(folder);
    writeFileSync(join(folder, 'raa.duckdb'), '');
    writeFileSync(join(folder, 'wessex.yaml'), valid);
    const said: string[] = [];
    const p = loadPipeline(join(folder, 'wessex.yaml'), (line) => said.push(line));
    expect(p.warehouse).toBe(join(folder, 'raa.duckdb'));
    expect(said).toEqual([`${join(folder, 'wessex.yaml')}: using the existing warehouse ${join(folder, 'raa.duckdb')}; the default is now wessex.duckdb, named after the pipeline file. Write "warehouse: raa.duckdb" in the pipeline file to keep it (and silence this line), or rename it to wessex.duckdb`]);
    // Once its own warehouse exists, or the file names one, nothing is said.
    writeFileSync(join(folder, 'wessex.duckdb'), '');
    expect(loadPipeline(join(folder, 'wessex.yaml'), (line) => said.push(line)).warehouse).toBe(join(folder, 'wessex.duckdb'));
    writeFileSync(join(folder, 'named.yaml'), `${valid}warehouse: raa.duckdb\noutput: ../elsewhere\n`);
    const named = loadPipeline(join(folder, 'named.yaml'), (line) => said.push(line));
    expect([named.warehouse, named.output]).toEqual([join(folder, 'raa.duckdb'), join(dir, 'elsewhere')]);
    expect(said).toHaveLength(1);
  });

  it('loads pipelines/sample.yaml with defaults applied and absolute paths', () => {
    const p = loadPipeline('pipelines/sample.yaml');
    const pipelines = resolve('pipelines');
    expect(p.name).toBe('sample');
    expect(p.file).toBe(join(pipelines, 'sample.yaml'));
    expect(p.region).toBe('Wessex Vale Adoption');
    // sample.duckdb, unless a raa.duckdb from before (the old default) is there to keep using: tested below.
    expect(p.warehouse).toBe(join(pipelines, existsSync(join(pipelines, 'raa.duckdb')) && !existsSync(join(pipelines, 'sample.duckdb')) ? 'raa.duckdb' : 'sample.duckdb'));
    expect(p.output).toBe(join(pipelines, 'reports', 'sample'));
    expect(p.partners.map((x) => x.code)).toEqual(['northmoor', 'eastbridge', 'southwold', 'westholm', 'rivermead']);
    expect(p.partners[0]).toEqual({ code: 'northmoor', name: 'Northmoor Council', inbox: resolve('sample-data/northmoor') });
    expect(p.submissionDueDay).toBe(10);
    expect(p.holdThreshold).toBe(0.2);
    expect(p.asfCap).toBe(3000);
    expect(p.targets.support.days_to_allocation).toEqual({ days: 28, green: 80, amber: 60 });
    // Left out of the sample: defaults from the measure catalogue (docs/measures.md).
    expect(p.targets.children).toEqual({ a10: { days: 426 }, a2: { days: 121 } });
    expect(p.targets.support.capacity).toEqual({ horizonMonths: 6 });
    expect(p.targets.dq.rejected_share).toEqual({ green: 1, amber: 5 });
    expect(p.suppression).toEqual({ minCount: 1, maxCount: 5, symbol: 'c' });
    expect(p.reports).toEqual(['nms-25-7', 'nms-26-4', 'theory-of-change']);
    expect(p.audiences).toEqual(['internal', 'published']);
  });

  it('applies every default to a minimal file and resolves paths against its folder', () => {
    const file = write(valid);
    const p = loadPipeline(file);
    expect(p.warehouse).toBe(join(dir, `p${n}.duckdb`));
    expect(p.output).toBe(join(dir, 'reports', `p${n}`));
    expect(p.notes).toEqual([]);
    expect(p.partners[0]?.inbox).toBe(join(dir, 'inbox/alpha'));
    expect(p.partners[1]?.inbox).toBe('/srv/beta');
    expect(p.targets).toEqual({
      support: {
        days_to_allocation: { days: 28, green: 80, amber: 60 },
        assessment_timeliness: { days: 84, green: 80, amber: 60 },
        capacity: { horizonMonths: 6 },
      },
      adopters: {
        stage1_on_time: { green: 80, amber: 60 },
        stage2_on_time: { green: 80, amber: 60 },
        approved_within_6m: { green: 80, amber: 60 },
        matched_within_3m: { green: 80, amber: 60 },
      },
      children: { a10: { days: 426 }, a2: { days: 121 } },
      concerns: { action_on_time: { days: 10, green: 90, amber: 75 } },
      dq: { rejected_share: { green: 1, amber: 5 } },
    });
    expect(p.suppression).toEqual({ minCount: 1, maxCount: 5, symbol: 'c' });
    expect(p.submissionDueDay).toBe(10);
    expect(p.holdThreshold).toBe(0.2);
    expect(p.asfCap).toBe(3000);
  });

  it('keeps a partial target and defaults the rest of it', () => {
    const p = loadPipeline(write(`${valid}targets:\n  concerns:\n    action_on_time:\n      days: 5\nwarehouse: data/wh.duckdb\n`));
    expect(p.targets.concerns.action_on_time).toEqual({ days: 5, green: 90, amber: 75 });
    expect(p.warehouse).toBe(join(dir, 'data/wh.duckdb'));
  });

  it('names the key path and line of a wrong type at a nested key', () => {
    const file = write(`region: Test RAA
partners:
  - code: alpha
    name: Alpha Council
    inbox: inbox/alpha
  - code: beta
    name: Beta Council
    inbox: inbox/beta
  - code: gamma
    name: Gamma Council
    inbox: 42
`);
    const e = errorOf(() => loadPipeline(file));
    expect(e.message).toBe(`${file}:11:5: partners[2].inbox: expected text, got 42`);
    expect(e.issues).toEqual([{ path: 'partners[2].inbox', line: 11, column: 5, message: 'expected text, got 42' }]);
  });

  it('names an inbox that is a file, not a folder, with its key and line (a configuration error)', () => {
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const file = write(`region: Test RAA
partners:
  - code: alpha
    name: Alpha Council
    inbox: inbox/alpha
  - code: beta
    name: Beta Council
    inbox: not-a-folder
`);
    const e = errorOf(() => loadPipeline(file));
    expect(e.exitCode).toBe(2);
    expect(e.message).toBe(`${file}:8:5: partners[1].inbox: ${join(dir, 'not-a-folder')} is a file, not a folder; an inbox is the folder holding the partner's <YYYY-MM>/ folders`);
  });

  it('names a wrong type deep in targets', () => {
    const file = write(`${valid}targets:\n  support:\n    days_to_allocation:\n      green: eighty\n`);
    const e = errorOf(() => loadPipeline(file));
    expect(e.message).toBe(`${file}:12:7: targets.support.days_to_allocation.green: expected a number, got "eighty"`);
  });

  it('names an unknown key, its line, the keys expected, and a likely typo', () => {
    const file = write(`${valid}suppression:\n  minCount: 1\n  maxcount: 5\n`);
    const e = errorOf(() => loadPipeline(file));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.path).toBe('suppression.maxcount');
    expect(e.issues[0]?.line).toBe(11);
    expect(e.message).toContain(`${file}:11:3: suppression.maxcount: unknown key; did you mean "maxCount"?`);
    expect(e.message).toContain('expected one of: minCount, maxCount, symbol');
  });

  it('names an unknown top-level key', () => {
    const file = write(`region: Test RAA\nholdTreshold: 0.3\n${valid.slice('region: Test RAA\n'.length)}`);
    const e = errorOf(() => loadPipeline(file));
    expect(e.message).toMatch(new RegExp(`^${file}:2:1: holdTreshold: unknown key; did you mean "holdThreshold"\\?`));
  });

  it('says partners are missing, and where', () => {
    const file = write('# no partners yet\nregion: Test RAA\nasfCap: 2500\n');
    const e = errorOf(() => loadPipeline(file));
    expect(e.issues).toEqual([{ path: 'partners', line: 2, column: 1, message: expect.stringMatching(/^missing: expected a list/) as unknown }]);
    expect(e.message).toContain(`${file}:2:1: partners: missing`);
  });

  it('says a missing key inside a list item is missing, at that item', () => {
    const file = write('region: Test RAA\npartners:\n  - code: alpha\n    name: Alpha\n  - code: beta\n    inbox: b\n');
    const e = errorOf(() => loadPipeline(file));
    expect(e.issues.map((i) => `${i.line}:${i.column} ${i.path}`)).toEqual(['3:5 partners[0].inbox', '5:5 partners[1].name']);
  });

  it('reports an empty partner list, bad codes, duplicate codes, out-of-range numbers and unknown audiences', () => {
    expect(errorOf(() => loadPipeline(write('region: R\npartners: []\n'))).message).toMatch(/:2:1: partners: expected a list with at least 1 item/);
    const file = write(`${valid}  - code: Alpha\n    name: A\n    inbox: a\n  - code: alpha\n    name: A2\n    inbox: a2\nholdThreshold: 1.5\nsubmissionDueDay: 10.5\naudiences: [internal, public]\n`);
    const e = errorOf(() => loadPipeline(file));
    const byPath = Object.fromEntries(e.issues.map((i) => [i.path, `${i.line}: ${i.message}`]));
    expect(byPath['partners[2].code']).toMatch(/^9: expected a partner code: lower-case letters/);
    expect(byPath['partners[3].code']).toBe('12: duplicate partner code "alpha" (first used by partners[0])');
    expect(byPath['holdThreshold']).toBe('15: expected a number ≤ 1, got 1.5');
    expect(byPath['submissionDueDay']).toBe('16: expected a whole number, got 10.5');
    expect(byPath['audiences[1]']).toBe('17: expected one of: internal, published, got "public"');
  });

  it('refuses amber above green', () => {
    const e = errorOf(() => loadPipeline(write(`${valid}targets:\n  adopters:\n    stage1_on_time: { green: 70, amber: 75 }\n`)));
    expect(e.issues[0]?.path).toBe('targets.adopters.stage1_on_time.amber');
    expect(e.issues[0]?.message).toBe('amber must not be above green (higher is better)');
    expect(e.issues[0]?.line).toBe(11);
  });

  it('names the line of a YAML syntax error', () => {
    const file = write('region: Test RAA\npartners:\n  - code: alpha\n    name: "Alpha Council\n    inbox: a\n');
    const e = errorOf(() => loadPipeline(file));
    expect(e.issues[0]?.line).toBeGreaterThanOrEqual(4);
    expect(e.message).toMatch(new RegExp(`^${file}:\\d+:\\d+: invalid YAML: `));

    const file2 = write('region: Test RAA\npartners: [a, b\nasfCap: 3\n');
    const e2 = errorOf(() => loadPipeline(file2));
    expect(e2.message).toMatch(new RegExp(`^${file2}:3:1: invalid YAML: `));

    const file3 = write('region: Test RAA\nregion: Other\n');
    expect(errorOf(() => loadPipeline(file3)).message).toMatch(new RegExp(`^${file3}:2:1: invalid YAML: Map keys must be unique`));
  });

  it('reports a missing file, a folder and an empty file as PipelineErrors naming the file', () => {
    const missing = join(dir, 'nope.yaml');
    expect(errorOf(() => loadPipeline(missing)).message).toBe(
      `${missing}: cannot read the pipeline file: no such file; check the path (pipeline files live in pipelines/<name>.yaml)`,
    );
    expect(errorOf(() => loadPipeline(dir)).message).toMatch(/this is a folder/);
    expect(errorOf(() => loadPipeline(write('# nothing\n'))).message).toMatch(/:1:1: the file is empty/);
    expect(errorOf(() => loadPipeline(write('- a\n- b\n'))).message).toMatch(/:1:1: expected a mapping/);
  });
});
