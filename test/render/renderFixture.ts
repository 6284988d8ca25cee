// Test helper: render a fixture report with the real definitions in reports/ into a temp folder, returning the paths written.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReport } from '../../src/report/loadReport.js';
import { writeReport, type Format } from '../../src/report/writeReport.js';
import { fixtureReportData } from './fixtures/reportData.js';

export const reportsDir = join(import.meta.dirname, '..', '..', 'reports');
export const reports = { 'nms-25-7': { id: 'nms-25-7', title: 'Issues of concern and action taken', standard: '25.7' }, 'nms-26-4': { id: 'nms-26-4', title: 'Management and outcomes of the service', standard: '26.4' } } as const;
export type ReportId = keyof typeof reports;

export async function renderFixture(id: ReportId, audience: 'internal' | 'published', formats: Format[] = ['html', 'json', 'csv'], outDir = mkdtempSync(join(tmpdir(), 'raa-render-'))) {
  const data = fixtureReportData(reports[id], audience);
  const report = loadReport(id, reportsDir);
  const said: string[] = [];
  const out = await writeReport({ data, report, suppression: { maxCount: 5, symbol: 'c' }, formats, outDir, say: (l) => said.push(l) });
  const base = join(outDir, `${id}-${audience}`);
  return { ...out, outDir, said, data, html: `${base}.html`, json: `${base}.json`, csvDir: `${base}-csv` };
}
