// A Figure as people read it: "not submitted", "no cases", the suppression symbol, a note, or the value with its unit.
import type { Figure, Rag, Unit } from '../measure/types.js';

/** How suppressed cells are shown (the pipeline's suppression settings). */
export interface Suppressed {
  symbol: string;
  /** The footnote, e.g. "fewer than 6". */
  meaning: string;
}

export const defaultSuppressed: Suppressed = { symbol: 'c', meaning: 'fewer than 6' };

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
