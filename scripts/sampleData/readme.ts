// sample-data/README.md, written from the same facts as the files: partners, habits, arrivals, volumes, planted mistakes.
import type { FileExpectation, SampleData } from '../generateSampleData.js';
import { partners } from './partners.js';
import type { MonthStats } from './stats.js';

interface Settings {
  periods: readonly string[];
  resubmission: { partner: string; period: string; file: string; received: string };
  asfCap: number;
}

const dueDay = 10;

const volumeRows: [string, (s: MonthStats) => string][] = [
  ['Support requests in the file', (s) => String(s.supportRows)],
  ['Support requests received in the 12 months', (s) => String(s.received12)],
  ['… of which adopted adults asking for access to records', (s) => `${(s.recordsFromAdultsShare * 100).toFixed(1)}%`],
  ['Open allocated support cases at month end', (s) => String(s.openAllocated)],
  ['Requests awaiting allocation at month end', (s) => String(s.awaitingAllocation)],
  ['ASF applications in the 12 months (with an amount)', (s) => String(s.asfApplications12)],
  ['ASF approved in the 12 months', (s) => `£${Math.round(s.asfSpend12).toLocaleString('en-GB')}`],
  ['… awards over the per-child cap', (s) => String(s.asfOverCap12)],
  ['Adopter rows in the file', (s) => String(s.adopterRows)],
  ['Adopter enquiries in the 12 months (individuals)', (s) => String(s.enquiries12)],
  ['Adopter approvals in the 12 months (individuals)', (s) => String(s.approvals12)],
  ['… households approved', (s) => String(s.householdsApproved12)],
  ['Children in the file', (s) => String(s.childRows)],
  ['Adoption decisions in the 12 months', (s) => String(s.decisions12)],
  ['Children placed in the 12 months', (s) => String(s.placed12)],
  ['Adoption orders in the 12 months', (s) => String(s.orders12)],
  ['Decisions reversed in the 12 months', (s) => String(s.reversals12)],
  ['Children waiting at month end', (s) => String(s.childrenWaiting)],
  ['Concerns in the log', (s) => String(s.concernRows)],
  ['Concerns raised in the 12 months', (s) => String(s.raised12)],
  ['Concerns open at month end', (s) => String(s.openConcerns)],
  ['Overdue actions at month end', (s) => String(s.overdueActions)],
  ['Open concerns with no action after 10 days', (s) => String(s.unactioned)],
];

function onTime(received: string, period: string): string {
  const [y, m] = [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
  const due = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-${String(dueDay).padStart(2, '0')}`;
  return received.slice(0, 10) <= due ? 'on time' : '**late**';
}

function diagnosticsSummary(path: string, e: FileExpectation): string[] {
  const byRule = new Map<string, number[]>();
  for (const d of e.diagnostics) {
    const key = `${d.rule} (${d.severity}${d.field ? `, ${d.field}` : ''})`;
    byRule.set(key, [...(byRule.get(key) ?? []), d.line ?? 0]);
  }
  return [...byRule].map(([rule, lines]) => `| \`${path}\` | ${rule} | ${lines.join(', ')} |`);
}

