// The report's "Definitions and method" section, written from the measure catalogue: this month's dates, how every
// measure is computed, and for each measure of the report its definition and the targets in force (as its figures state them).
import { findMeasure, fillTarget, type MeasureDefinition, type TargetNumbers } from '../catalogue/catalogue.js';
import { describeTarget, directionText, unitText, windowText } from '../catalogue/describeTarget.js';
import { methodNotes } from '../catalogue/methodNotes.js';
import { financialYear, windowOf } from '../measure/describeFigure.js';
import { reportPeriod } from '../measure/reportPeriod.js';
import type { MeasureResult } from '../measure/types.js';
import { escapeHtml } from './escapeHtml.js';
import type { PreparedReport } from './prepareReport.js';

const longDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const span = (w: { start: string; end: string }) => `${longDate(w.start)} to ${longDate(w.end)}`;

/** The target numbers in force, read back from the region's figures (the pipeline's, else the catalogue's defaults). */
function targetsInForce(m: MeasureResult, def: MeasureDefinition): TargetNumbers | undefined {
  const t: TargetNumbers = {};
  for (const [name, f] of Object.entries(m.region.figures)) {
    const d = def.figures[name];
    if (d?.timeLimit === 'target' && f.timeLimit) t[f.timeLimit.unit === 'days' ? 'days' : 'horizonMonths'] = f.timeLimit.value;
    if (d?.judged && f.target !== null) {
      if (def.target?.kind === 'ceiling') t.days = f.target;
      else {
        t.green = f.target;
        if (f.amber !== null) t.amber = f.amber;
      }
    }
  }
  return Object.keys(t).length > 0 ? t : undefined;
}

function measureHtml(m: MeasureResult): string {
  const def = findMeasure(m.id);
  if (!def) return '';
  const t = targetsInForce(m, def);
  const fill = (s: string) => escapeHtml(fillTarget(s, t));
  const target = describeTarget(def, t);
  const rows: [string, string | undefined][] = [
    ['Numerator', def.numerator],
    ['Denominator', def.denominator],
    ['Window', def.window],
    ['Left out', def.exclusions],
    ['Appears', def.condition],
    ['Target', target ? `${target}${t?.days !== undefined && def.target?.kind === 'share' ? `, on the share within ${t.days} days` : ''}` : undefined],
  ];
  const figures = Object.entries(def.figures).map(
    ([k, f]) => `<li><code>${escapeHtml(k)}</code>: ${fill(f.title)} (${escapeHtml(unitText[f.unit])}; ${escapeHtml(windowText[f.window])}; ${escapeHtml(directionText(f.direction))})</li>`,
  );
  return `<div class="definition" id="definition-${escapeHtml(m.id)}">
<h3>${escapeHtml(def.title)} <code>${escapeHtml(def.id)}</code></h3>
<p>${fill(def.definition)}</p>
<dl>${rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `<dt>${k}</dt><dd>${fill(v)}</dd>`).join('')}</dl>
<ul class="figures">${figures.join('')}</ul>
</div>`;
}

/** The section's HTML: this month's windows, the method, then each measure the report shows, in its order. */
export function definitionsHtml(p: PreparedReport): string {
  const period = reportPeriod(p.data.period);
  const dates = [
    `The month: ${span(windowOf('month', period))}.`,
    `The twelve months: ${span(windowOf('twelve_months', period))}.`,
    `The financial year ${financialYear(period.fyStart)} to date: ${span(windowOf('financial_year', period))}.`,
  ];
  return `<section class="report-section definitions" id="definitions">
<h2>Definitions and method</h2>
<p>${dates.map(escapeHtml).join(' ')}</p>
<ul class="method">${methodNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>
<p>Targets and RAG thresholds are those set in the pipeline file for this region (the defaults where it sets none); every figure’s target is stated in its own unit.</p>
${p.data.measures.map(measureHtml).join('\n')}
</section>`;
}
