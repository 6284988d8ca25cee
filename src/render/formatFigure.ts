// A Figure as people read it: "not submitted", "no cases", the suppression symbol, a note, or the value with its unit;
// in a table cell (internal) with a mark when the published report hides it.
import type { Audience, Figure, Rag, SuppressionKind, Unit } from '../measure/types.js';

/** How suppressed cells are shown (the pipeline's suppression settings and the audience). */
export interface Suppressed {
  symbol: string;
  /** The rule as one sentence, stated once per document (the HTML key, a CSV file's note). */
  legend: string;
  /** Internal audience: the marks after a figure the published report hides, by kind; absent when published. */
  marks?: Record<SuppressionKind, string>;
}

/** The legend for `audience`: published says honestly that a `c` is 1–5 or hidden to protect one; internal says which mark is which. */
export function suppressedFor(s: { symbol: string; minCount?: number; maxCount: number }, audience: Audience): Suppressed {
  const range = `${s.minCount ?? 1} to ${s.maxCount}`;
  if (audience === 'published') {
    return {
      symbol: s.symbol,
      legend: `${s.symbol}: either ${range} (a count, or the number of people or records behind a figure), or hidden so that such a number cannot be worked out from the totals and the other cells shown, in which case it may be 0 or more than ${s.maxCount}. Both are marked ${s.symbol} alike, so that the mark does not tell them apart.`,
    };
  }
  const marks = { primary: `(${s.symbol})`, secondary: `(${s.symbol}*)` };
  return {
    symbol: s.symbol,
    marks,
    legend: `${marks.primary} after a figure: published as ${s.symbol}, being ${range} (primary suppression). ${marks.secondary}: published as ${s.symbol} so that such a number cannot be worked out from the totals and the other cells shown (secondary suppression; it may be 0 or more than ${s.maxCount}). The published report marks both ${s.symbol}.`,
  };
}

export const defaultSuppressed: Suppressed = suppressedFor({ symbol: 'c', maxCount: 5 }, 'published');

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** The figure's text; `withUnit` adds words such as "days" (tiles, sentences) where a table's header would say it. */
export function formatFigure(f: Figure | undefined, s: Suppressed = defaultSuppressed, withUnit = false): string {
  if (!f) return '–';
  if (f.suppressed) return s.symbol;
  if (f.status === 'not_submitted') return 'not submitted';
  if (f.status === 'no_cases') return 'no cases';
  if (f.note !== undefined && f.value === null) return f.note;
  if (f.value === null) return '–';
  return formatValue(f.value, f.unit, withUnit);
}

/** A table cell's text: the figure, and (internal) the mark of its kind when the published report hides it. */
export function formatCell(f: Figure | undefined, s: Suppressed = defaultSuppressed, withUnit = false): string {
  const text = formatFigure(f, s, withUnit);
  const mark = f?.suppression && !f.suppressed ? s.marks?.[f.suppression] : undefined;
  return mark ? `${text} ${mark}` : text;
}

/** True when a table cell's text shows a suppressed figure: the symbol (published) or a figure with its mark (internal). */
export function showsSuppressed(text: string, s: Suppressed): boolean {
  return text === s.symbol || Object.values(s.marks ?? {}).some((m) => text.endsWith(` ${m}`));
}

export function formatValue(v: number, unit: Unit, withUnit = false): string {
  switch (unit) {
    case 'count':
      return integer.format(v);
    case 'percent':
      return `${v.toFixed(1)}%`;
    case 'gbp':
      return pounds.format(v);
    case 'score':
      return `${v > 0 ? '+' : ''}${oneDecimal.format(v)}`;
    case 'days':
    case 'months':
    case 'fte':
      return withUnit ? `${oneDecimal.format(v)} ${unitWord(unit, v)}` : oneDecimal.format(v);
    case 'rate':
      return oneDecimal.format(v);
  }
}

/** The word a table header puts after a column name, or '' when the value carries its own unit. */
export function unitHeader(unit: Unit): string {
  return unit === 'days' ? 'days' : unit === 'months' ? 'months' : unit === 'fte' ? 'FTE' : '';
}

function unitWord(unit: Unit, v: number): string {
  if (unit === 'fte') return 'FTE';
  const word = unit === 'days' ? 'day' : 'month';
  return v === 1 ? word : `${word}s`;
}

/** RAG as words and a symbol, so status never relies on colour alone. */
export const ragText: Record<Rag, { word: string; icon: string; letter: string }> = {
  green: { word: 'Green', icon: '✓', letter: 'G' },
  amber: { word: 'Amber', icon: '!', letter: 'A' },
  red: { word: 'Red', icon: '✕', letter: 'R' },
};

/** `2026-03` → `Mar 2026`. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** `support_waiting_over_90` → `Support waiting over 90`. */
export function humanise(name: string): string {
  const words = name.replace(/_/g, ' ').replace(/\bgbp\b/, '(£)').replace(/\bw12\b/, '(12 months)').replace(/\bp90\b/, '90th percentile');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
