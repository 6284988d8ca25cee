// A prepared report → one self-contained HTML document: inline CSS and SVG, no scripts, fonts or links that leave the file.
// It reads top-down: cover and purpose, the one-page summary, the sections, then the appendix (data quality and the
// files every figure was computed from, hashes included) and, internal only, the evidence lists.
import { coverHtml } from './coverHtml.js';
import { definitionsHtml } from './definitionsHtml.js';
import { escapeHtml } from './escapeHtml.js';
import { longMonth } from './fillNarrative.js';
import { htmlStyles } from './htmlStyles.js';
import { tableHtml, tileHtml } from './htmlParts.js';
import type { PreparedReport, PreparedSection } from './prepareReport.js';
import { summaryHtml } from './summaryHtml.js';
import type { Table } from './Table.js';

export function renderHtml(p: PreparedReport): string {
  const { data, report } = p;
  const d = report.definition;
  const title = `${d.title} — ${data.region}, ${longMonth(data.period)}`;
  const body = p.sections.filter((s) => !s.definition.appendix);
  const contents = [
    ...body.map((s) => ({ id: s.definition.id, title: s.definition.title })),
    { id: 'definitions', title: 'Definitions and method' },
    { id: 'appendix', title: 'Appendix: data quality and lineage' },
    ...(p.evidence.length > 0 ? [{ id: 'evidence', title: 'Evidence lists (internal only)' }] : []),
  ];
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${htmlStyles}</style>
</head>
<body class="for-${data.audience}">
${coverHtml(p)}
${summaryHtml(p, contents)}
${body.map((s) => section(p, s, 2)).join('\n')}
${definitionsHtml(p)}
${appendix(p)}
${evidence(p)}
<footer>${escapeHtml(`${d.title} (NMS ${d.standard.code}) · ${data.region} · ${longMonth(data.period)} · ${data.audience} · generated ${data.generatedAt}`)}</footer>
</body>
</html>
`;
}

/** A section at heading level `h` (2 in the body, 3 inside the appendix); its measures' headings one level down. */
function section(p: PreparedReport, sec: PreparedSection, h: 2 | 3): string {
  const regionLabel = `${p.data.region} (region)`;
  const s = p.suppressed;
  const d = sec.definition;
  const parts = [
    h === 2 ? `<section class="report-section" id="${escapeHtml(d.id)}">` : `<section class="appendix-part" id="${escapeHtml(d.id)}">`,
    `<h${h}>${escapeHtml(d.title)}</h${h}>`,
    sec.intro.length > 0 ? `<div class="intro">${sec.intro.map((x) => `<p>${escapeHtml(x)}</p>`).join('')}</div>` : '',
    sec.tiles.length > 0 ? `<div class="tiles">${sec.tiles.map((t) => tileHtml(t, s)).join('\n')}</div>` : '',
    ...sec.charts.map((c) => `<figure class="chart" id="chart-${escapeHtml(c.name)}"><figcaption>${escapeHtml(c.title)}</figcaption><div>${c.svg}</div><div>${tableHtml(c.table, { regionLabel, s })}</div></figure>`),
    sec.measures.length + sec.tables.length > 0 ? '<div class="measures">' : '',
    ...sec.measures.map(({ measure, tables }) => {
      const wide = tables.some((t) => t.columns.length > 4);
      const body = tables.map((t) => tableHtml(t, { regionLabel, s, hideCaption: t.title === measure.title })).join('\n');
      return `<div class="measure${wide ? ' wide' : ''}" id="${escapeHtml(measure.id)}"><h${h + 1}>${escapeHtml(measure.title)}</h${h + 1}>${body}</div>`;
    }),
    ...sec.tables.map((t) => `<div class="measure wide">${tableHtml(t, { regionLabel, s })}</div>`),
    sec.measures.length + sec.tables.length > 0 ? '</div>' : '',
    '</section>',
  ];
  return parts.filter(Boolean).join('\n');
}

/** Data quality and lineage: the sections the definition places here, then every file the figures were computed from. */
function appendix(p: PreparedReport): string {
  const { data } = p;
  const names = new Map(data.partners.map((x) => [x.code, x.name]));
  const subs: Table = {
    id: 'submissions',
    title: 'Files the figures were computed from (the current accepted file per partner and dataset)',
    columns: ['Partner', 'Dataset', 'File', 'Received', 'Rows loaded', 'SHA-256'],
    rows: [...data.submissions]
      .map((x) => [names.get(x.partner) ?? x.partner, x.dataset, x.fileName, x.receivedAt ? x.receivedAt.replace('T', ' ').replace(/:\d\dZ$/, '') : '–', String(x.rowsLoaded), x.sha256].map((text) => ({ text }))),
    notes: [],
  };
  const subsHtml = tableHtml(subs, { className: 'submissions' }).replace(/<td>([0-9a-f]{64})<\/td>/g, '<td class="hash">$1</td>');
  return `<section class="report-section appendix" id="appendix">
<h2>Appendix: data quality and lineage</h2>
<p>Every figure in this report was computed from the files listed below: the accepted extract each partner council sent for ${escapeHtml(longMonth(data.period))}, as held in the warehouse. A file's SHA-256 fingerprint identifies its exact bytes, so any figure can be traced to the file it came from and checked again.</p>
${data.audience === 'internal' ? `<p class="explain">Internal: the records behind any figure, each with its file, line and why it counts, are listed by <code>raa explain &lt;pipeline&gt; &lt;measure id&gt; --period ${escapeHtml(data.period)} [--partner &lt;code&gt;] [--figure &lt;name&gt;]</code>, which works the figure out again from them (measure ids and figure names: the definitions section).</p>` : ''}
${p.sections.filter((s) => s.definition.appendix).map((s) => section(p, s, 3)).join('\n')}
<section class="appendix-part" id="lineage">
<h3>Files used</h3>
${subsHtml}
</section>
</section>`;
}

function evidence(p: PreparedReport): string {
  if (p.evidence.length === 0) return '';
  return `<section class="report-section" id="evidence">
<h2>Evidence lists (internal only)</h2>
<p>Internal only. The records behind the figures, by identifier only (no names or personal details), so each can be checked against the case record.</p>
${p.evidence.map((t) => tableHtml(t, { className: 'evidence' })).join('\n')}
</section>`;
}
