// Code-list matching: the code, its label, its variants, and the combinations LAs send (`RD1 - label`, `(RD1) label`,
// `RD1: label`, `label (RD1)`, `a) Male`, `1 - Male`), all case- and punctuation-insensitive.
import type { CodeList } from '../../../schemas/index.js';

/** Comparison key: lower case, curly quotes straightened, apostrophes dropped, other punctuation as spaces. */
export const matchKey = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

interface Index {
  exact: Map<string, string>;
  letters: Map<string, string>;
  numbers: Map<string, string>;
}

const indexes = new WeakMap<CodeList, Index>();

function indexOf(list: CodeList): Index {
  let ix = indexes.get(list);
  if (ix) return ix;
  ix = { exact: new Map(), letters: new Map(), numbers: new Map() };
  for (const c of list.codes) {
    for (const s of [c.code, c.label, ...c.variants]) ix.exact.set(matchKey(s), c.code);
    if (c.letter) ix.letters.set(c.letter, c.code);
    if (c.number !== undefined) ix.numbers.set(String(c.number), c.code);
  }
  for (const [n, code] of ix.numbers) if (!ix.exact.has(n)) ix.exact.set(n, code);
  indexes.set(list, ix);
  return ix;
}

const prefixed = /^\(?\s*([A-Za-z0-9_]{1,40})\s*(?:\)\s*[-:.\u2013]?|\s[-:\u2013]|[-:.\u2013])\s*(.*)$/;
const suffixed = /^(.*?)\s*\(\s*([A-Za-z0-9_]{1,40})\s*\)$/;

/** The code for `raw`, or undefined when nothing in the list matches. */
export function matchCode(list: CodeList, raw: string): string | undefined {
  const ix = indexOf(list);
  const whole = ix.exact.get(matchKey(raw));
  if (whole) return whole;
  const s = raw.trim();
  const m = prefixed.exec(s);
  const parts = m ? { head: m[1] ?? '', rest: m[2] ?? '' } : suffixed.exec(s) ? { head: suffixed.exec(s)?.[2] ?? '', rest: suffixed.exec(s)?.[1] ?? '' } : undefined;
  if (!parts) return undefined;
  const head = parts.head.toLowerCase();
  const byHead = /^[a-z]$/.test(head) ? ix.letters.get(head) : /^\d+$/.test(head) ? ix.numbers.get(head) : ix.exact.get(matchKey(head));
  const byRest = parts.rest ? ix.exact.get(matchKey(parts.rest)) : undefined;
  // A letter or number names an option by position, which templates number differently (`s) NOBT` in one, `t)` in
  // another): when the text beside it names a code, the text wins. A code beside a different label is ambiguous.
  if (byRest && /^[a-z0-9]$|^\d+$/.test(head)) return byRest;
  if (byHead && byRest && byHead !== byRest) return undefined;
  return byHead ?? byRest;
}

/** Every code of the list as a data officer should write it, for messages. */
export const acceptedCodes = (list: CodeList): string[] => list.codes.map((c) => c.code);
