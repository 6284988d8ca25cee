// The one escape function, and hostile text from extracts and configuration arriving escaped in the HTML report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/render/escapeHtml.js';
import { renderChart } from '../../src/render/renderChart.js';
import { renderFixture } from './renderFixture.js';

describe('escapeHtml', () => {
  it('escapes markup, both quotes and ampersands', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`it's "Tom & Jerry"`)).toBe('it&#39;s &quot;Tom &amp; Jerry&quot;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });

  it('leaves no raw markup from data in the report', async () => {
    const html = readFileSync((await renderFixture('nms-25-7', 'internal', ['html'])).html, 'utf8');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt;');
    expect(html).toContain('Westholm &quot;City&quot; Council &amp; &lt;Partners&gt;');
    expect(html).not.toContain('<Partners>');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;)&lt;b&gt;.csv');
  });

  it('escapes text inside charts: labels, title and summary', async () => {
    const spec = { data: { name: 'a.b.partners' }, mark: 'bar', encoding: { y: { field: 'partner', type: 'nominal', axis: { labelLimit: 1000 } }, x: { field: 'value', type: 'quantitative' } } };
    const svg = await renderChart(spec, 'a.b.partners', [{ partner: '<script>alert("x")</script> & co', value: 3 }], 'T <b>', 'D & "q"');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; co');
    expect(svg).toContain('<title id="chart-');
    expect(svg).toContain('>T &lt;b&gt;</title>');
    expect(svg).toContain('>D &amp; &quot;q&quot;</desc>');
  });
});
