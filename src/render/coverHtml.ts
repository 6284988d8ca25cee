// The report's opening: what it is (standard, title), for where, when and whom, the standard's words quoted exactly
// with their source, and what the report is for. Compact, so the summary that follows is on the first screen.
import { escapeHtml } from './escapeHtml.js';
import { longMonth } from './fillNarrative.js';
import type { PreparedReport } from './prepareReport.js';

export function coverHtml(p: PreparedReport): string {
  const { data, report } = p;
  const d = report.definition;
  const internal = data.audience === 'internal';
  const audience = internal
    ? '<strong class="audience-internal">Internal — not for publication.</strong> Every figure as computed, with record identifiers.'
    : 'Published. Small numbers are hidden (disclosure control); no record identifiers.';
  return `<header class="cover">
<p class="eyebrow">Adoption National Minimum Standard ${escapeHtml(d.standard.code)} · monthly monitoring report</p>
<h1>${escapeHtml(d.title)}</h1>
<dl class="facts">
<div><dt>Region</dt><dd>${escapeHtml(data.region)}</dd></div>
<div><dt>Period</dt><dd>${escapeHtml(longMonth(data.period))}<span class="sub">month ending ${escapeHtml(data.periodEnd)}</span></dd></div>
<div><dt>Audience</dt><dd>${internal ? '<span class="audience-internal">Internal</span>' : 'Published'}</dd></div>
<div><dt>Generated</dt><dd>${escapeHtml(data.generatedAt.slice(0, 10))}<span class="sub">${escapeHtml(data.generatedAt.slice(11, 16))} UTC</span></dd></div>
</dl>
<figure class="standard">
<blockquote><p>${escapeHtml(d.standard.text)}</p></blockquote>
<figcaption>${escapeHtml(`Standard ${d.standard.code}, quoted from`)} <cite>${escapeHtml(d.standard.source)}</cite></figcaption>
</figure>
<p class="audience">${audience}</p>
</header>
<section class="purpose" id="purpose" aria-labelledby="purpose-title">
<h2 id="purpose-title">Purpose of this report</h2>
${p.purpose.map((x) => `<p>${escapeHtml(x)}</p>`).join('\n')}
</section>`;
}
