// The one escape function, and hostile text from extracts and configuration arriving escaped in the HTML report.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/render/escapeHtml.js';
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
});
