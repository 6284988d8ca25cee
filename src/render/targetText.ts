// A figure's target in its own unit, as a reader needs it beside the figure: "within 28 days: target 80% or more
// (amber from 60%)", "target 426 days or less". Read from the figure itself (the pipeline file's targets, applied when
// the figure was computed), so a tile, a table note and a sentence can never disagree.
import type { Figure, Unit } from '../measure/types.js';
import { formatValue, humanise } from './formatFigure.js';

/** A threshold in the figure's unit: `80%`, `426 days`, `£3,000`. */
function threshold(v: number, unit: Unit): string {
  return unit === 'percent' ? `${Number.isInteger(v) ? v : v.toFixed(1)}%` : formatValue(v, unit, true);
}

/** The time limit a share counts against, e.g. "28 days", "2 months"; null when the figure has none. */
export function limitText(f: Figure | undefined): string | null {
  const t = f?.timeLimit;
  if (!t) return null;
  const word = t.unit === 'days' ? 'day' : 'month';
  return `${t.value} ${t.value === 1 ? word : `${word}s`}`;
}

/** "target 80% or more (amber from 60%)" without the time limit; null when the figure has no target. */
function goal(f: Figure): string | null {
  if (f.target === null) return null;
  const lower = f.direction === 'lower';
  const amber = f.amber === null || f.amber === undefined ? '' : ` (amber ${lower ? 'up to' : 'from'} ${threshold(f.amber, f.unit)})`;
  return `target ${threshold(f.target, f.unit)} ${lower ? 'or less' : 'or more'}${amber}`;
}

/** "within 28 days: target 80% or more (amber from 60%)"; null when the figure has no target. */
export function targetText(f: Figure | undefined): string | null {
  const g = f ? goal(f) : null;
  if (!f || !g) return null;
  const limit = limitText(f);
  return `${limit ? `within ${limit}: ` : ''}${g}`;
}

/** A table's footnote for one figure: "Within target: the share within 28 days; target 80% or more (amber from 60%)." */
export function targetNote(name: string, f: Figure | undefined): string | null {
  const g = f ? goal(f) : null;
  if (!f || !g) return null;
  const limit = limitText(f);
  return `${humanise(name)}: ${limit ? `the share within ${limit}; ` : ''}${g}.`;
}
