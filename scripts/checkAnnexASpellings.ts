// Probe every spelling of LIIA's Annex A configuration (list_10 and list_11 categories) through the real normalisation,
// and count how each is stored: wrong (a code the spelling does not mean: must be 0), rejected (a diagnostic), or as
// intended. The configuration is read from the path given; it is not part of this project.
//   npm run check-annex-a -- <path to Annex_A_schema.yml> [--list]   (--list prints every spelling not as intended)
// The intended code: for gender, disability, FFA and the reasons, the option LIIA files the spelling under (a spelling
// filed under two options, or under one naming two, should be rejected). For ethnicity, which LIIA files only under the
// template's broad groups: the DfE code the spelling names — by a DfE code, extended code or older CIN code in it, or by
// a part of it that is a DfE label — and otherwise any code of the group. A spelling naming two codes, or headed by one
// group and naming a code of another, should be rejected.
// The judgement is the script's own: it reads LIIA's filing, the DfE codes, labels and letters, never the spellings,
// backgrounds or forms the reader knows (those are what it checks).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { adopters, children, codeLists, type Column, type Dataset } from '../schemas/index.js';
import { extendedEthnicity } from '../schemas/extendedEthnicity.js';
import { matchKey } from '../src/ingest/normalise/plainText.js';
import { lookupValue } from '../src/validate/buildLookups.js';

interface Category {
  code: string;
  name?: (string | number)[];
}
type Verdict = 'wrong' | 'rejected' | 'intended';

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
  console.error('usage: npm run check-annex-a -- <path to Annex_A_schema.yml> [--list]');
  process.exit(2);
}
const doc = parse(readFileSync(path, 'utf8'), { maxAliasCount: -1 }) as { column_map: Record<string, Record<string, { category?: Category[] } | null>> };

const eth = codeLists.ethnicity;
const groupByLetter: Record<string, string[]> = Object.fromEntries(eth.groups.map((g, i) => [String.fromCharCode(97 + i), g.codes]));
const notStated = [eth.refused, eth.notKnown].filter((c): c is string => c !== undefined);
const mainCodes = new Map(eth.codes.map((c) => [c.code, c.code]));
for (const e of extendedEthnicity) mainCodes.set(e.code, e.main);
const cin = new Map(eth.codes.flatMap((c) => c.altCodes.filter((a) => /^[A-E]\d$/.test(a)).map((a) => [a, c.code] as const)));
// A label that is also a group's name (`Other ethnic group`) names the group, not a code.
const groupNames = new Set(eth.groups.flatMap((g) => g.names.map(matchKey)));
const labels = new Map<string, string>(
  [...eth.codes.map((c) => [matchKey(c.label), c.code] as const), ...extendedEthnicity.map((e) => [matchKey(e.label), e.main] as const)].filter(([k]) => !groupNames.has(k)),
);

/** The DfE codes an ethnicity spelling names, by its codes and by the parts of it that are labels. */
function namedEthnicity(s: string): Set<string> {
  const named = new Set<string>();
  for (const m of s.matchAll(/\b[A-Z]{4}\b/g)) {
    const code = mainCodes.get(m[0]);
    if (code) named.add(code);
  }
  // An older CIN code stands alone: `A2`, `A2 - …`, not the local `A.A2` or `A4.1`.
  for (const m of s.matchAll(/(?<![A-Za-z0-9.])([A-E]\d)(?![0-9.])/g)) {
    const code = cin.get(m[1] as string);
    if (code) named.add(code);
  }
  const parts = s.split(/\s+-\s+|[:()[\]>=]|\s-|-\s/).map(matchKey).filter((p) => p !== '');
  // `White - Irish` names White Irish: a label may be split by a dash between group and background.
  const dashed = s.split(/\s*-\s*|>/).map(matchKey).filter((p) => p !== '');
  const candidates = [...parts, ...dashed.slice(1).map((p, i) => `${dashed[i] ?? ''} ${p}`)];
  for (const p of candidates) {
    const code = labels.get(p);
    if (code) named.add(code);
  }
  return named;
}

