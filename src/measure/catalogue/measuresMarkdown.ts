// docs/measures.md, written from the catalogue (npm run docs): every measure's definition, target, figures,
// breakdowns and trends with the defaults a pipeline file may change. A test fails when the committed file is stale.
import { catalogue, defaultNumbers, fillTarget, targetNumbers, type MeasureDefinition } from './catalogue.js';
import { describeTarget, directionText, unitText, windowText } from './describeTarget.js';

const standards: Record<string, string> = {
  '26.4': 'NMS 26.4 — the management and outcomes of the service',
  '25.7': 'NMS 25.7 — issues of concern and the action taken',
};

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
const table = (head: string[], rows: string[][]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

function measureSection(m: MeasureDefinition): string {
  const t = targetNumbers(m.id);
  const fill = (s: string) => fillTarget(s, t);
  const [group, name] = m.id.split('.');
  const facts: [string, string | undefined][] = [
    ['Numerator', m.numerator],
    ['Denominator', m.denominator],
    ['Window', m.window],
    ['Exclusions', m.exclusions],
    ['Datasets', m.datasets.length ? m.datasets.map((d) => `\`${d}\``).join(', ') : 'the submission ledger'],
    ['Appears', m.condition],
    ['Target', m.target ? `${describeTarget(m, t)}${m.target.kind === 'share' && m.target.days !== undefined ? `; the time limit is ${t?.days} days` : ''}. Defaults; a pipeline file changes them under \`targets.${group}.${name}\` (${Object.keys(defaultNumbers(m.target)).map((k) => `\`${k}\``).join(', ')})` : undefined],
    ['Time limit from', m.targetFrom ? `\`targets\` of \`${m.targetFrom}\`` : undefined],
  ];
  const parts = [
    `### \`${m.id}\` — ${m.title}`,
    fill(m.definition),
    facts.filter((f): f is [string, string] => f[1] !== undefined).map(([k, v]) => `- **${k}:** ${fill(v)}`).join('\n'),
    table(
      ['figure', 'what', 'unit', 'better', 'window', 'judged'],
      Object.entries(m.figures).map(([k, f]) => [
        `\`${k}\`${k === m.headline ? ' (headline)' : ''}`,
        fill(f.title),
        unitText[f.unit],
        directionText(f.direction),
        `${windowText[f.window]}${f.endsBeforeTimeLimit ? `, ending ${t?.days ?? ''} days before the month end` : ''}`,
        f.judged ? 'by the target' : '',
      ]),
    ),
  ];
  if (m.breakdowns) {
    parts.push(table(['breakdown', 'categories', 'window', 'adds up to'], Object.entries(m.breakdowns).map(([k, b]) => [`\`${k}\``, b.categories, windowText[b.window], b.total ? `\`${b.total}\`` : `none: ${b.why ?? ''}`])));
  }
  if (m.trends) {
    parts.push(table(['trend', 'each point', 'adds up to'], Object.entries(m.trends).map(([k, s]) => [`\`${k}\``, s.points === 'month' ? 'the count in its month' : 'the position on its month’s last day', s.total ? `\`${s.total}\`` : `none: ${s.why ?? ''}`])));
  }
  if (m.labels) parts.push(Object.entries(m.labels).map(([k, v]) => `- Words \`${k}\`: ${v}`).join('\n'));
  if (m.evidence) parts.push(`- Internal audience only, evidence list "${m.evidence.title}": ${m.evidence.columns.map((c) => `\`${c}\``).join(', ')}`);
  return parts.join('\n\n');
}

export function measuresMarkdown(): string {
  const intro = `# Measures

Generated from \`src/measure/catalogue/\` by \`npm run docs\`; do not edit by hand (a test fails when this file is stale).
The data contract these measures read is \`raa spec\`'s output; the JSON report's shape is \`docs/report.schema.json\`.

## How every measure is computed

- Each report is for one month. Its **month end** is the month's last day. **The twelve months** are the month and the
  eleven before it. **The financial year** runs from 1 April of the year containing the month end, to the month end.
  A date is "by" a day when it is present and on or before it.
- Days are calendar days (later date minus earlier date). Medians and percentiles are continuous (interpolated).
  Adding months to a date keeps the day, or the month's last day when it has fewer.
- Each figure is computed for every partner and for the region, from each partner's current (newest accepted)
  submission for the month. The region is the union of the partners' records, never an average of averages.
- A partner with no accepted file of a dataset a measure needs is **not submitted** for that measure (never zero),
  and the region says which partners it leaves out. Nothing is carried forward.
- A rate is numerator ÷ denominator as a percentage with one decimal; with a zero denominator it is **no cases**,
  never 0%; so is a median, mean or percentile over no records. Records lacking a date a figure needs are left out of
  its denominator and counted as **excluded**. Money is exact to the penny.
- Targets and RAG thresholds below are the defaults; the pipeline file's \`targets\` changes them, and each report and
  JSON figure states the ones in force (\`target\`, \`amber\`, \`direction\`, \`timeLimit\`, \`window\`).
- In the published audience, disclosure control hides small numbers and any figure from which one could be worked
  out (reports/README.md).`;
  const body = Object.entries(standards).map(([code, title]) => [`## ${title}`, ...catalogue.filter((m) => m.standard === code).map(measureSection)].join('\n\n'));
  return `${[intro, ...body].join('\n\n')}\n`;
}
