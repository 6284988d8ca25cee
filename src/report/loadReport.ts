// Read `reports/<id>/report.yaml` and its `charts/*.vl.json`: a checked LoadedReport, or a ReportDefinitionError naming file:line, key and what is expected.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../errors/RaaError.js';
import { dataNameIssue, definitionIssues } from './checkDefinition.js';
import { ReportDefinition, type ChartSpec, type LoadedReport } from '../config/ReportDefinition.js';

/** A report definition or chart spec is missing or wrong. One line per finding: `file:line:col: key: message`. */
export class ReportDefinitionError extends UsageError {
  constructor(readonly file: string, lines: string[]) {
    super(lines.join('\n'));
  }
}

/** The report ids available: folders under `reportsDir` holding a `report.yaml`. */
export function listReports(reportsDir: string): string[] {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(reportsDir, d.name, 'report.yaml')))
    .map((d) => d.name)
    .sort();
}

/** Load and check the report `id` from `reportsDir` (default `reports/` under the working directory). */
export function loadReport(id: string, reportsDir = resolve('reports')): LoadedReport {
  const dir = join(reportsDir, id);
  const file = join(dir, 'report.yaml');
  if (!existsSync(file)) throw new ReportDefinitionError(file, [`${file}: no such report; reports available: ${listReports(reportsDir).join(', ') || 'none'}`]);
  const definition = parseDefinition(readFileSync(file, 'utf8'), file);
  if (definition.id !== id) throw new ReportDefinitionError(file, [`${file}: id: "${definition.id}" must be the folder name "${id}"`]);
  const charts = new Map<string, ChartSpec>();
  for (const [i, section] of definition.sections.entries()) {
    for (const [j, name] of section.charts.entries()) {
      if (!charts.has(name)) charts.set(name, readChart(join(dir, 'charts', `${name}.vl.json`), `${file}: sections[${i}].charts[${j}]`));
    }
  }
  return { definition, dir, charts };
}

/** Parse and check report YAML; `file` names it in messages. */
export function parseDefinition(text: string, file: string): ReportDefinition {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ReportDefinitionError(file, doc.errors.map((e) => `${file}:${e.linePos?.[0].line ?? 1}:${e.linePos?.[0].col ?? 1}: invalid YAML: ${e.message.split('\n')[0] ?? ''}`));
  }
  const parsed = ReportDefinition.safeParse(doc.toJS());
  if (!parsed.success) throw new ReportDefinitionError(file, parsed.error.issues.map((issue) => describeIssue(issue, doc, lc, file)));
  // Every measure, figure, breakdown and trend it names must be in the catalogue: a typo stops here, before any load.
  const issues = definitionIssues(parsed.data);
  if (issues.length === 0) return parsed.data;
  throw new ReportDefinitionError(file, issues.map((i) => {
    const from = offsetOf(doc, i.path);
    const { line, col } = lc.linePos(i.find ? Math.max(from, text.indexOf(i.find, from)) : from);
    return `${file}:${line}:${col}: ${i.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '')}: ${i.message}`;
  }));
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, lc: LineCounter, file: string): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  const { line, col } = lc.linePos(offsetOf(doc, path));
  const key = path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('').replace(/^\./, '');
  const input = (issue as { input?: unknown }).input;
  const message =
    issue.code === 'unrecognized_keys' ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
    : issue.code === 'invalid_type' && input === undefined ? `missing: expected ${issue.expected}`
    : issue.message;
  return `${file}:${line}:${col}: ${key || '(the file)'}: ${message}`;
}

/** Offset of the deepest node along `path` present in the YAML (a missing key points at its parent). */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = (node as { range?: number[] } | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      offset = (pair?.key as { range?: number[] } | undefined)?.range?.[0] ?? offset;
      next = pair?.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
      offset = (next as { range?: number[] } | undefined)?.range?.[0] ?? offset;
    }
    if (next === undefined) break;
    node = next;
  }
  return offset;
}

/** Read one Vega-Lite spec; it must be a JSON object with `data.name` (which data it draws). */
function readChart(file: string, usedAt: string): ChartSpec {
  if (!existsSync(file)) throw new ReportDefinitionError(file, [`${usedAt}: no chart file ${file}`]);
  let spec: unknown;
  try {
    spec = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReportDefinitionError(file, [`${file}: not valid JSON: ${(e as Error).message}`]);
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new ReportDefinitionError(file, [`${file}: expected a Vega-Lite spec (a JSON object)`]);
  const obj = spec as Record<string, unknown>;
  const dataName = (obj['data'] as { name?: unknown } | undefined)?.name;
  if (typeof dataName !== 'string' || !/^[a-z0-9_]+\.[a-z0-9_]+(\.[a-z0-9_]+){1,2}$/.test(dataName)) {
    throw new ReportDefinitionError(file, [`${file}: data.name: expected the data the chart draws, e.g. {"data": {"name": "support.received.trend"}} (see reports/README.md)`]);
  }
  const unknown = dataNameIssue(dataName);
  if (unknown) {
    const raw = readFileSync(file, 'utf8');
    const line = raw.slice(0, Math.max(0, raw.indexOf(`"${dataName}"`))).split('\n').length;
    throw new ReportDefinitionError(file, [`${file}:${line}: data.name: ${unknown} (used at ${usedAt})`]);
  }
  const title = typeof obj['title'] === 'string' ? obj['title'] : typeof (obj['title'] as { text?: unknown } | undefined)?.text === 'string' ? String((obj['title'] as { text: string }).text) : '';
  if (!title) throw new ReportDefinitionError(file, [`${file}: title: every chart needs a title (it is the chart's accessible name)`]);
  return { file, dataName, title, spec: obj };
}
