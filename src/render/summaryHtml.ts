// The one-page summary: each headline figure with its RAG, its target in its own unit, and its change since last
// month and since the same month last year, grouped by section; then how to read the report, and its contents.
import { escapeHtml } from './escapeHtml.js';
import { formatMonth, ragText } from './formatFigure.js';
import { ragBadge } from './htmlParts.js';
import type { PreparedReport } from './prepareReport.js';

export function summaryHtml(p: PreparedReport, contents: readonly { id: string; title: string }[]): string {
  const { data, comparisons: c, suppressed: s } = p;
  const groups = [...new Set(p.summary.map((r) => r.section))];
  const month = (period: string, fallback: string) => (period ? formatMonth(period) : fallback);
  const head = ['Measure', formatMonth(data.period), 'RAG', 'Target', `Since ${month(c.lastMonth.period, 'last month')}`, `Since ${month(c.lastYear.period, 'a year before')}`];
  const body = groups
    .map((g) => {
      const rows = p.summary.filter((r) => r.section === g).map((r) => {
        const gap = (text: string) => (text === 'no data' || text === s.symbol ? ' class="gap"' : '');
        return `<tr data-measure="${escapeHtml(r.measureId)}"><th scope="row">${escapeHtml(r.label)}</th><td class="value">${escapeHtml(r.value)}</td><td>${ragBadge(r.rag) || '–'}</td><td class="target">${escapeHtml(r.target ?? 'no target')}</td><td${gap(r.sinceLastMonth)}>${escapeHtml(r.sinceLastMonth)}</td><td${gap(r.sinceLastYear)}>${escapeHtml(r.sinceLastYear)}</td></tr>`;
      });
      return `<tbody><tr class="group"><th scope="rowgroup" colspan="${head.length}">${escapeHtml(g)}</th></tr>\n${rows.join('\n')}</tbody>`;
    })
    .join('\n');
  return `<section class="report-section summary" id="summary" aria-labelledby="summary-title">
<h2 id="summary-title">Summary: ${escapeHtml(formatMonth(data.period))}</h2>
<table class="summary-table" data-table="summary"><caption class="visually-hidden">Headline figures for ${escapeHtml(data.region)}, with their targets and changes</caption>
<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
${body}
</table>
<p class="key">How to read it: figures are for ${escapeHtml(data.region)} as a whole; each section below gives every partner council beside it. RAG status is shown as a word and a symbol as well as a colour — ${(['green', 'amber', 'red'] as const).map((r) => `${ragBadge(r)} (${ragText[r].letter})`).join(' ')}. A change is the figure now less the figure then, in the figure's own unit (percentage points for a percentage); <em>better</em> or <em>worse</em> follows the direction the target sets. <em>no data</em>: the warehouse holds no figures for that month. ${escapeHtml(s.legend)} <em>not submitted</em>: the partner sent no accepted file for the month, never counted as zero. <em>no cases</em>: nothing to measure, never 0%.</p>
<nav class="contents" aria-label="Contents"><strong>Contents</strong><ol>${contents.map((x) => `<li><a href="#${escapeHtml(x.id)}">${escapeHtml(x.title)}</a></li>`).join('')}</ol></nav>
</section>`;
}
