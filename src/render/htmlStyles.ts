// The report's one stylesheet, inlined: system fonts only (no web fonts), a muted palette, accessible RAG colours, A4 print rules.
export const htmlStyles = `
:root { --ink:#1f2933; --muted:#5b6672; --rule:#d9dee3; --soft:#f4f6f8; --accent:#2f5d8a;
  --green:#1e6b35; --green-bg:#e3f1e6; --amber:#7a4d00; --amber-bg:#fcefd2; --red:#a4261d; --red-bg:#fbe3e0; }
* { box-sizing: border-box; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
html { font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; color: var(--ink); background: #fff; font-size: 15px; line-height: 1.5; }
body { margin: 0 auto; max-width: 1040px; padding: 32px 40px 64px; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 8px; font-weight: 700; letter-spacing: -0.01em; }
h2 { font-size: 1.45rem; margin: 0 0 12px; padding-bottom: 8px; border-bottom: 3px solid var(--accent); }
h3 { font-size: 1.08rem; margin: 28px 0 8px; }
p { margin: 0 0 12px; max-width: 72ch; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78rem; color: var(--muted); margin: 0 0 6px; }
.cover { padding-bottom: 8px; }
.standard { margin: 12px 0 10px; max-width: 80ch; }
.standard blockquote { margin: 0; padding: 8px 16px; border-left: 4px solid var(--accent); background: var(--soft); font-style: italic; }
.standard blockquote p { margin: 0; max-width: none; }
.standard figcaption { font-size: 0.8rem; color: var(--muted); margin: 4px 0 0 20px; }
.audience { font-size: 0.9rem; margin: 0 0 8px; }
.facts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 10px; margin: 10px 0; }
.facts div { background: var(--soft); border-radius: 6px; padding: 4px 12px; }
.facts dt { font-size: 0.75rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
.facts dd { margin: 2px 0 0; font-weight: 600; }
.facts .sub { display: block; font-weight: 400; font-size: 0.8rem; color: var(--muted); }
a { color: var(--accent); }
.audience-internal { color: var(--red); }
.key { font-size: 0.85rem; color: var(--muted); }
.contents ol { margin: 4px 0 16px 20px; padding: 0; }
section.report-section { margin-top: 48px; }
.purpose h2 { font-size: 1.1rem; border-bottom-width: 1px; padding-bottom: 4px; margin-bottom: 8px; }
.purpose p { margin-bottom: 6px; max-width: 110ch; }
.cover .eyebrow { max-width: none; }
section.summary { margin-top: 20px; }
table.summary-table th, table.summary-table td { text-align: left; vertical-align: middle; }
table.summary-table td.value { text-align: right; font-weight: 700; white-space: nowrap; }
table.summary-table tr.group th { background: var(--soft); font-weight: 700; color: var(--ink); padding-top: 8px; }
table.summary-table td.target { color: var(--muted); }
section.appendix-part { margin-top: 28px; }
section.appendix-part h3 { font-size: 1.2rem; }
.intro p { font-size: 1.02rem; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 14px; margin: 20px 0 8px; }
.tile { border: 1px solid var(--rule); border-radius: 8px; padding: 14px 16px 12px; display: flex; flex-direction: column; gap: 6px; min-height: 132px; background: #fff; }
.tile-label { font-size: 0.85rem; color: var(--muted); line-height: 1.3; }
.tile-value { font-size: 1.9rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.tile-value.word { font-size: 1.2rem; color: var(--muted); }
.tile-foot { margin-top: auto; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; font-size: 0.8rem; color: var(--muted); }
.tile.rag-none { border-top: 5px solid var(--rule); } .tile.rag-green { border-top: 5px solid var(--green); } .tile.rag-amber { border-top: 5px solid var(--amber); } .tile.rag-red { border-top: 5px solid var(--red); }
.rag { display: inline-flex; align-items: center; gap: 4px; border-radius: 999px; padding: 1px 8px; font-size: 0.78rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.rag-green .rag, .rag.rag-green { color: var(--green); background: var(--green-bg); }
.rag-amber .rag, .rag.rag-amber { color: var(--amber); background: var(--amber-bg); }
.rag-red .rag, .rag.rag-red { color: var(--red); background: var(--red-bg); }
td .rag { margin-left: 6px; padding: 0 6px; font-size: 0.72rem; }
figure.chart { margin: 24px 0; display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 20px; align-items: start; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figure.chart figcaption { grid-column: 1 / -1; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 0.86rem; font-variant-numeric: tabular-nums; margin: 8px 0; }
caption { text-align: left; font-weight: 600; padding: 4px 0 8px; caption-side: top; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
thead th { font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--ink); font-size: 0.78rem; }
tbody th { font-weight: 400; }
tr.region th, tr.region td { font-weight: 700; background: var(--soft); }
td.gap { color: var(--muted); font-style: italic; }
.notes { font-size: 0.8rem; color: var(--muted); margin: 4px 0 0; padding-left: 18px; }
.measures { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 8px 32px; margin-top: 16px; }
.measure { min-width: 0; break-inside: avoid; }
.measure.wide { grid-column: 1 / -1; }
.measure h3 { margin-top: 20px; }
.tile-figure { display: block; font-size: 0.75rem; text-transform: lowercase; }
figure.chart table { font-size: 0.8rem; }
figure.chart th, figure.chart td { padding: 3px 8px; }
table.submissions th, table.submissions td { text-align: left; padding: 4px 6px; }
table.evidence th, table.evidence td, table.submissions th, table.submissions td { text-align: left; }
.hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.72rem; word-break: break-all; }
footer { margin-top: 48px; font-size: 0.8rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 12px; }
/* Room above and below for the PDF's running header and page numbers. */
@page { size: A4; margin: 18mm 12mm 16mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  section.report-section { break-before: page; margin-top: 0; }
  section.summary table.summary-table { font-size: 8.5pt; }
  section.summary th, section.summary td { padding: 3px 6px; }
  h2, h3, h4, caption, figcaption { break-after: avoid; }
  /* A chart, its title and its data table stay on one page. */
  .tile, figure.chart, figure.chart svg, tr, .notes, .standard { break-inside: avoid; }
  table { break-inside: auto; }
  thead { display: table-header-group; }
  .tiles { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  table.submissions { font-size: 7.5pt; }
  table.submissions .hash { font-size: 6.5pt; }
  .measures { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  a { color: inherit; text-decoration: none; }
}
`;
