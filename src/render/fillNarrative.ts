// Narrative text with `{placeholders}` filled from the figures: `{measure.entity.figure}`, its `.target` and `.limit`,
// `{period}`, `{region}`; unknown ones show "–" and are reported.
import type { ReportData } from '../measure/types.js';
import { formatFigure, type Suppressed } from './formatFigure.js';
import { limitText, targetText } from './targetText.js';

/**
 * `{support.awaiting_allocation.region.count}`: measure id (two words), entity (`region` or a partner code), figure;
 * then optionally `.target` ("target 80% or more (amber from 60%)") or `.limit` ("28 days").
 */
const placeholder = /\{([a-z0-9_]+(?:\.[a-z0-9_-]+)*)\}/g;

export interface Filled {
  text: string;
  /** Placeholders that named no figure in this report. */
  unknown: string[];
}

/** Fill `text`; figures come out as formatFigure writes them with units ("12 days", "c", "not submitted"). */
export function fillNarrative(text: string, data: ReportData, s: Suppressed): Filled {
  const unknown: string[] = [];
  const filled = text.replace(placeholder, (whole, key: string) => {
    const value = lookup(key, data, s);
    if (value === undefined) {
      unknown.push(whole);
      return '–';
    }
    return value;
  });
  return { text: filled, unknown };
}

function lookup(key: string, data: ReportData, s: Suppressed): string | undefined {
  if (key === 'period') return longMonth(data.period);
  if (key === 'region') return data.region;
  const [group, id, entity, figure, about, ...more] = key.split('.');
  if (!group || !id || !entity || !figure || more.length > 0) return undefined;
  const m = data.measures.find((x) => x.id === `${group}.${id}`);
  const e = entity === 'region' ? m?.region : m?.partners[entity];
  const f = e?.figures[figure];
  if (!f) return undefined;
  if (about === undefined) return formatFigure(f, s, true);
  if (about === 'target') return targetText(f) ?? undefined;
  if (about === 'limit') return limitText(f) ?? undefined;
  return undefined;
}

/** `2026-11` → `November 2026`. */
export function longMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
