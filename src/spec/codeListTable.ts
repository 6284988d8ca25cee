// A code list as a Markdown table: code, label, and every other form accepted (Annex A letter, number, variants).
import type { CodeList } from '../../schemas/index.js';
import { markdownTable, mdCode } from './markdownTable.js';

/** Letter and number columns appear only when some code of the list has one. */
export function codeListTable(list: CodeList): string {
  const hasLetter = list.codes.some((c) => c.letter !== undefined);
  const hasNumber = list.codes.some((c) => c.number !== undefined);
  const header = ['Code', 'Label', ...(hasLetter ? ['Letter'] : []), ...(hasNumber ? ['Number'] : []), 'Also accepted'];
  const rows = list.codes.map((c) => [
    mdCode(c.code),
    c.label,
    ...(hasLetter ? [c.letter === undefined ? '' : mdCode(`${c.letter})`)] : []),
    ...(hasNumber ? [c.number === undefined ? '' : mdCode(String(c.number))] : []),
    c.variants.map(mdCode).join(', '),
  ]);
  return markdownTable(header, rows);
}