export function sampleReadme(data: SampleData, settings: Settings): string {
  const { periods, resubmission, asfCap } = settings;
  const last = periods[periods.length - 1] ?? '';
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);
  push(
    '# Sample data: Wessex Vale Adoption',
    '',
    'Extracts from the five partner local authorities of **Wessex Vale Adoption**, a fictional Regional Adoption Agency, for',
    `${periods.join(' and ')}. Every name, identifier, date and amount is invented: no record describes a real person.`,
    '',
    'The files are written by `scripts/generateSampleData.ts` (`npm run sample-data`): a seeded simulation of each partner\'s',
    'children, adopters, support requests, concerns and staffing, written out as a month-end snapshot in that partner\'s own',
    'habits. The same seed gives the same bytes on every run (a test checks it), so **do not edit these files by hand**:',
    'change the generator and run it again. `faulty/` is not generated: it holds one hand-made broken file per error class.',
    '',
    '## Layout',
    '',
    '```',
    'sample-data/',
    '  <partner>/<YYYY-MM>/        the partner\'s inbox for the month: one file per dataset, any file name',
    '    manifest.json             when each file arrived (git keeps no modification times)',
    '  expected-diagnostics.json   every diagnostic `raa validate --period <YYYY-MM>` must report for each file',
    '  faulty/2026-10/             one broken file per error class, each with <name>.expected.json',
    '```',
    '',
    'Each file is a snapshot as at the last day of its month: every record open at any time in the 12 months to that day,',
    'plus any still open. The 2026-10 files hold the same records as the 2026-09 ones (less those closed in October 2025),',
    'with later events added and a few new records; dates fixed once recorded never change, so the month-on-month checks',
    'are quiet. The dataset of each file is recognised by its header row, never by its name.',
    '',
    '## The partners',
    '',
    '| partner | name | ids | sends |',
    '|---|---|---|---|',
    ...partners.map((p) => `| \`${p.code}\` | ${p.name} | \`${p.prefix}-C-00123\` | ${p.sends.join(', ')} |`),
    '',
    'Identifiers are `<prefix>-C-` children, `-A-` adopters, `-S-` support requests, `-Q-` concerns, `-F-` families.',
    'Each partner has habits of its own, all of which the data specification says must be accepted:',
    '',
  );
  for (const p of partners) push(`### ${p.code}`, '', ...p.habits.map((h) => `- ${h}`), '');
  push('## Arrivals', '', `Files are due by day ${dueDay} of the following month. Each inbox's \`manifest.json\` records when each file arrived:`, '', '| inbox | file | received (UTC) | |', '|---|---|---|---|');
  for (const [path, e] of Object.entries(data.expectations)) {
    const folder = path.slice(0, path.lastIndexOf('/'));
    const resent = path === `${resubmission.partner}/${resubmission.period}/${resubmission.file}` ? ' (resubmission)' : '';
    push(`| \`${folder}\` | \`${path.slice(folder.length + 1)}\` | ${e.received} | ${onTime(e.received, e.period)}${resent} |`);
  }
  push(
    '',
    `**The resubmission:** \`${resubmission.partner}\`'s ${resubmission.period} inbox holds two support files. \`support.csv\` has three`,
    `rows with errors; \`${resubmission.file}\`, received ${resubmission.received}, corrects them and is the one reports use.`,
    '',
    '## Volumes (the five partners together)',
    '',
    'Tuned to resemble a real agency: about 450 open allocated support cases and 200 awaiting allocation, about a third of',
    `requests from adopted adults for access to records, about 90 adopter approvals a year, ASF awards of the order of`,
    `£850k a year (mostly under the £${asfCap.toLocaleString('en-GB')} per-child cap, a few over), a few dozen concerns a year per partner.`,
    '',
    `| measure | ${periods.join(' | ')} |`,
    `|---|${periods.map(() => '---:').join('|')}|`,
    ...volumeRows.map(([label, f]) => `| ${label} | ${periods.map((m) => f(data.stats[m]?.region ?? ({} as MonthStats))).join(' | ')} |`),
    '',
    `By partner at ${last}:`,
    '',
    `| measure | ${partners.map((p) => p.code).join(' | ')} |`,
    `|---|${partners.map(() => '---:').join('|')}|`,
    ...volumeRows.map(([label, f]) => `| ${label} | ${partners.map((p) => f(data.stats[last]?.partners[p.code] ?? ({} as MonthStats))).join(' | ')} |`),
    '',
    '## Planted mistakes',
    '',
    'A few genuine errors, far below the 20% hold threshold, so that validation has something to say:',
    '',
    '| file | line | mistake |',
    '|---|---:|---|',
  );
  for (const { file, plant } of data.planted) {
    const e = data.expectations[file];
    const hit = e?.diagnostics.find((d) => d.rule === plant.rule && d.field === plant.field);
    push(`| \`${file}\` | ${hit?.line ?? '?'} | ${plant.what} |`);
  }
  push(
    '',
    'And warnings that come from the data itself: ASF awards over the cap (`rule.over_cap`), a few children whose adoption',
    'decision came before they entered care under concurrent planning (`chronology.order`, a warning for that pair), northmoor\'s',
    'extra Notes column and eastbridge\'s missing FFA column. Every diagnostic of every file, by rule:',
    '',
    '| file | rule | lines |',
    '|---|---|---|',
    ...Object.entries(data.expectations).flatMap(([path, e]) => diagnosticsSummary(path, e)),
    '',
    'The exact list, with columns, is `expected-diagnostics.json`; `test/sampleData.test.ts` checks the validator against it.',
    '',
  );
  return out.join('\n');
}
