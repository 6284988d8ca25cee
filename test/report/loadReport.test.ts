// Report definitions: both shipped reports load; mistakes name the file, line and key; a new section and chart need no change in src/.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listReports, loadReport, ReportDefinitionError } from '../../src/report/loadReport.js';
import { writeReport } from '../../src/report/writeReport.js';
import { fixtureReportData } from '../render/fixtures/reportData.js';
import { reports, reportsDir } from '../render/renderFixture.js';

function copyReports(): string {
  const dir = mkdtempSync(join(tmpdir(), 'raa-reports-'));
  for (const id of ['nms-25-7', 'nms-26-4']) cpSync(join(reportsDir, id), join(dir, id), { recursive: true });
  return dir;
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

describe('report definitions', () => {
  it('lists and loads the reports with their charts', () => {
    expect(listReports(reportsDir)).toEqual(['nms-25-7', 'nms-26-4', 'theory-of-change']);
    const r = loadReport('nms-26-4', reportsDir);
    expect(r.definition.standard.code).toBe('26.4');
    expect(r.definition.sections.map((s) => s.id)).toEqual(['support', 'adopters', 'children', 'data-quality']);
    expect(r.charts.get('support-received-trend')?.dataName).toBe('support.received.trend');
  });

  it('names the file, line, column and key of a mistake', () => {
    const dir = copyReports();
    const file = join(dir, 'nms-25-7', 'report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    tiles:\n      - concerns.action_on_time', '    tilez:\n      - concerns.action_on_time'));
    const message = errorOf(() => loadReport('nms-25-7', dir));
    expect(message).toMatch(new RegExp(`^${file.replaceAll('/', '\\/')}:\\d+:5: sections\\[1\\]\\.tilez: unknown key "tilez"`));
    writeFileSync(file, 'id: nms-25-7\ntitle: x\nstandard: { code: "25.7" }\nsections: []\n');
    const m2 = errorOf(() => loadReport('nms-25-7', dir));
    expect(m2).toContain(`${file}:3:1: standard.text: missing: expected string`);
    expect(m2).toContain(`${file}:4:1: sections:`);
  });

  it('refuses a chart that is missing, has no data name or no title', () => {
    const dir = copyReports();
    const chart = join(dir, 'nms-25-7', 'charts', 'concerns-by-source.vl.json');
    writeFileSync(chart, JSON.stringify({ title: 'x', mark: 'bar' }));
    expect(errorOf(() => loadReport('nms-25-7', dir))).toContain('data.name: expected the data the chart draws');
    writeFileSync(chart, JSON.stringify({ data: { name: 'concerns.raised.by_source' }, mark: 'bar' }));
    expect(errorOf(() => loadReport('nms-25-7', dir))).toContain("title: every chart needs a title");
    writeFileSync(chart, '{ not json');
    expect(errorOf(() => loadReport('nms-25-7', dir))).toContain('not valid JSON');
    const file = join(dir, 'nms-25-7', 'report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('concerns-by-source,', 'concerns-by-sauce,'));
    expect(errorOf(() => loadReport('nms-25-7', dir))).toContain('sections[0].charts[1]: no chart file');
  });

  it('renders a new section with a new chart and table added only in reports/', async () => {
    const dir = copyReports();
    writeFileSync(join(dir, 'nms-25-7', 'charts', 'severity-now.vl.json'), JSON.stringify({
      title: 'Overdue actions by severity (added by an analyst)',
      data: { name: 'concerns.overdue_actions.by_severity' },
      mark: 'arc',
      encoding: { theta: { field: 'value', type: 'quantitative' }, color: { field: 'category', type: 'nominal' } },
    }));
    const file = join(dir, 'nms-25-7', 'report.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('evidence: [concerns.*]', [
      '  - id: analyst-extra',
      '    title: Added without touching src',
      '    intro: "Overdue actions at Northmoor: {concerns.overdue_actions.northmoor.count}."',
      '    charts: [severity-now]',
      '    tables: [concerns.raised.by_source]',
      'evidence: [concerns.*]',
    ].join('\n')));
    const report = loadReport('nms-25-7', dir);
    const outDir = mkdtempSync(join(tmpdir(), 'raa-extra-'));
    const data = fixtureReportData(reports['nms-25-7'], 'internal');
    await writeReport({ data, report, suppression: { maxCount: 5, symbol: 'c' }, formats: ['html', 'csv'], outDir, say: () => {} });
    const html = readFileSync(join(outDir, 'nms-25-7-internal.html'), 'utf8');
    expect(html).toContain('<h2>Added without touching src</h2>');
    expect(html).toContain('Overdue actions at Northmoor: 2.');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*><title id="chart-\d+-title">Overdue actions by severity \(added by an analyst\)<\/title>/);
    expect(readFileSync(join(outDir, 'nms-25-7-internal-csv', 'analyst-extra--concerns.raised.by_source.csv'), 'utf8')).toContain('Complaint,');
  });
});
