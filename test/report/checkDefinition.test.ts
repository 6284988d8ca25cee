// Report definitions are checked against the measure catalogue when loaded: an unknown measure, figure, breakdown or
// trend names the file, line and key; `raa run` finds it (and a mistyped report id in the pipeline) before loading anything.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline, PipelineError } from '../../src/pipeline/loadPipeline.js';
import { loadReport, ReportDefinitionError } from '../../src/report/loadReport.js';
import { reportsDir } from '../render/renderFixture.js';

const repo = join(import.meta.dirname, '..', '..');

/** A folder with a copy of both report definitions (and `reports/` inside it, for a working directory). */
function copyReports(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'raa-check-'));
  const dir = join(root, 'reports');
  for (const id of ['nms-25-7', 'nms-26-4', 'theory-of-change']) cpSync(join(reportsDir, id), join(dir, id), { recursive: true });
  return { root, dir };
}

/** Replace `from` (which must occur once) in a report file; returns the 1-based line where `to` now is. */
function edit(file: string, from: string, to: string): number {
  const text = readFileSync(file, 'utf8');
  expect(text.split(from).length, `"${from}" in ${file}`).toBe(2);
  writeFileSync(file, text.replace(from, to));
  return text.slice(0, text.indexOf(from)).split('\n').length;
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ReportDefinitionError);
    return (e as Error).message;
  }
  throw new Error('expected a ReportDefinitionError');
}

describe('report.yaml against the measure catalogue', () => {
  it.each([
    ['a section measure', '    measures: [concerns.learning_loop]', '    measures: [concerns.learning_lop]', 'sections[2].measures[0]: no measure "concerns.learning_lop"; the concerns measures are concerns.raised, concerns.action_on_time'],
    ['a tile measure', '      - concerns.unactioned\n', '      - concerns.unactionned\n', 'sections[1].tiles[1]: no measure "concerns.unactionned"'],
    ['a tile figure', 'figure: count_w12, label: Raised', 'figure: count_12m, label: Raised', 'sections[0].tiles[1].figure: concerns.raised has no figure "count_12m"; its figures are count, count_w12'],
    ['a table breakdown', '    tables: [concerns.raised.trend]', '    tables: [concerns.raised.by_month]', 'sections[0].tables[0]: concerns.raised has no breakdown "by_month"; expected concerns.raised.partners, .partners.<figure>, .trend or a breakdown (.by_source, .by_category)'],
    ['a table trend', '    tables: [concerns.raised.trend]', '    tables: [concerns.overdue_actions.trend]', 'sections[0].tables[0]: concerns.overdue_actions has no monthly trend'],
    ['a group pattern', '    measures: [concerns.learning_loop]', '    measures: [concern.*]', 'sections[2].measures[0]: "concern.*" matches no measure'],
    ['an evidence list', 'evidence: [concerns.*]', 'evidence: [concerns.raised]', 'evidence[0]: no evidence list "concerns.raised"; the evidence lists are children.waiting, concerns.unactioned, concerns.overdue_actions'],
  ])('refuses an unknown name in %s, with file, line and key', (_what, from, to, message) => {
    const { dir } = copyReports();
    const file = join(dir, 'nms-25-7', 'report.yaml');
    const line = edit(file, from, to);
    const m = errorOf(() => loadReport('nms-25-7', dir));
    expect(m).toContain(message);
    expect(m).toMatch(new RegExp(`^${file.replaceAll('/', '\\/')}:${line + (from.startsWith('\n') ? 1 : 0)}:\\d+: `));
  });

  it('refuses a narrative placeholder naming an unknown figure, at its own line', () => {
    const { dir } = copyReports();
    const file = join(dir, 'nms-26-4', 'report.yaml');
    const line = edit(file, '{support.open_cases.region.count}', '{support.open_cases.region.total}');
    expect(errorOf(() => loadReport('nms-26-4', dir))).toMatch(
      new RegExp(`^${file.replaceAll('/', '\\/')}:${line}:\\d+: sections\\[0\\]\\.intro: \\{support\\.open_cases\\.region\\.total\\}: support\\.open_cases has no figure "total"; its figures are count`),
    );
  });

  it('refuses a chart whose data names an unknown breakdown, naming the chart file, its line and where it is used', () => {
    const { dir } = copyReports();
    const chart = join(dir, 'nms-25-7', 'charts', 'concerns-by-source.vl.json');
    const line = edit(chart, '"concerns.raised.by_source"', '"concerns.raised.by_sauce"');
    expect(errorOf(() => loadReport('nms-25-7', dir))).toBe(
      `${chart}:${line}: data.name: concerns.raised has no breakdown "by_sauce"; expected concerns.raised.partners, .partners.<figure>, .trend or a breakdown (.by_source, .by_category) (used at ${join(dir, 'nms-25-7', 'report.yaml')}: sections[0].charts[1])`,
    );
  });

  it('loads the shipped reports: every name they use is in the catalogue', () => {
    for (const id of ['nms-25-7', 'nms-26-4', 'theory-of-change']) expect(loadReport(id, reportsDir).definition.id).toBe(id);
  });
});

