// One dataset of the specification in Markdown: title, description, key, columns, code lists and row rules.
import type { CodeList, Dataset } from '../../schemas/index.js';
import { columnLetter } from '../diagnostics/Diagnostic.js';
import { codeListTable } from './codeListTable.js';
import { describeRule } from './describeRule.js';
import { describeType } from './describeType.js';
import { markdownTable, mdCode } from './markdownTable.js';
import { severityLabel } from './severityLabel.js';

/** The code lists a dataset uses, in column order, each once. */
export function codeListsOf(dataset: Dataset): CodeList[] {
  const lists = new Map<string, CodeList>();
  for (const { type } of dataset.columns) if (type.kind === 'code' || type.kind === 'codes') lists.set(type.codes.name, type.codes);
  return [...lists.values()];
}

/**
 * `listHome` maps a code list's name to the title of the dataset whose section prints it in full;
 * other sections refer to it there rather than print it twice.
 */
export function datasetSection(dataset: Dataset, listHome: ReadonlyMap<string, string>): string {
  const header = (field: string) => `“${dataset.columns.find((c) => c.field === field)?.header ?? field}”`;
  const lists = codeListsOf(dataset);
  const parts = [
    `## ${mdCode(dataset.name)}: ${dataset.title}`,
    dataset.description,
    `**Key:** ${dataset.key.map(header).join(' + ')}. Key fields are required, and no two rows of a file may have the same key (${mdCode('key.duplicate')}).`,
    '### Columns',
    columnTable(dataset),
    '### Code lists',
    ...(lists.length === 0 ? ['None.'] : lists.flatMap((list) => codeListPart(dataset, list, listHome))),
    '### Row rules',
    ruleTable(dataset),
    ...(dataset.immutable.length + dataset.closedBy.length === 0 ? [] : ['### Checks against last month', lastMonthChecks(dataset, header)]),
  ];
  return parts.join('\n\n');
}

function columnTable(dataset: Dataset): string {
  const rows = dataset.columns.map((c, i) => [
    columnLetter(i),
    c.header,
    mdCode(c.field),
    describeType(c.type),
    c.required ? 'yes' : 'no',
    [...new Set([c.header, c.field, ...c.aliases])].map(mdCode).join(', '),
    c.description,
  ]);
  return markdownTable(['Col', 'Header', 'Field', 'Type', 'Required', 'Accepted headers', 'Notes'], rows);
}

function codeListPart(dataset: Dataset, list: CodeList, listHome: ReadonlyMap<string, string>): string[] {
  const usedBy = dataset.columns.filter((c) => (c.type.kind === 'code' || c.type.kind === 'codes') && c.type.codes.name === list.name);
  const heading = `#### ${mdCode(list.name)}: ${list.description}`;
  const used = `Used by ${usedBy.map((c) => `“${c.header}”`).join(', ')}.`;
  const home = listHome.get(list.name);
  if (home !== undefined && home !== dataset.title) return [heading, `${used} The same list as in ${home}, above.`];
  return [heading, used, codeListTable(list)];
}

/** Cross-submission warnings this dataset's `immutable` and `closedBy` fields drive. */
function lastMonthChecks(dataset: Dataset, header: (field: string) => string): string {
  const items: string[] = [];
  if (dataset.immutable.length > 0) {
    items.push(`- ${dataset.immutable.map(header).join(', ')}: once recorded, should not change from one month to the next; a change is a warning (${mdCode('cross.immutable_changed')}).`);
  }
  if (dataset.closedBy.length > 0) {
    items.push(`- A record is closed when ${dataset.closedBy.map(header).join(' or ')} is given. A record open last month must not vanish without one (${mdCode('cross.vanished')}).`);
  }
  return items.join('\n');
}

function ruleTable(dataset: Dataset): string {
  if (dataset.rules.length === 0) return 'No row rules beyond the common ones.';
  const rows = dataset.rules.map((r) => {
    const d = describeRule(r, dataset);
    return [d.text, severityLabel[d.severity], mdCode(d.code)];
  });
  return markdownTable(['Rule', 'If broken', 'Code'], rows);
}
