// Read and check a pipeline file: returns the config with defaults and absolute paths, or throws a PipelineError naming file:line:column and key.
import { UsageError } from '../errors/RaaError.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document } from 'yaml';
import type { z } from 'zod';
import { listReports } from '../report/loadReport.js';
import { reportsDir } from '../report/reportsDir.js';
import type { Pipeline } from '../config/Pipeline.js';
import { PipelineConfig } from '../config/PipelineConfig.js';

export type { Pipeline };


/** One finding in a pipeline file. `line`/`column` are 1-based; null when the file could not be read at all. */
export interface PipelineIssue {
  /** Key path as written in the file, e.g. `partners[2].inbox`; '' for the file as a whole. */
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

/** The pipeline file is missing, not YAML, or not a valid pipeline. The message has one line per issue, `file:line:col: key: what is expected`. */
export class PipelineError extends UsageError {
  constructor(readonly file: string, readonly issues: readonly PipelineIssue[]) {
    super(issues.map((i) => formatIssue(file, i)).join('\n'));
  }
}

function formatIssue(file: string, i: PipelineIssue): string {
  const where = i.line === null ? file : `${file}:${i.line}:${i.column ?? 1}`;
  return `${where}: ${i.path ? `${i.path}: ` : ''}${i.message}`;
}

/** Read, parse and check `path` (relative to the working directory); its notes go to `say` (default: stderr). */
export function loadPipeline(path: string, say: (line: string) => void = (line) => process.stderr.write(`raa: ${line}\n`)): Pipeline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file; check the path (pipeline files live in pipelines/<name>.yaml)'
      : code === 'EISDIR' ? 'this is a folder; give the pipeline .yaml file'
      : code === 'EACCES' ? 'permission denied'
      : (e as Error).message;
    throw new PipelineError(path, [{ path: '', line: null, column: null, message: `cannot read the pipeline file: ${why}` }]);
  }
  const pipeline = parsePipeline(text, path);
  for (const note of pipeline.notes) say(note);
  return pipeline;
}

/**
 * Parse and check pipeline YAML. `file` names the source in messages and anchors relative paths (its folder); it
 * need not exist.
 */
export function parsePipeline(text: string, file: string): Pipeline {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new PipelineError(
      file,
      doc.errors.map((e) => {
        const [main, snippet] = splitYamlMessage(e.message);
        const pos = e.linePos?.[0];
        return { path: '', line: pos?.line ?? 1, column: pos?.col ?? 1, message: `invalid YAML: ${main}${snippet}` };
      }),
    );
  }
  if (doc.contents === null) {
    throw new PipelineError(file, [{ path: '', line: 1, column: 1, message: 'the file is empty: expected region, warehouse, partners and the other settings (see pipelines/sample.yaml)' }]);
  }
  const parsed = PipelineConfig.safeParse(doc.toJS(), { reportInput: true });
  if (!parsed.success) {
    throw new PipelineError(file, parsed.error.issues.flatMap((issue) => describeIssue(issue, doc, lineCounter)));
  }
  const noReport = unknownReports(parsed.data.reports, doc, lineCounter);
  if (noReport.length > 0) throw new PipelineError(file, noReport);
  const abs = resolve(file);
  const dir = dirname(abs);
  const notFolders = inboxesNotFolders(parsed.data.partners.map((p) => resolve(dir, p.inbox)), doc, lineCounter);
  if (notFolders.length > 0) throw new PipelineError(file, notFolders);
  const { output, warehouse, ...config } = parsed.data;
  const name = basename(abs, extname(abs));
  const notes: string[] = [];
  return {
    ...config,
    name,
    file: abs,
    warehouse: warehouse === undefined ? defaultWarehouse(file, dir, name, notes) : resolve(dir, warehouse),
    // Named after the pipeline, so two pipeline files in one folder never write over each other's reports.
    output: resolve(dir, output ?? join('reports', name)),
    notes,
    partners: config.partners.map((p) => ({ ...p, inbox: resolve(dir, p.inbox) })),
  };
}

/**
 * `<name>.duckdb` beside the pipeline file, so two pipelines in one folder never share a warehouse; but a `raa.duckdb`
 * already there (the default before) keeps being used, and a note says so, rather than starting an empty warehouse.
 */
function defaultWarehouse(file: string, dir: string, name: string, notes: string[]): string {
  const own = join(dir, `${name}.duckdb`);
  const earlier = join(dir, 'raa.duckdb');
  if (own === earlier || existsSync(own) || !existsSync(earlier)) return own;
  notes.push(`${file}: using the existing warehouse ${earlier}; the default is now ${name}.duckdb, named after the pipeline file. Write "warehouse: raa.duckdb" in the pipeline file to keep it (and silence this line), or rename it to ${name}.duckdb`);
  return earlier;
}

/**
 * An inbox that exists but is a file, not a folder: a configuration mistake, named with its key and line. (An inbox that
 * does not exist yet is the run's to report: a partner may not have sent anything.)
 */
