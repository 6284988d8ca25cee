// The theory-of-change report (reports/theory-of-change/): rendered as a process from the shared sample warehouse for
// both audiences (HTML, JSON, CSV, and a PDF), its JSON valid against docs/report.schema.json, its definition clean
// under the report definition checker, every link stating what it shows and what it cannot prove, and the figures of
// the measures added for it (workforce.fte, children.matched, support.delivered) equal to plain SQL on the warehouse.
import { existsSync, mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ReportData } from '../../src/measure/types.js';
import { definitionIssues } from '../../src/report/checkDefinition.js';
import { loadReport } from '../../src/report/loadReport.js';
import { Database } from '../../src/warehouse/Database.js';
import { pdfPageTexts } from '../render/pdfText.js';
import { raaInProcess } from '../cli/inProcess.js';
import { sampleRun } from '../sampleRun.js';

const repo = join(import.meta.dirname, '..', '..');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'raa-toc-')));
const out = join(root, 'out');
const validator = z.fromJSONSchema(JSON.parse(readFileSync(join(repo, 'docs', 'report.schema.json'), 'utf8')) as Parameters<typeof z.fromJSONSchema>[0]);
const audiences = ['internal', 'published'] as const;
const json: Record<string, ReportData> = {};
const html: Record<string, string> = {};
let stderr = '';

/** The five links of the page: their section titles, as the report names them. */
const links = ['Link: inputs → activities', 'Link: activities → outputs', 'Link: outputs → outcomes', 'Link: issues of concern → learning fed back', 'Link: learning fed back → the later figures'];

beforeAll(async () => {
  const r = await raaInProcess('report', (await sampleRun()).pipeline, '--period', '2026-10', '--report', 'theory-of-change', '--format', 'html,json,csv', '--out', out);
  expect(r.status, r.stderr).toBe(0);
  stderr = r.stderr;
  for (const a of audiences) {
    json[a] = JSON.parse(readFileSync(join(out, `theory-of-change-${a}.json`), 'utf8')) as ReportData;
    html[a] = readFileSync(join(out, `theory-of-change-${a}.html`), 'utf8');
  }
}, 180_000);

const text = (doc: string) => doc.replace(/<[^>]+>/g, ' ').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replace(/\s+/g, ' ');

describe('the theory-of-change report', () => {
  it('passes the report definition checker, and names every placeholder that exists', () => {
    const report = loadReport('theory-of-change', join(repo, 'reports'));
    expect(definitionIssues(report.definition)).toEqual([]);
    expect(stderr).not.toMatch(/names no figure/);
  });

  it('renders for both audiences; its JSON validates against the schema and carries the measures it arranges', () => {
    for (const a of audiences) {
      const d = json[a];
      expect([d?.report.id, d?.report.standard]).toEqual(['theory-of-change', '26.4']);
      expect(d?.report.title).toContain('Theory of change');
      expect(d?.audience).toBe(a);
      const r = validator.safeParse(d);
      expect(r.success, `${a}: ${JSON.stringify(r.error?.issues.slice(0, 3))}`).toBe(true);
      const ids = d?.measures.map((m) => m.id) ?? [];
      for (const id of ['workforce.fte', 'support.asf_fy', 'support.assessment_timeliness', 'support.days_to_allocation', 'adopters.flow', 'support.delivered', 'children.matched', 'children.placed', 'support.outcome_improved', 'children.waiting', 'children.reversals', 'concerns.raised', 'concerns.learning_loop'])
        expect(ids, id).toContain(id);
      expect(existsSync(join(out, `theory-of-change-${a}-csv`))).toBe(true);
    }
    expect(json['published']?.evidence).toBeUndefined();
  });

  it('the HTML arranges inputs, activities, outputs, outcomes and the learning loop, and each link says what it shows and what it cannot prove', () => {
    for (const a of audiences) {
      // The sections only (the contents list before them names the sections too).
      const doc = html[a] ?? '';
      const t = text(doc.slice(doc.indexOf('id="inputs"')));
      const order = ['1. Inputs', '2. Activities', '3. Outputs', '4. Outcomes', '5. The learning loop (NMS 25.7)'].map((h) => t.indexOf(h));
      expect(order.every((i) => i >= 0), a).toBe(true);
      expect([...order].sort((x, y) => x - y)).toEqual(order);
      for (const l of links) {
        const at = t.indexOf(l);
        expect(at, `${a}: ${l}`).toBeGreaterThanOrEqual(0);
        const shows = t.indexOf('What it shows:', at);
        const cannot = t.indexOf('What it cannot prove:', at);
        // Each link's own "shows" and "cannot prove" follow it before the next link.
        const next = Math.min(...links.map((x) => t.indexOf(x, at + 1)).filter((i) => i > at), t.length);
        expect(shows, `${a}: ${l} shows`).toBeGreaterThan(at);
        expect(shows, `${a}: ${l} shows`).toBeLessThan(next);
        expect(cannot, `${a}: ${l} cannot prove`).toBeGreaterThan(shows);
        expect(cannot, `${a}: ${l} cannot prove`).toBeLessThan(next);
      }
      expect(t.split('What it shows:')).toHaveLength(links.length + 1);
      expect(t.split('What it cannot prove:')).toHaveLength(links.length + 1);
      expect(t).toContain('25.7 The agency takes action to address any issues of concern that they identify or which is raised with them.');
    }
  });

  it('prints as a PDF naming the links', async () => {
    const r = await raaInProcess('report', (await sampleRun()).pipeline, '--period', '2026-10', '--report', 'theory-of-change', '--audience', 'internal', '--format', 'pdf', '--out', join(root, 'pdf'));
    expect(r.status, r.stderr).toBe(0);
    const pages = pdfPageTexts(readFileSync(join(root, 'pdf', 'theory-of-change-internal.pdf'))).map((p) => p.replace(/\s+/g, ' '));
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join(' ');
    expect(all).toContain('What it cannot prove:');
  }, 180_000);
});

