// A computed figure described from the catalogue: its direction, target and amber threshold in force (pipeline file
// over catalogue default), its RAG, the dates it counts over and the time limit it counts against.
import { targetNumbers, type FigureDefinition, type MeasureDefinition, type TargetNumbers, type WindowKind } from '../catalogue/catalogue.js';
import { ragOf, type RagRule } from './figure.js';
import type { ReportPeriod } from './reportPeriod.js';
import type { Figure, FigureWindow, TimeLimit } from './types.js';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDay(Date.UTC(y, m, 0));
};

/** `2026-04-01` → `2026-27`. */
export function financialYear(fyStart: string): string {
  const y = Number(fyStart.slice(0, 4));
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
}

/** The window of a figure over the reporting month; `endDaysEarlier` moves its end back (a time limit every case must have had). */
export function windowOf(kind: WindowKind, p: ReportPeriod, endDaysEarlier = 0): FigureWindow {
  const end = endDaysEarlier > 0 ? isoDay(dayMs(p.end) - endDaysEarlier * 86_400_000) : p.end;
  switch (kind) {
    case 'month':
      return { kind, start: p.monthStart, end };
    case 'twelve_months':
      return { kind, start: p.w12Start, end };
    case 'financial_year':
      return { kind, start: p.fyStart, end, financialYear: financialYear(p.fyStart) };
    case 'last_three_months':
      return { kind, start: `${p.months[9] ?? ''}-01`, end };
    case 'as_at':
      return { kind, start: end, end };
  }
}

/** The window of one trend point: its month, or its month's last day. */
export function pointWindow(points: 'month' | 'as_at', month: string): FigureWindow {
  const end = lastDay(month);
  return points === 'month' ? { kind: 'month', start: `${month}-01`, end } : { kind: 'as_at', start: end, end };
}

function timeLimitOf(d: FigureDefinition, t: TargetNumbers | undefined): TimeLimit | undefined {
  if (d.timeLimit === undefined) return undefined;
  if (d.timeLimit !== 'target') return d.timeLimit;
  if (t?.days !== undefined) return { value: t.days, unit: 'days' };
  if (t?.horizonMonths !== undefined) return { value: t.horizonMonths, unit: 'months' };
  return undefined;
}

/** The RAG rule in force for a judged figure of `m`. */
function ruleOf(m: MeasureDefinition, t: TargetNumbers | undefined): RagRule | undefined {
  if (!m.target || !t) return undefined;
  switch (m.target.kind) {
    case 'share':
      return { kind: 'higher', green: t.green ?? m.target.green, amber: t.amber ?? m.target.amber };
    case 'lower_share':
      return { kind: 'lower', green: t.green ?? m.target.green, amber: t.amber ?? m.target.amber };
    case 'ceiling':
      return { kind: 'ceiling', limit: t.days ?? m.target.days };
    case 'horizon':
      return undefined;
  }
}

export interface FigureContext {
  measure: MeasureDefinition;
  /** The pipeline's `targets` (overrides of the catalogue defaults). */
  targets: unknown;
}

/** `f` with the catalogue's account of it (a new object); `window` as computed by the caller. */
export function describeFigure(f: Figure, d: FigureDefinition | undefined, c: FigureContext, window: FigureWindow): Figure {
  const t = targetNumbers(c.measure.id, c.targets);
  const out: Figure = { ...f, direction: d?.direction ?? null, target: null, amber: null, rag: null, window };
  const rule = d?.judged ? ruleOf(c.measure, t) : undefined;
  if (rule) {
    out.target = rule.kind === 'ceiling' ? rule.limit : rule.green;
    out.amber = rule.kind === 'ceiling' ? null : rule.amber;
    out.rag = f.status === 'ok' ? ragOf(f.value, rule) : null;
  }
  const limit = d ? timeLimitOf(d, t) : undefined;
  if (limit) out.timeLimit = limit;
  return out;
}

/** How many days before the month end a figure's window closes (its time limit, when it must have run in full). */
export function endDaysEarlier(d: FigureDefinition, c: FigureContext): number {
  if (!d.endsBeforeTimeLimit) return 0;
  return targetNumbers(c.measure.id, c.targets)?.days ?? 0;
}