describe('the pipeline names reports that exist', () => {
  it('a mistyped report id is a pipeline error at its line, when the pipeline file is read', () => {
    const { root } = copyReports();
    const file = join(root, 'p.yaml');
    writeFileSync(file, 'region: Test RAA\npartners:\n  - { code: a, name: A, inbox: in/a }\nreports:\n  - nms-25-7\n  - nms-26-5\n');
    let error: unknown;
    try {
      loadPipeline(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as Error).message).toBe(`${file}:6:5: reports[1]: no report "nms-26-5"; reports available: nms-25-7, nms-26-4, theory-of-change`);
  });
});

describe('raa run', () => {
  const cli = join(repo, 'dist/src/cli/main.js');
  const samplePipeline = (root: string, extra = '') => {
    const text = readFileSync(join(repo, 'pipelines', 'sample.yaml'), 'utf8').replaceAll('../sample-data', join(repo, 'sample-data'));
    const file = join(root, 'month.yaml');
    writeFileSync(file, `${text}\n${extra}`);
    return file;
  };
  const run = (root: string, file: string) => spawnSync(process.execPath, [cli, 'run', file], { cwd: root, encoding: 'utf8' });

  it('stops with exit 2 on a report.yaml naming an unknown figure, before any partner is loaded', () => {
    const { root, dir } = copyReports();
    const file = join(dir, 'nms-26-4', 'report.yaml');
    const line = edit(file, 'figure: approvals_w12,', 'figure: approved_w12,');
    const r = run(root, samplePipeline(root));
    expect(r.stderr).toContain(`${file}:${line}:`);
    expect(r.stderr).toContain('adopters.flow has no figure "approved_w12"; its figures are enquiries, enquiries_w12, stage1_starts, stage1_starts_w12, approvals, approvals_w12');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(readdirSync(root).filter((f) => f.endsWith('.duckdb'))).toEqual([]);
  }, 60_000);

  it('stops with exit 2 on a mistyped report id in the pipeline file, before any partner is loaded', () => {
    const { root } = copyReports();
    const pipeline = samplePipeline(root);
    writeFileSync(pipeline, readFileSync(pipeline, 'utf8').replace(/^reports:.*$/m, 'reports: [nms-25-7, nms-264]'));
    expect(readFileSync(pipeline, 'utf8')).toContain('nms-264');
    const r = run(root, pipeline);
    expect(r.stderr).toMatch(/month\.yaml:\d+:\d+: reports\[1\]: no report "nms-264"; reports available: nms-25-7, nms-26-4/);
    expect(r.status).toBe(2);
    expect(existsSync(join(root, 'month.duckdb'))).toBe(false);
  }, 60_000);
});
