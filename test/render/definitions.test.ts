// Each HTML report has a "Definitions and method" section written from the catalogue: this month's dates, the method,
// and every measure of the report with its definition and the targets in force (the pipeline file's when it sets them).
import { afterAll, describe, expect, it } from 'vitest';
import { catalogue } from '../../src/catalogue/catalogue.js';
import { computeMeasures } from '../../src/measure/computeMeasures.js';
import { suppressedFor } from '../../src/render/formatFigure.js';
import { prepareReport } from '../../src/render/prepareReport.js';
import { renderHtml } from '../../src/render/renderHtml.js';
import { buildReportData } from '../../src/report/buildReportData.js';
import { loadReport } from '../../src/report/loadReport.js';
import { cleanup, newWarehouse, pipeline, submit } from '../measure/warehouseFixture.js';
import { reportsDir } from './renderFixture.js';

afterAll(cleanup);

/** The nms-26-4 internal HTML for October 2026 over a few support requests, under a pipeline with `extra` settings. */
async function html(extra: string, audience: 'internal' | 'published' = 'internal'): Promise<string> {
  const db = await newWarehouse();
  const rows = [{ received_date: '2026-10-01', allocated_date: '2026-10-20' }, { received_date: '2026-10-01', allocated_date: '2026-10-05' }];
  await submit(db, { partner: 'a', period: '2026-10', dataset: 'support', rows });
  const p = pipeline(['a'], extra);
  const report = loadReport('nms-26-4', reportsDir);
  const data = buildReportData({ computed: await computeMeasures(db, p, '2026-10'), pipeline: p, period: '2026-10', definition: report.definition, chartData: [...report.charts.values()].map((c) => c.dataName), audience, generatedAt: '2026-11-20T09:00:00Z' });
  return renderHtml(await prepareReport(data, report, suppressedFor(p.suppression, audience)));
}

const section = (doc: string) => /<section class="report-section definitions" id="definitions">[^]*?<\/section>/.exec(doc)?.[0] ?? '';

describe('Definitions and method', () => {
  it("states the month's windows, the method, and every measure of the report with its definition, after the sections and before the appendix", async () => {
    const doc = await html('');
    const s = section(doc);
    expect(s).toContain('<h2>Definitions and method</h2>');
    expect(s).toContain('The month: 1 October 2026 to 31 October 2026. The twelve months: 1 November 2025 to 31 October 2026. The financial year 2026-27 to date: 1 April 2026 to 31 October 2026.');
    expect(s).toContain('never an average of averages');
    for (const m of catalogue.filter((x) => x.standard === '26.4' && !x.datasets.includes('workforce'))) expect(s, m.id).toContain(`id="definition-${m.id}"`);
    expect(s).not.toContain('definition-concerns.');
    expect(s).toContain('How long requests waited from being received to being allocated to a worker: the median and 90th percentile of the days, and the share allocated within 28 days.');
    expect(s).toContain('<dt>Target</dt><dd>green at or above 80%, amber at or above 60%, else red, on the share within 28 days</dd>');
    expect(s).toContain('<dt>Target</dt><dd>green at or under 426 days, else red (no amber band)</dd>');
    expect(doc.indexOf('id="definitions"')).toBeLessThan(doc.indexOf('id="appendix"'));
    expect(doc.indexOf('id="definitions"')).toBeGreaterThan(doc.indexOf('id="children"'));
    expect(doc).toContain('<a href="#definitions">');
  });

  it('states the targets the pipeline file sets, in their own unit', async () => {
    const s = section(await html('targets:\n  support:\n    days_to_allocation: { days: 10, green: 50, amber: 40 }\n  children:\n    a10: { days: 400 }\n'));
    expect(s).toContain('the share allocated within 10 days.');
    expect(s).toContain('<dt>Target</dt><dd>green at or above 50%, amber at or above 40%, else red, on the share within 10 days</dd>');
    expect(s).toContain('<dt>Target</dt><dd>green at or under 400 days, else red (no amber band)</dd>');
    expect(s).not.toContain('28 days');
  });

  it('tells the internal reader how to list the records behind a figure (raa explain), and the published one nothing of it', async () => {
    expect(await html('')).toContain('<code>raa explain &lt;pipeline&gt; &lt;measure id&gt; --period 2026-10 [--partner &lt;code&gt;] [--figure &lt;name&gt;]</code>');
    expect(await html('', 'published')).not.toContain('raa explain');
  });
});
