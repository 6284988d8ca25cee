// docs/measures.md, written from the catalogue (npm run docs): every measure's definition, target, figures,
// breakdowns and trends with the defaults a pipeline file may change. A test fails when the committed file is stale.
import { catalogue, defaultNumbers, fillTarget, targetNumbers, type MeasureDefinition } from './catalogue.js';
import { describeTarget, directionText, unitText, windowText } from './describeTarget.js';
import { methodNotes } from './methodNotes.js';

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

Generated from \`src/catalogue/\` by \`npm run docs\`; do not edit by hand (a test fails when this file is stale).
The data contract these measures read is \`raa spec\`'s output; the JSON report's shape is \`docs/report.schema.json\`.

## How every measure is computed

${methodNotes.map((n) => `- ${n}`).join('\n')}
- Targets and RAG thresholds below are the defaults; the pipeline file's \`targets\` changes them, and each report and
  JSON figure states the ones in force (\`target\`, \`amber\`, \`direction\`, \`timeLimit\`, \`window\`).
- In the published audience, disclosure control hides small numbers and any figure from which one could be worked
  out (reports/README.md).`;
  const body = Object.entries(standards).map(([code, title]) => [`## ${title}`, ...catalogue.filter((m) => m.standard === code).map(measureSection)].join('\n\n'));
  return `${[intro, ...body].join('\n\n')}\n`;
}
