// CSV output: one file per table, formula-looking text neutralised, numbers left as numbers, RAG in its own column, JSON stable.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, tableCsv } from '../../src/render/renderCsv.js';
import { renderJson } from '../../src/render/renderJson.js';
import { fixtureReportData } from './fixtures/reportData.js';
import { renderFixture, reports } from './renderFixture.js';

describe('CSV', () => {
  it('neutralises text that a spreadsheet would run, and keeps numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('+cmd|')).toBe(`'+cmd|`);
    expect(csvCell('-2+3')).toBe(`'-2+3`);
    for (const n of ['-2', '+0.8', '12.5%', '1,387', '0']) expect(csvCell(n)).toBe(n);
    const text = tableCsv({ id: 't', title: 't', columns: ['', 'Share'], rows: [[{ text: '=1+1' }, { text: '39.1%', rag: 'red' }]], notes: ['a, "quoted" note'] });
    expect(text).toBe(`Name,Share,Share RAG\r\n'=1+1,39.1%,Red\r\n"Note: a, ""quoted"" note"\r\n`);
  });

  it('writes one file per table, every one readable, evidence ids neutralised', async () => {
    const out = await renderFixture('nms-25-7', 'internal', ['csv']);
    const files = readdirSync(out.csvDir);
    expect(files).toContain('raised--concerns.raised.partners.csv');
    expect(files).toContain('raised--concerns.raised.by_source.csv');
    expect(files).toContain('raised--concerns.raised.trend.csv');
    expect(files).toContain('evidence--evidence.concerns.overdue_actions.csv');
    for (const f of files) expect(() => parse(readFileSync(join(out.csvDir, f), 'utf8'), { relax_column_count: true })).not.toThrow();
    const unactioned = readFileSync(join(out.csvDir, 'evidence--evidence.concerns.unactioned.csv'), 'utf8');
    expect(unactioned).toContain(`'@SUM(A1),rivermead,low,11`);
  });
});

describe('JSON', () => {
  it('is the ReportData as it is, keys sorted, 2-space indent, the same bytes for the same data', () => {
    const data = fixtureReportData(reports['nms-26-4'], 'internal');
    const text = renderJson(data);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(text).toBe(renderJson(structuredClone(data)));
    expect(text.startsWith('{\n  "audience": "internal",\n  "evidence": [')).toBe(true);
  });
});