/** Our code for a LIIA option of a non-ethnicity column (`a) Male`, `Yes`, `Unknown`), by its letter or wording. */
function optionCodes(column: Column, option: string): string[] | 'two' {
  if (/\)\s*.+\/\s*[a-z]\)/.test(option)) return 'two';
  const list = column.type.kind === 'code' ? column.type.codes : codeLists.yesNo;
  const letter = /^([a-z])\)/.exec(option.trim())?.[1];
  if (letter) {
    const byLetter = list.codes.filter((c) => c.letter === letter).map((c) => c.code);
    if (byLetter.length) return byLetter;
  }
  const k = matchKey(option);
  if (k === 'unknown' && list.notKnown) return [list.notKnown];
  return list.codes.filter((c) => matchKey(c.label) === k || matchKey(c.code) === k).map((c) => c.code);
}

// The DfE's ethnic groups as a spelling heads itself with them (`Asian or Asian British - …`, `White (…)`), set off by a
// dash, `>`, `(` or a colon, and the first letter every DfE code of that group has (Chinese and Other share `Other`).
const groupHeads: [RegExp, RegExp][] = [
  [/^white\s*(-|>|\(|:)/i, /^W/],
  [/^(mixed|dual)(\s*\/\s*multiple( ethnic groups?)?)?\s*(-|>|\(|:)/i, /^M/],
  [/^asian((\s*\/\s*|\s+or\s+)asian[\s-]*british)?\s*(-|>|\(|:)/i, /^A/],
  [/^black((\s*\/\s*|\s+or\s+)black[\s-]*british)?\s*(-|>|\(|:)/i, /^B/],
];

function intendedEthnicity(option: string, spelling: string): string[] | 'reject' {
  const named = namedEthnicity(spelling);
  if (named.size > 1) return 'reject';
  // A spelling headed by one group that names a code of another (`White (Kurdish)`) has two meanings.
  const head = groupHeads.find(([re]) => re.test(spelling.trim()));
  if (head && [...named].some((code) => !head[1].test(code))) return 'reject';
  if (named.size === 1) return [...named];
  const letter = /^([a-z])\)/.exec(option.trim())?.[1] ?? '';
  if (/unknown/i.test(option) || letter === 'f') return notStated;
  return groupByLetter[letter] ?? [];
}

const totals: Record<Verdict, number> = { wrong: 0, rejected: 0, intended: 0 };
const listed: string[] = [];
const lists: [string, Dataset][] = [['list_10', children], ['list_11', adopters]];
for (const [listName, dataset] of lists) {
  const columns = doc.column_map[listName] ?? {};
  for (const [header, spec] of Object.entries(columns)) {
    const categories = spec?.category;
    if (!categories) continue;
    const column = dataset.columns.find((c) => matchKey(c.header) === matchKey(header));
    if (!column) throw new Error(`${listName}: no column of ${dataset.name} has the header "${header}"`);
    // A spelling LIIA files under two different options has two meanings: it should be rejected.
    const optionsOf = new Map<string, Set<string>>();
    for (const c of categories) for (const n of c.name ?? []) optionsOf.set(String(n), (optionsOf.get(String(n)) ?? new Set()).add(matchKey(c.code)));
    for (const c of categories) {
      for (const n of c.name ?? []) {
        const spelling = String(n);
        const read = lookupValue(column, spelling);
        const stored = read.value !== null ? read.value : null;
        const twoOptions = (optionsOf.get(spelling)?.size ?? 0) > 1;
        const intended = twoOptions ? 'reject' : column.field === 'ethnicity' ? intendedEthnicity(c.code, spelling) : optionCodes(column, c.code);
        const verdict: Verdict =
          stored === null ? (intended === 'reject' || intended === 'two' ? 'intended' : 'rejected')
          : intended === 'reject' || intended === 'two' || !intended.includes(stored) ? 'wrong'
          : 'intended';
        totals[verdict]++;
        if (verdict !== 'intended') listed.push(`${verdict.padEnd(8)} ${listName} ${column.field.padEnd(12)} ${JSON.stringify(spelling)} → ${stored ?? read.rule} (LIIA: ${c.code.trim()}${intended === 'reject' || intended === 'two' ? '; expected a diagnostic' : `; intended ${intended.join('/')}`})`);
      }
    }
  }
}

const all = totals.wrong + totals.rejected + totals.intended;
if (args.includes('--list')) for (const l of listed) console.log(l);
console.log(`spellings probed: ${all}`);
console.log(`stored wrong:     ${totals.wrong}`);
console.log(`rejected:         ${totals.rejected}`);
console.log(`as intended:      ${totals.intended} (${((100 * totals.intended) / all).toFixed(1)}%)`);
process.exitCode = totals.wrong > 0 || totals.intended / all < 0.95 ? 1 : 0;
