// Every chart spec in reports/ compiles in Node to an SVG that is one image with an accessible name and a text summary.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../../src/report/loadReport.js';
import { defaultSuppressed } from '../../src/render/formatFigure.js';
import { describeChart } from '../../src/render/describeChart.js';
import { renderChart } from '../../src/render/renderChart.js';
import { resolveChartData } from '../../src/render/resolveData.js';
import { fixtureReportData } from './fixtures/reportData.js';
import { reports, reportsDir, type ReportId } from './renderFixture.js';

describe.each(Object.keys(reports) as ReportId[])('charts of %s', (id) => {
  const report = loadReport(id, reportsDir);
  const data = fixtureReportData(reports[id], 'internal');
  const files = readdirSync(join(reportsDir, id, 'charts')).filter((f) => f.endsWith('.vl.json'));

  it('uses every chart file in its sections', () => {
    expect([...report.charts.keys()].sort()).toEqual(files.map((f) => f.replace(/\.vl\.json$/, '')).sort());
  });

  it.each(files)('%s compiles to SVG with role="img", <title> and <desc>', async (file) => {
    const chart = report.charts.get(file.replace(/\.vl\.json$/, ''));
    expect(chart).toBeDefined();
    if (!chart) return;
    const cd = resolveChartData(data, chart.dataName, defaultSuppressed);
    expect(cd.rows.length).toBeGreaterThan(0);
    const desc = describeChart(chart.title, cd);
    const svg = await renderChart(chart.spec, chart.dataName, cd.rows, chart.title, desc);
    expect(svg).toMatch(/^<svg\b[^>]*\brole="img"[^>]*>/);
    expect(svg).toMatch(/aria-labelledby="(chart-\d+)-title"/);
    expect(svg).toContain(`<title id=`);
    expect(svg).toContain(`>${chart.title.replaceAll('&', '&amp;')}</title>`);
    expect(svg).toMatch(/<desc id="chart-\d+-desc">[^<]{20,}<\/desc>/);
    expect(svg).toMatch(/<(rect|path|line|text)\b/);
    expect(svg).not.toMatch(/role="graphics-/);
  });
});

describe('renderChart', () => {
  const spec = { mark: 'bar', data: { name: 'd' }, encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } } };
  const labelled = (svg: string) => svg.replace(/chart-\d+-/g, 'chart-N-');

  it('gives the same chart shown twice (two audiences) ids of its own, with the same drawing', async () => {
    const rows = [{ partner: 'North', value: 3 }, { partner: 'South', value: 7 }];
    const a = await renderChart(spec, 'd', rows, 'Title', 'Desc');
    const b = await renderChart(spec, 'd', rows.map((r) => ({ ...r })), 'Title', 'Desc');
    expect(/aria-labelledby="(chart-\d+)-title"/.exec(a)?.[1]).not.toBe(/aria-labelledby="(chart-\d+)-title"/.exec(b)?.[1]);
    expect(labelled(b)).toBe(labelled(a));
  });

  it('draws new data, title and description, never a drawing made for other figures', async () => {
    const a = await renderChart(spec, 'd', [{ partner: 'North', value: 3 }], 'Title', 'Desc');
    const b = await renderChart(spec, 'd', [{ partner: 'North', value: 30 }], 'Title', 'Desc');
    const c = await renderChart(spec, 'd', [{ partner: 'North', value: 3 }], 'Other title', 'Other desc');
    expect(labelled(b)).not.toBe(labelled(a));
    expect(c).toContain('>Other title</title>');
    expect(c).toContain('>Other desc</desc>');
    expect(labelled(c).replace(/<title[^]*<\/desc>/, '')).toBe(labelled(a).replace(/<title[^]*<\/desc>/, ''));
  });
});

describe('describeChart', () => {
  it('summarises a trend with its range and extremes and says what it cannot draw', () => {
    const rows = [
      { month: '2026-01', month_label: 'Jan 2026', value: 4, gap: null, display: '4' },
      { month: '2026-02', month_label: 'Feb 2026', value: null, gap: 'c', display: 'c' },
      { month: '2026-03', month_label: 'Mar 2026', value: 9, gap: null, display: '9' },
      { month: '2026-04', month_label: 'Apr 2026', value: null, gap: null, display: 'not submitted' },
    ];
    const text = describeChart('Concerns', { rows, table: { id: 'x', title: 'x', columns: [], rows: [], notes: [] } });
    expect(text).toBe('Concerns: 4 in Jan 2026 and 9 in Mar 2026; highest 9 in Mar 2026, lowest 4 in Jan 2026. 1 of 4 points are suppressed, drawn as c at zero; 1 of 4 points have no number to draw (not submitted or no cases); the table below gives each.');
  });
});
