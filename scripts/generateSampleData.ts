// Writes sample-data/: two months of extracts from the five partners of a fictional RAA, each partner with its own
// habits, plus inbox manifests, the diagnostics each file must produce, and a README. Seeded: every run gives the same bytes.
// Usage: node dist/scripts/generateSampleData.js [out-dir]   (default: sample-data; sample-data/faulty is left alone)
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { datasetByName, type DatasetName } from '../schemas/index.js';
import { day } from './sampleData/days.js';
import { buildExtract, renderExtract, type Expected, type RowExpectation } from './sampleData/extract.js';
import { noteFor } from './sampleData/notes.js';
import { partners, type Partner } from './sampleData/partners.js';
import { applyPlants, type Plant } from './sampleData/plants.js';
import { Rng } from './sampleData/random.js';
import { sampleReadme } from './sampleData/readme.js';
import { addStats, monthStats, type DatasetRows, type MonthStats } from './sampleData/stats.js';
import { simulateAdopters, snapshotAdopter, adopterClosed } from './sampleData/world/adopters.js';
import { simulateChildren, snapshotChild, childClosed } from './sampleData/world/children.js';
import { windowOf, type Row } from './sampleData/world/common.js';
import { simulateConcerns, snapshotConcern } from './sampleData/world/concerns.js';
import { asfCap, simulateSupport, snapshotSupport } from './sampleData/world/support.js';
import { snapshotWorkforce } from './sampleData/world/workforce.js';

const periods = ['2026-09', '2026-10'] as const;
const lastPeriod = periods[periods.length - 1] ?? '';

/** The resubmission: a second, corrected file for the same partner, month and dataset. */
const resubmission = { partner: 'eastbridge', period: '2026-10', dataset: 'support' as DatasetName, file: 'support_resubmitted.csv', received: '2026-11-12T10:30:00Z' };

/** What every file must produce under `raa validate --period <period>`. */
export interface FileExpectation {
  partner: string;
  period: string;
  dataset: DatasetName;
  received: string;
  diagnostics: Expected[];
}

/** Warnings the simulation produces on purpose: ASF awards over the cap, decisions made before entering care (concurrent planning). */
function warningsFor(dataset: DatasetName): (row: Row) => RowExpectation[] {
  if (dataset === 'support') return (r) => (Number(r.asf_amount) > asfCap ? [{ rule: 'rule.over_cap', severity: 'warning', field: 'asf_amount' }] : []);
  if (dataset === 'children') {
    return (r) => (r.entered_care && r.adm_decision_date && r.entered_care > r.adm_decision_date ? [{ rule: 'chronology.order', severity: 'warning', field: 'adm_decision_date' }] : []);
  }
  return () => [];
}

interface World {
  snapshot(period: string): DatasetRows & { workforce: Row[] };
  /** Children and adopters a concern names (left alone by the planted mistakes, so the cross-dataset check stays quiet). */
  referenced: Set<string>;
}

function simulate(p: Partner): World {
  const children = simulateChildren(p, new Rng(`${p.code}:children`), lastPeriod);
  const adopters = simulateAdopters(p, new Rng(`${p.code}:adopters`), lastPeriod);
  const support = simulateSupport(p, new Rng(`${p.code}:support`), lastPeriod);
  // A related record must be in every month's snapshot that holds the concern: open, or closed since the earliest window start.
  const stillShown = day('2025-11-01');
  const concerns = simulateConcerns(p, new Rng(`${p.code}:concerns`), lastPeriod, (raised) => [
    ...children.filter((c) => Math.max(c.decision, c.enteredCare) <= raised && (childClosed(c) ?? Infinity) >= stillShown).map((c) => c.child_id),
    ...adopters.filter((a) => a.stage1Start !== null && a.enquiry <= raised && (adopterClosed(a) ?? Infinity) >= stillShown).map((a) => a.adopter_id),
  ]);
  const rows = <T>(items: T[], snap: (item: T) => Row | null) => items.map(snap).filter((r): r is Row => r !== null);
  return {
    referenced: new Set(concerns.flatMap((c) => (c.relatedId ? [c.relatedId] : []))),
    snapshot: (period) => {
      const w = windowOf(period);
      return {
        children: rows(children, (c) => snapshotChild(c, w)),
        adopters: rows(adopters, (a) => snapshotAdopter(a, w)),
        support: rows(support, (c) => snapshotSupport(c, w)),
        concerns: rows(concerns, (c) => snapshotConcern(c, w)),
        workforce: snapshotWorkforce(p, period),
      };
    },
  };
}

