// A report definition checked against the measure catalogue: every measure, figure, breakdown and trend it names must
// exist, so a typo is a configuration error when the report is loaded, before any partner's data is touched.
import { catalogue, findMeasure } from '../catalogue/catalogue.js';
import { matchesPattern, type ReportDefinition } from '../config/ReportDefinition.js';

export interface DefinitionIssue {
  /** Key path in report.yaml, e.g. `['sections', 0, 'tiles', 2, 'figure']`. */
  path: (string | number)[];
  message: string;
  /** Text inside the value to point at (a placeholder in a narrative). */
  find?: string;
}

const list = (xs: readonly string[]) => xs.join(', ') || 'none';
const groupOf = (id: string) => id.split('.')[0] ?? '';

/** Why `id` is not a measure of the catalogue, naming those of its group; undefined when it is one. */
function unknownMeasure(id: string): string | undefined {
  if (findMeasure(id)) return undefined;
  const same = catalogue.filter((m) => groupOf(m.id) === groupOf(id)).map((m) => m.id);
  return `no measure "${id}"; ${same.length ? `the ${groupOf(id)} measures are ${list(same)}` : `measure groups are ${list([...new Set(catalogue.map((m) => groupOf(m.id)))])}`} (docs/measures.md)`;
}

function unknownFigure(id: string, figure: string): string | undefined {
  const m = findMeasure(id);
  if (!m || m.figures[figure]) return undefined;
  return `${id} has no figure "${figure}"; its figures are ${list(Object.keys(m.figures))} (docs/measures.md)`;
}

/**
 * Why a data name (reports/README.md) names nothing: `<measure>.trend`, `.trends`, `.partners`, `.partners.<figure>`
 * or `.<breakdown>`. Undefined when it is sound.
 */
export function dataNameIssue(name: string): string | undefined {
  const [group = '', id = '', kind = '', sub, ...more] = name.split('.');
  const measureId = `${group}.${id}`;
  const bad = unknownMeasure(measureId);
  if (bad) return bad;
  const m = findMeasure(measureId);
  if (!m) return undefined;
  const trends = Object.keys(m.trends ?? {});
  const breakdowns = Object.keys(m.breakdowns ?? {});
  const expected = `expected ${measureId}.partners, .partners.<figure>${trends.length ? ', .trend' : ''}${trends.length > 1 ? ', .trends' : ''}${breakdowns.length ? ` or a breakdown (${list(breakdowns.map((b) => `.${b}`))})` : ''}`;
  if (more.length > 0) return `"${name}": ${expected}`;
  if (kind === 'partners') return sub === undefined ? undefined : unknownFigure(measureId, sub);
  if (sub !== undefined) return `"${name}": ${expected}`;
  if (kind === 'trend') return trends.length ? undefined : `${measureId} has no monthly trend; ${expected}`;
  if (kind === 'trends') return trends.length > 1 ? undefined : `${measureId} has ${trends.length ? 'one trend: use .trend' : 'no monthly trend'}; ${expected}`;
  if (breakdowns.includes(kind)) return undefined;
  return `${measureId} has no breakdown "${kind}"; ${expected}`;
}

/** `{group.id.entity.figure}` placeholders of a narrative (`{period}` and `{region}` are not about a measure). */
const placeholder = /\{([a-z0-9_]+)\.([a-z0-9_]+)\.([a-z0-9_-]+)\.([a-z0-9_]+)\}/g;

/** Every name in `d` that the catalogue does not have. */
export function definitionIssues(d: ReportDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const pattern = (p: string, path: (string | number)[], also: (id: string) => boolean = () => true) => {
    if (p.endsWith('.*')) {
      if (!catalogue.some((m) => matchesPattern(m.id, p) && also(m.id))) issues.push({ path, message: `"${p}" matches no measure; measure groups are ${list([...new Set(catalogue.map((m) => `${groupOf(m.id)}.*`))])} (docs/measures.md)` });
      return;
    }
    const bad = unknownMeasure(p);
    if (bad) issues.push({ path, message: bad });
  };
  for (const [i, s] of d.sections.entries()) {
    s.measures.forEach((p, j) => pattern(p, ['sections', i, 'measures', j]));
    s.tiles.forEach((t, j) => {
      const bad = unknownMeasure(t.measure);
      if (bad) issues.push({ path: ['sections', i, 'tiles', j], message: bad });
      else if (t.figure !== undefined) {
        const noFigure = unknownFigure(t.measure, t.figure);
        if (noFigure) issues.push({ path: ['sections', i, 'tiles', j, 'figure'], message: noFigure });
      }
    });
    s.tables.forEach((name, j) => {
      const bad = dataNameIssue(name);
      if (bad) issues.push({ path: ['sections', i, 'tables', j], message: bad });
    });
    for (const [whole, group = '', id = '', , figure = ''] of s.intro.matchAll(placeholder)) {
      const bad = unknownMeasure(`${group}.${id}`) ?? unknownFigure(`${group}.${id}`, figure);
      if (bad) issues.push({ path: ['sections', i, 'intro'], message: `${whole}: ${bad}`, find: whole });
    }
  }
  d.evidence.forEach((p, j) => {
    const withEvidence = catalogue.filter((m) => m.evidence).map((m) => m.id);
    if (p.endsWith('.*')) pattern(p, ['evidence', j], (id) => withEvidence.includes(id));
    else if (!withEvidence.includes(p)) issues.push({ path: ['evidence', j], message: `no evidence list "${p}"; the evidence lists are ${list(withEvidence)}` });
  });
  return issues;
}