describe("the measures added for it equal plain SQL on the sample warehouse (internal audience's figures)", () => {
  let db: Database;
  const E = "DATE '2026-10-31'";
  const W12 = "DATE '2025-11-01'";
  const partners = ['northmoor', 'eastbridge', 'southwold', 'westholm', 'rivermead'];
  beforeAll(async () => {
    db = await Database.open((await sampleRun()).warehouse, { access_mode: 'READ_ONLY' });
    return () => db.close();
  });
  const measure = (id: string) => {
    const m = json['internal']?.measures.find((x) => x.id === id);
    if (!m) throw new Error(`no ${id}`);
    return m;
  };
  const value = (id: string, entity: string, figure: string) => {
    const m = measure(id);
    return (entity === 'region' ? m.region : m.partners[entity])?.figures[figure]?.value;
  };
  /** `sql` grouped by partner, with a region row from the same rows. */
  const byPartner = async (sql: string): Promise<Record<string, number>> => {
    const rows = await db.all<{ partner: string; n: number | bigint | null }>(`SELECT partner, ${sql} GROUP BY partner`);
    const out: Record<string, number> = Object.fromEntries(rows.map((r) => [r.partner, Number(r.n ?? 0)]));
    out['region'] = rows.reduce((a, r) => a + Number(r.n ?? 0), 0);
    return out;
  };

  it('children.matched: matched_date in the month, and in the twelve months, and each month of the trend', async () => {
    const w12 = await byPartner(`count(*) AS n FROM current_children WHERE period = '2026-10' AND matched_date BETWEEN ${W12} AND ${E}`);
    const m = await byPartner(`count(*) AS n FROM current_children WHERE period = '2026-10' AND matched_date BETWEEN DATE '2026-10-01' AND ${E}`);
    expect(w12['region']).toBeGreaterThan(0);
    for (const e of [...partners, 'region']) {
      expect(value('children.matched', e, 'count_w12'), e).toBe(w12[e] ?? 0);
      expect(value('children.matched', e, 'count'), e).toBe(m[e] ?? 0);
    }
    const months = await db.all<{ ym: string; n: bigint }>(
      `SELECT strftime(matched_date, '%Y-%m') AS ym, count(*) AS n FROM current_children WHERE period = '2026-10' AND matched_date BETWEEN ${W12} AND ${E} GROUP BY ym`,
    );
    const trend = measure('children.matched').region.trend ?? [];
    expect(trend).toHaveLength(12);
    for (const p of trend) expect(p.figure.value, p.month).toBe(Number(months.find((x) => x.ym === p.month)?.n ?? 0));
  });

  it("support.delivered: closed in the twelve months with closure reason 'service_provided'", async () => {
    const n = await byPartner(`count(*) AS n FROM current_support WHERE period = '2026-10' AND closed_date BETWEEN ${W12} AND ${E} AND closure_reason = 'service_provided'`);
    expect(n['region']).toBeGreaterThan(0);
    for (const e of [...partners, 'region']) expect(value('support.delivered', e, 'count'), e).toBe(n[e] ?? 0);
  });

  it("workforce.fte: each partner's latest month on or before 2026-10 per team, summed; a partner without workforce is not submitted", async () => {
    const latest = `FROM current_workforce w WHERE period = '2026-10' AND month = (SELECT max(month) FROM current_workforce x
      WHERE x.partner = w.partner AND x.period = w.period AND x.team = w.team AND x.month <= '2026-10')`;
    const sent = (await db.all<{ partner: string }>(`SELECT DISTINCT partner FROM current_workforce WHERE period = '2026-10'`)).map((r) => r.partner);
    expect(sent.length).toBeGreaterThan(0);
    const round = (x: number) => Math.round(x * 100) / 100;
    for (const [figure, expr] of [['in_post', 'sw_fte'], ['vacant', 'vacant_fte'], ['agency', 'agency_fte']] as const) {
      const n = await byPartner(`sum(${expr}) AS n ${latest}`);
      for (const e of [...sent, 'region']) expect(value('workforce.fte', e, figure), `${e} ${figure}`).toBe(round(n[e] ?? 0));
    }
    for (const team of ['adoption_support', 'recruitment_assessment', 'family_finding', 'duty']) {
      const inPost = await byPartner(`sum(sw_fte) AS n ${latest} AND team = '${team}'`);
      const vacant = await byPartner(`sum(vacant_fte) AS n ${latest} AND team = '${team}'`);
      for (const e of [...sent, 'region']) {
        expect(value('workforce.fte', e, `in_post_${team}`), `${e} ${team}`).toBe(round(inPost[e] ?? 0));
        expect(value('workforce.fte', e, `vacant_${team}`), `${e} ${team}`).toBe(round(vacant[e] ?? 0));
      }
    }
    for (const p of partners.filter((x) => !sent.includes(x))) expect(measure('workforce.fte').partners[p]?.figures['in_post']?.status).toBe('not_submitted');
    expect(measure('workforce.fte').region.notSubmitted).toEqual(partners.filter((x) => !sent.includes(x)));
  });
});
