// HTML fragments: a table, a tile, a RAG badge. Every text goes through escapeHtml; RAG is always a word and an icon as well as a colour.
import type { Rag } from '../measure/types.js';
import { escapeHtml } from './escapeHtml.js';
import { formatFigure, humanise, ragText, showsSuppressed, type Suppressed } from './formatFigure.js';
import type { PreparedTile } from './prepareReport.js';
import { targetText } from './targetText.js';
import type { Table } from './Table.js';

export function ragBadge(rag: Rag | null | undefined, compact = false): string {
  if (!rag) return '';
  const t = ragText[rag];
  const shown = compact ? t.letter : t.word;
  return `<span class="rag rag-${rag}" title="RAG: ${t.word}"><span aria-hidden="true">${t.icon}</span> ${compact ? `<span aria-hidden="true">${shown}</span><span class="visually-hidden">${t.word}</span>` : shown}</span>`;
}

const count = (n: number) => n.toLocaleString('en-GB');

const gapWords = new Set(['not submitted', 'no cases', '–']);

/** A table with a caption; rows whose first cell names the region are emphasised; notes follow as a list. */
export function tableHtml(t: Table, opts: { regionLabel?: string; className?: string; s?: Suppressed; hideCaption?: boolean } = {}): string {
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map((row) => {
      const isRegion = opts.regionLabel !== undefined && row[0]?.text === opts.regionLabel;
      const cells = row
        .map((c, i) => {
          if (i === 0) return `<th scope="row">${escapeHtml(c.text)}</th>`;
          const gap = gapWords.has(c.text) || c.text === opts.s?.symbol;
          const marked = !gap && opts.s?.marks !== undefined && showsSuppressed(c.text, opts.s);
          return `<td${gap ? ' class="gap"' : marked ? ' class="marked"' : ''}>${escapeHtml(c.text)}${ragBadge(c.rag, true)}</td>`;
        })
        .join('');
      return `<tr${isRegion ? ' class="region"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  // The suppression rule is stated once, in the report's key, not under every table.
  const notes = t.notes.length > 0 ? `<ul class="notes">${t.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return `<table class="${opts.className ?? 'data'}" data-table="${escapeHtml(t.id)}"><caption${opts.hideCaption ? ' class="visually-hidden"' : ''}>${escapeHtml(t.title)}</caption>${head}<tbody>${body}</tbody></table>${notes}`;
}

/** A headline tile: the region's figure, its RAG (word, icon and colour), its target and how it was counted. */
export function tileHtml(tile: PreparedTile, s: Suppressed): string {
  const f = tile.figure;
  const value = formatFigure(f, s, true);
  const isNumber = f !== undefined && !f.suppressed && f.status === 'ok' && f.value !== null;
  const foot: string[] = [];
  if (f?.rag) foot.push(ragBadge(f.rag));
  const target = targetText(f);
  if (target) foot.push(`<span class="tile-target">${escapeHtml(target)}</span>`);
  if (f && isNumber && f.unit === 'percent' && f.numerator !== null && f.denominator !== null) foot.push(`<span>${escapeHtml(`${count(f.numerator)} of ${count(f.denominator)}`)}</span>`);
  const left = tile.measure.region.notSubmitted?.length ?? 0;
  if (left > 0) foot.push(`<span class="left-out">leaves out ${left} partner${left === 1 ? '' : 's'}: not submitted</span>`);
  const figureName = tile.figureName === 'count' || tile.label !== tile.measure.title ? '' : `<span class="tile-figure">${escapeHtml(humanise(tile.figureName).toLowerCase())}</span>`;
  return `<div class="tile rag-${f?.rag ?? 'none'}" data-measure="${escapeHtml(tile.measure.id)}">
  <div class="tile-label">${escapeHtml(tile.label)}${figureName}</div>
  <div class="tile-value${isNumber ? '' : ' word'}">${escapeHtml(value)}</div>
  <div class="tile-foot">${foot.join('')}</div>
</div>`;
}
