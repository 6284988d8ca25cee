// A prepared report → one self-contained HTML document: inline CSS and SVG, no scripts, fonts or links that leave the file.
import { escapeHtml } from './escapeHtml.js';
import { longMonth } from './fillNarrative.js';
import { ragText } from './formatFigure.js';
import { htmlStyles } from './htmlStyles.js';
import { tableHtml, tileHtml, ragBadge } from './htmlParts.js';
import type { PreparedReport, PreparedSection } from './prepareReport.js';

export function renderHtml(p: PreparedReport): string {
  const { data, report } = p;
  const d = report.definition;
  const title = `${d.title} — ${data.region}, ${longMonth(data.period)}`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${htmlStyles}</style>
</head>
<body>
${cover(p)}
${p.sections.map((s) => section(p, s)).join('\n')}
${evidence(p)}
<footer>${escapeHtml(`${d.title} (NMS ${d.standard.code}) · ${data.region} · ${longMonth(data.period)} · ${data.audience} · generated ${data.generatedAt}`)}</footer>
</body>
</html>
`;
}

function cover(p: PreparedReport): string {
  const { data, report, suppressed: s } = p;
  const d = report.definition;
  const audience =
    data.audience === 'internal'
      ? '<span class="audience-internal">Internal</span> — every figure as computed, with record identifiers; not for publication'
      : 'Published — disclosure controlled; no record identifiers';
  const names = new Map(data.partners.map((x) => [x.code, x.name]));
  const subs = {
    id: 'submissions',
    title: 'Submissions used (the current accepted file per partner and dataset)',
    columns: ['Partner', 'Dataset', 'File', 'Received', 'Rows loaded', 'SHA-256'],
    rows: [...data.submissions]
      .map((x) => [names.get(x.partner) ?? x.partner, x.dataset, x.fileName, x.receivedAt ? x.receivedAt.replace('T', ' ').replace(/:\d\dZ$/, '') : '–', String(x.rowsLoaded), x.sha256].map((text) => ({ text }))),
    notes: [],
  };
  const subsHtml = tableHtml(subs, { className: 'submissions' }).replace(/<td>([0-9a-f]{64})<\/td>/g, '<td class="hash">$1</td>');
  return `<header class="cover">
<p class="eyebrow">Adoption National Minimum Standard ${escapeHtml(d.standard.code)} · monitoring report</p>
<h1>${escapeHtml(d.title)}</h1>
${d.summary ? `<p>${escapeHtml(d.summary)}</p>` : ''}
<blockquote>${escapeHtml(d.standard.text)}</blockquote>
<dl class="facts">
<div><dt>Region</dt><dd>${escapeHtml(data.region)}</dd></div>
<div><dt>Period</dt><dd>${escapeHtml(longMonth(data.period))}<span class="sub">month ending ${escapeHtml(data.periodEnd)}</span></dd></div>
<div><dt>Audience</dt><dd>${data.audience === 'internal' ? '<span class="audience-internal">Internal</span>' : 'Published'}</dd></div>
<div><dt>Generated</dt><dd>${escapeHtml(data.generatedAt.slice(0, 10))}<span class="sub">${escapeHtml(data.generatedAt.slice(11, 16))} UTC</span></dd></div>
</dl>
<p>${audience}.</p>
<nav class="contents"><strong>Contents</strong><ol>${p.sections.map((x) => `<li><a href="#${escapeHtml(x.definition.id)}">${escapeHtml(x.definition.title)}</a></li>`).join('')}${p.evidence.length > 0 ? '<li><a href="#evidence">Evidence lists</a></li>' : ''}</ol></nav>
<p class="key">How to read it: RAG status is shown as a word and a symbol as well as a colour — ${(['green', 'amber', 'red'] as const).map((r) => `${ragBadge(r)} (${ragText[r].letter})`).join(' ')}. ${escapeHtml(s.legend)} <em>not submitted</em>: the partner sent no accepted file for the month, never counted as zero. <em>no cases</em>: nothing to measure, never 0%.</p>
${subsHtml}
</header>`;
}

function section(p: PreparedReport, sec: PreparedSection): string {
  const regionLabel = `${p.data.region} (region)`;
  const s = p.suppressed;
  const d = sec.definition;
  const parts = [
    `<section class="report-section" id="${escapeHtml(d.id)}">`,
    `<h2>${escapeHtml(d.title)}</h2>`,
    sec.intro.length > 0 ? `<div class="intro">${sec.intro.map((x) => `<p>${escapeHtml(x)}</p>`).join('')}</div>` : '',
    sec.tiles.length > 0 ? `<div class="tiles">${sec.tiles.map((t) => tileHtml(t, s)).join('\n')}</div>` : '',
    ...sec.charts.map((c) => `<figure class="chart" id="chart-${escapeHtml(c.name)}"><figcaption>${escapeHtml(c.title)}</figcaption><div>${c.svg}</div><div>${tableHtml(c.table, { regionLabel, s })}</div></figure>`),
    sec.measures.length + sec.tables.length > 0 ? '<div class="measures">' : '',
    ...sec.measures.map(({ measure, tables }) => {
      const wide = tables.some((t) => t.columns.length > 4);
      const body = tables.map((t) => tableHtml(t, { regionLabel, s, hideCaption: t.title === measure.title })).join('\n');
      return `<div class="measure${wide ? ' wide' : ''}" id="${escapeHtml(measure.id)}"><h3>${escapeHtml(measure.title)}</h3>${body}</div>`;
    }),
    ...sec.tables.map((t) => `<div class="measure wide">${tableHtml(t, { regionLabel, s })}</div>`),
    sec.measures.length + sec.tables.length > 0 ? '</div>' : '',
    '</section>',
  ];
  return parts.filter(Boolean).join('\n');
}

function evidence(p: PreparedReport): string {
  if (p.evidence.length === 0) return '';
  return `<section class="report-section" id="evidence">
<h2>Evidence lists</h2>
<p>Internal only. The records behind the figures, by identifier only (no names or personal details), so each can be checked against the case record.</p>
${p.evidence.map((t) => tableHtml(t, { className: 'evidence' })).join('\n')}
</section>`;
}