export interface SampleData {
  files: Map<string, Buffer>;
  expectations: Record<string, FileExpectation>;
  stats: Record<string, { region: MonthStats; partners: Record<string, MonthStats> }>;
  planted: { file: string; plant: Plant }[];
}

function generateSampleData(): SampleData {
  const files = new Map<string, Buffer>();
  const expectations: Record<string, FileExpectation> = {};
  const stats: SampleData['stats'] = {};
  const planted: SampleData['planted'] = [];
  for (const p of partners) {
    const world = simulate(p);
    for (const period of periods) {
      const snap = world.snapshot(period);
      const s = monthStats(windowOf(period), snap);
      const month = (stats[period] ??= { region: s, partners: {} });
      if (Object.keys(month.partners).length) month.region = addStats(month.region, s);
      month.partners[p.code] = s;
      const manifest: { file: string; received: string }[] = [];
      const emit = (dataset: DatasetName, file: string, received: string, withPlants: boolean) => {
        const ds = datasetByName(dataset);
        if (!ds) throw new Error(`no dataset ${dataset}`);
        const empty = p.leavesEmpty?.[dataset] ?? [];
        const canonical = snap[dataset].map((r) => (empty.length ? { ...r, ...Object.fromEntries(empty.map((f) => [f, ''])) } : r));
        const x = buildExtract(p, ds, canonical, dataset === 'concerns' ? (r) => noteFor(r.concern_id ?? '') : undefined, warningsFor(dataset));
        const path = `${p.code}/${period}/${file}`;
        if (withPlants) {
          const avoid = (r: Row) => world.referenced.has(r.child_id ?? r.adopter_id ?? '');
          for (const plant of applyPlants(x, p.code, period, avoid)) planted.push({ file: path, plant });
        }
        const { bytes, expected } = renderExtract(x);
        files.set(path, bytes);
        expectations[path] = { partner: p.code, period, dataset, received, diagnostics: expected };
        manifest.push({ file, received });
      };
      for (const dataset of p.sends) emit(dataset, p.fileName(dataset, period), p.received(period, dataset), true);
      if (resubmission.partner === p.code && resubmission.period === period) emit(resubmission.dataset, resubmission.file, resubmission.received, false);
      manifest.sort((a, b) => a.received.localeCompare(b.received) || a.file.localeCompare(b.file));
      files.set(`${p.code}/${period}/manifest.json`, Buffer.from(`${JSON.stringify({ files: manifest }, null, 2)}\n`));
    }
  }
  files.set('expected-diagnostics.json', Buffer.from(expectationsJson(expectations)));
  const data: SampleData = { files, expectations, stats, planted };
  files.set('README.md', Buffer.from(sampleReadme(data, { periods, resubmission, asfCap })));
  return data;
}

/** One file per entry and one diagnostic per line: readable, and a diff shows what moved. */
function expectationsJson(expectations: Record<string, FileExpectation>): string {
  const entries = Object.entries(expectations).map(([path, { diagnostics, ...file }]) => {
    const head = JSON.stringify(file).slice(0, -1);
    const list = diagnostics.length ? `[\n    ${diagnostics.map((d) => JSON.stringify(d)).join(',\n    ')}\n  ]` : '[]';
    return `  ${JSON.stringify(path)}: ${head}, "diagnostics": ${list}}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

async function main(out: string): Promise<void> {
  const data = generateSampleData();
  for (const p of partners) await rm(join(out, p.code), { recursive: true, force: true });
  for (const [path, bytes] of data.files) {
    await mkdir(dirname(join(out, path)), { recursive: true });
    await writeFile(join(out, path), bytes);
  }
  const last = data.stats[lastPeriod]?.region;
  process.stdout.write(`wrote ${data.files.size} files to ${out}` + (last ? ` (at ${lastPeriod}: ${last.openAllocated} open allocated, ${last.awaitingAllocation} awaiting allocation, ASF £${Math.round(last.asfSpend12)} in 12 months, ${last.approvals12} approvals)` : '') + '\n');
}

await main(process.argv[2] ?? 'sample-data');
