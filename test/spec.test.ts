// raa spec: the Markdown names everything in the contract, the JSON Schemas judge rows as the contract does,
// the templates carry the official headers, and the CLI writes the files (exit 0) or refuses a bad format (exit 2).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codeLists, datasets, type ColumnType, type DatasetName } from '../schemas/index.js';
import { duckdbType } from '../src/contract/duckdbType.js';
import { rowSchema, type NormalisedRow } from '../src/contract/rowSchema.js';
import { ruleCodes } from '../src/diagnostics/rules.js';
import { parseFormats } from '../src/cli/specCommand.js';
import { UsageError } from '../src/cli/exitCodes.js';
import { writeSpec } from '../src/spec/writeSpec.js';

const dir = mkdtempSync(join(tmpdir(), 'raa-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written: string[] = [];
beforeAll(async () => {
  written = await writeSpec({ outDir: join(dir, 'lib') });
});
const read = (name: string) => readFileSync(join(dir, 'lib', name), 'utf8');

/** One valid row per dataset, as it is after loading. */
const validRows: Record<DatasetName, NormalisedRow> = {
  children: {
    child_id: 'C001', family_id: 'F01', gender: 'female', ethnicity: 'WBRI', dob: '2019-04-01', age: 6, disability: 'no',
    entered_care: '2023-01-10', adm_decision_date: '2023-06-01', placement_order_date: '2023-09-15', matched_date: '2024-02-01',
    placed_date: '2024-03-01', adoption_order_date: null, reversal_date: null, reversal_reason: null, ffa_placed_date: null,
  },
  adopters: {
    adopter_id: 'A001', family_id: null, gender: 'male', ethnicity: 'MWBC', disability: 'no', ffa: 'yes', enquiry_date: '2024-01-05',
    stage1_start: '2024-02-01', stage1_end: '2024-04-01', stage2_start: '2024-04-15', stage2_end: '2024-08-01', application_date: '2024-04-15',
    approval_date: '2024-09-10', matched_date: null, placed_date: null, children_placed: null, adoption_order_date: null, left_date: null, left_reason: null,
  },
  support: {
    request_id: 'S001', family_id: 'F09', requester: 'adoptive_parent', request_type: 'asf_application', received_date: '2025-01-06',
    allocated_date: '2025-01-10', assessed_date: '2025-02-01', asf_applied_date: '2025-02-03', asf_amount: 2500, provider: 'third_sector',
    closed_date: null, closure_reason: null, score_start: 4, score_end: null,
  },
  concerns: {
    concern_id: 'K001', raised_date: '2025-03-03', source: 'case_review', category: 'sibling_trauma_bond', severity: 'high', related_id: 'C001',
    action_agreed_date: '2025-03-10', action_due_date: '2025-06-30', action_completed_date: null, closed_date: null, outcome: null,
    learning_to: ['matching', 'training'], learning_date: '2025-04-01',
  },
  workforce: { month: '2025-04', team: 'adoption_support', sw_fte: 6.5, vacant_fte: 1, agency_fte: null },
};

const firstField = (name: DatasetName, kinds: ColumnType['kind'][]) => {
  const col = datasets.find((d) => d.name === name)?.columns.find((c) => kinds.includes(c.type.kind));
  if (!col) throw new Error(`${name} has no ${kinds.join('/')} column`);
  return col.field;
};

describe('specMarkdown', () => {
  it('names every dataset, column header, code and rule code', () => {
    const md = read('data-specification.md');
    for (const ds of datasets) {
      expect(md).toContain(`\`${ds.name}\``);
      expect(md).toContain(ds.title);
      for (const c of ds.columns) expect(md).toContain(`| ${c.header} |`);
    }
    for (const list of Object.values(codeLists)) for (const c of list.codes) expect(md, `${list.name}.${c.code}`).toContain(`\`${c.code}\``);
    for (const code of ruleCodes) expect(md).toContain(`\`${code}\``);
  });

  it('describes row rules in words from the rule data', () => {
    const md = read('data-specification.md');
    expect(md).toContain('“Closure reason” is required when “Date closed” is given.');
    expect(md).toContain('“Date Stage 1 ended” may only be given when “Date Stage 1 started” is given.');
  });
});

describe('JSON Schema per dataset', () => {
  for (const ds of datasets) {
    const name = ds.name;
    const fromFile = () => z.fromJSONSchema(JSON.parse(read(join('json-schema', `${name}.schema.json`))) as Parameters<typeof z.fromJSONSchema>[0]);
    const valid = validRows[name];

    it(`${name}: is titled and accepts a valid normalised row`, () => {
      const json = JSON.parse(read(join('json-schema', `${name}.schema.json`))) as { title: string; description: string };
      expect(json.title).toBe(ds.title);
      expect(json.description).toBe(ds.description);
      expect(rowSchema(ds).safeParse(valid).error).toBeUndefined();
      expect(fromFile().safeParse(valid).error).toBeUndefined();
    });

    it(`${name}: rejects a bad code, a bad date or month, a missing field and an extra field`, () => {
      const schema = fromFile();
      const code = firstField(name, ['code']);
      const date = firstField(name, ['date', 'month']);
      expect(schema.safeParse({ ...valid, [code]: 'nope' }).success).toBe(false);
      expect(schema.safeParse({ ...valid, [date]: '2025-02-30' }).success).toBe(false);
      expect(schema.safeParse({ ...valid, [date]: '01/02/2025' }).success).toBe(false);
      const missing = Object.fromEntries(Object.entries(valid).filter(([field]) => field !== code));
      expect(schema.safeParse(missing).success).toBe(false);
      expect(schema.safeParse({ ...valid, child_name: 'x' }).success).toBe(false);
    });
  }

  it('allows null only in optional columns', () => {
    const ds = datasets[0];
    const row = validRows.children;
    for (const c of ds.columns) expect(rowSchema(ds).safeParse({ ...row, [c.field]: null }).success, c.field).toBe(!c.required);
  });
});

describe('CSV templates', () => {
  for (const ds of datasets) {
    it(`${ds.name}: BOM, CRLF, and the official headers in order`, () => {
      const text = read(join('templates', `${ds.name}.csv`));
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      const records: string[][] = parse(text, { bom: true });
      expect(records).toEqual([ds.columns.map((c) => c.header)]);
    });
  }
});

describe('contract helpers', () => {
  it('maps every column type to its DuckDB type', () => {
    const byKind = Object.fromEntries(datasets.flatMap((d) => d.columns.map((c) => [c.type.kind, duckdbType(c.type)])));
    expect(byKind).toEqual({
      text: 'VARCHAR', date: 'DATE', integer: 'INTEGER', decimal: 'DOUBLE', money: 'DECIMAL(12,2)',
      yesno: 'VARCHAR', month: 'VARCHAR', code: 'VARCHAR', codes: 'VARCHAR[]',
    });
  });

  it('parses --format lists and refuses unknown formats', () => {
    expect(parseFormats('csv-template, md')).toEqual(['md', 'csv-template']);
    expect(() => parseFormats('md,nope')).toThrow(UsageError);
    expect(() => parseFormats(',')).toThrow(UsageError);
  });

  it('writeSpec returns every file it wrote', () => {
    expect(written).toHaveLength(1 + 2 * datasets.length);
    for (const f of written) expect(existsSync(f), f).toBe(true);
  });
});

describe('raa spec (process)', () => {
  const raa = (...args: string[]) => spawnSync(process.execPath, ['dist/src/cli/main.js', 'spec', ...args], { encoding: 'utf8' });

  it('writes every file and prints each path, exit 0', () => {
    const out = join(dir, 'cli');
    const r = raa('--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(join(out, 'data-specification.md'));
    expect(lines).toContain(join(out, 'json-schema', 'children.schema.json'));
    expect(lines).toContain(join(out, 'templates', 'workforce.csv'));
    expect(lines).toHaveLength(1 + 2 * datasets.length);
    for (const f of lines) expect(existsSync(f), f).toBe(true);
  });

  it('writes only the formats asked for', () => {
    const out = join(dir, 'md-only');
    const r = raa('--format', 'md', '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${join(out, 'data-specification.md')}\n`);
  });

  it('refuses an unknown format with exit code 2', () => {
    const r = raa('--format', 'nope', '--out', join(dir, 'nope'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nope');
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});