function inboxesNotFolders(inboxes: readonly string[], doc: Document, lc: LineCounter): PipelineIssue[] {
  return inboxes.flatMap((inbox, i) => {
    if (!existsSync(inbox) || statSync(inbox).isDirectory()) return [];
    const path = ['partners', i, 'inbox'];
    const { line, col } = lc.linePos(offsetOf(doc, path));
    return [{ path: formatPath(path), line, column: col, message: `${inbox} is a file, not a folder; an inbox is the folder holding the partner's <YYYY-MM>/ folders` }];
  });
}

/** Report ids with no `report.yaml`: found when the pipeline file is read, not after every partner has been loaded. */
function unknownReports(ids: readonly string[], doc: Document, lc: LineCounter): PipelineIssue[] {
  const dir = reportsDir();
  const known = listReports(dir);
  return ids.flatMap((id, i) => {
    if (known.includes(id)) return [];
    const path = ['reports', i];
    const { line, col } = lc.linePos(offsetOf(doc, path));
    return [{ path: formatPath(path), line, column: col, message: `no report "${id}"; reports available: ${known.join(', ') || `none (no report.yaml under ${dir})`}` }];
  });
}

/** yaml's pretty message is `What went wrong at line L, column C:\n\n<context>\n^\n`: keep the words, indent the context. */
function splitYamlMessage(message: string): [string, string] {
  const m = /^([^]*?) at line \d+, column \d+:\n\n([^]*)$/.exec(message);
  if (!m) return [message.trim(), ''];
  const context = (m[2] ?? '').replace(/\n+$/, '');
  return [m[1] ?? '', context ? `\n${context.split('\n').map((l) => `    ${l}`).join('\n')}` : ''];
}

type Path = readonly PropertyKey[];

/** Turn one zod issue into issues with a key path, a position in the file and a sentence about what is expected. */
function describeIssue(issue: z.core.$ZodIssue, doc: Document, lc: LineCounter): PipelineIssue[] {
  const at = (path: Path, message: string): PipelineIssue => {
    const { line, col } = lc.linePos(offsetOf(doc, path));
    return { path: formatPath(path), line, column: col, message };
  };
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = keysAt(PipelineConfig, issue.path);
        const near = nearest(known, key);
        const hint = near ? `did you mean "${near}"? ` : '';
        return at([...issue.path, key], `unknown key; ${hint}expected ${known.length ? `one of: ${known.join(', ')}` : 'no keys here'}`);
      });
    case 'invalid_type':
      return [
        input === undefined
          ? at(issue.path, `missing: expected ${noun(issue.expected)}`)
          : at(issue.path, `expected ${noun(issue.expected)}, got ${describe(input)}`),
      ];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
      const what =
        issue.origin === 'array' ? `a list with ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} item${bound === 1 ? '' : 's'}`
        : issue.origin === 'string' ? (issue.code === 'too_small' && bound === 1 ? 'a non-empty text' : `a text of ${op} ${String(bound)} characters`)
        : `a number ${op} ${String(bound)}`;
      return [at(issue.path, `expected ${what}${input === undefined ? '' : `, got ${describe(input)}`}`)];
    }
    case 'invalid_value':
      return [at(issue.path, `expected one of: ${issue.values.map(String).join(', ')}, got ${describe(input)}`)];
    case 'invalid_format':
      return [at(issue.path, `expected ${issue.message}, got ${describe(input)}`)];
    default:
      return [at(issue.path, issue.message)];
  }
}

/** `partners[2].inbox`; keys that are not plain words are quoted: `targets["my key"]`. */
function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(seg))) out += out ? `.${String(seg)}` : String(seg);
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/**
 * Offset of the deepest node along `path` that exists in the YAML: a map entry's key, or a list item. A missing key
 * points at its parent, so "missing" is reported where it should have been written.
 */
function offsetOf(doc: Document, path: Path): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item: unknown = node.items[seg];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

/** The keys an object schema accepts at `path` (for "expected one of"). */
function keysAt(schema: z.ZodType, path: Path): string[] {
  type Def = { type: string; innerType?: Inner; in?: Inner; shape?: Record<string, Inner>; element?: Inner };
  type Inner = { _zod: { def: Def } };
  const unwrap = (s: Inner): Inner => {
    let cur = s;
    for (;;) {
      const d = cur._zod.def;
      const next = d.type === 'pipe' ? d.in : d.innerType;
      if (!next) return cur;
      cur = next;
    }
  };
  let s: Inner | undefined = unwrap(schema);
  for (const seg of path) {
    const d: Def = s._zod.def;
    s = d.type === 'object' ? d.shape?.[String(seg)] : d.type === 'array' ? d.element : undefined;
    if (!s) return [];
    s = unwrap(s);
  }
  return Object.keys(s._zod.def.shape ?? {});
}

/** The known key a typo most likely meant: the same letters ignoring case, `_` and `-`, or at most two edits away. */
function nearest(known: readonly string[], key: string): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = norm(k) === norm(key) ? 0 : editDistance(k.toLowerCase(), key.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

function editDistance(x: string, y: string): number {
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length] ?? Infinity;
}

function noun(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'object':
      return 'a mapping (indented "key: value" lines)';
    default:
      return expected;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'an empty value';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return typeof v;
}
