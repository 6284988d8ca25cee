// Code-list matching: a raw value, in any of the forms of schemas/valueForms.ts, read against one code list. Every
// reading of the value is taken; the value names an option only when every reading that makes sense names that same
// option. Two options named (`WBRI White Irish`, `a) Male / d) Neither`) is `code.ambiguous`, never a guess.
// An option letter names an option by its position in the template, which editions number differently, so a wording
// beside it decides (with a warning); a code or DfE number beside a different wording is ambiguous.
import { backgroundNames } from '../../../schemas/backgroundNames.js';
import { otherWordings } from '../../../schemas/ethnicityCodes.js';
import type { CodeGroup, CodeList } from '../../../schemas/index.js';
import { notKnownWordings, refusedWordings } from '../../../schemas/notKnownWordings.js';
import { valueForms } from '../../../schemas/valueForms.js';
import { matchKey, plainText } from './plainText.js';

export { matchKey } from './plainText.js';

/** Why a value read as a code still deserves a word to the sender. */
export type CodeNote =
  /** A "not known / refused" wording, stored as the list's not-known code. */
  | { rule: 'code.not_known'; code: string }
  /** A background without a DfE code of its own, or only a group: stored as the group's "any other" code. */
  | { rule: 'code.inferred'; code: string; from: 'background' | 'group'; group: string }
  /** The template letter names another option than the wording beside it: the wording decided. */
  | { rule: 'code.letter_mismatch'; code: string; letter: string; letterCodes: string[] };

export type CodeMatch = { ok: true; code: string; note?: CodeNote } | { ok: false; rule: 'code.unknown' } | { ok: false; rule: 'code.ambiguous'; codes: string[] };

type How = 'exact' | 'background' | 'group' | 'notKnown';

type Reading =
  | { k: 'code'; code: string; how: How; mismatch?: { letter: string; codes: string[] } }
  | { k: 'letter'; letter: string; codes: string[] }
  | { k: 'group'; group: CodeGroup }
  | { k: 'other' }
  | { k: 'people' }
  | { k: 'scoped'; key: string }
  | { k: 'local' }
  /** A wording cut short (`Any other Mixed backgro`): it names nothing alone, and confirms a code beside it that it begins. */
  | { k: 'cut'; codes: string[] }
  | { k: 'conflict'; codes: string[] };

type Slot = 'code' | 'label' | 'letter' | 'number' | 'group';
type Token = { lit: RegExp } | { slot: Slot };

interface Index {
  list: CodeList;
  exact: Map<string, string>;
  codes: Map<string, string>;
  backgrounds: Map<string, string>;
  letters: Map<string, string[]>;
  numbers: Map<string, string>;
  groups: Map<string, CodeGroup>;
  anyOthers: Set<string>;
  /** Codes that are options of the template or the DfE list (a letter or a number): their own wording is no news. */
  official: Set<string>;
  /** Every option's own wordings (code, label, variants, spellings) by key, for a wording cut short. */
  wordings: [key: string, code: string][];
  cache: Map<string, Reading | null>;
}

const keys = (xs: readonly string[]) => new Set(xs.map(matchKey));
const notKnownKeys = keys(notKnownWordings);
const refusedKeys = keys(refusedWordings);
const otherKeys = keys(otherWordings);
const peopleKeys = keys(backgroundNames);

/** A form as tokens: punctuation matches with optional spaces around it, a space matches any run of spaces. */
function compileForm(form: string): Token[] {
  const tokens: Token[] = [];
  for (const part of form.split(/(\{[a-z]+\})/)) {
    if (part === '') continue;
    const slot = /^\{([a-z]+)\}$/.exec(part)?.[1];
    if (slot) {
      tokens.push({ slot: slot as Slot });
      continue;
    }
    const t = part.trim();
    const src = t === '' ? String.raw`\s+` : [...t].map((ch) => (ch === ' ' ? String.raw`\s+` : String.raw`\s*${ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\s*`)).join('');
    tokens.push({ lit: new RegExp(src, 'y') });
  }
  return tokens;
}
/**
 * The forms; whether each puts two wordings side by side (`{label} / {label}`: then both must name an option); and
 * whether its code is set off by punctuation (`WEN - …`, `(A.A28) …`), where a council's own code may stand.
 */
const forms = valueForms.map((f) => ({ tokens: compileForm(f), pair: (f.match(/\{label\}/g) ?? []).length > 1, setOff: /\{code\}\s*[-:)\]=]/.test(f) }));

const slotShape: Record<Slot, RegExp> = {
  code: /^[A-Za-z0-9_.]{1,40}$/,
  letter: /^[A-Za-z]$/,
  number: /^\d{1,3}$/,
  label: /\S/,
  group: /\S/,
};

/** Every way the tokens split `s` into slot values. */
function* splits(s: string, tokens: Token[], at = 0, pos = 0, got: [Slot, string][] = []): Generator<[Slot, string][]> {
  if (at === tokens.length) {
    if (pos === s.length) yield got;
    return;
  }
  const t = tokens[at] as Token;
  if ('lit' in t) {
    t.lit.lastIndex = pos;
    const m = t.lit.exec(s);
    if (m) yield* splits(s, tokens, at + 1, pos + m[0].length, got);
    return;
  }
  const last = at === tokens.length - 1;
  for (let end = last ? s.length : pos + 1; end <= s.length; end++) {
    const v = s.slice(pos, end).trim();
    if (v === '' || !slotShape[t.slot].test(v)) continue;
    yield* splits(s, tokens, at + 1, end, [...got, [t.slot, v]]);
  }
}

const indexes = new WeakMap<CodeList, Index>();

function indexOf(list: CodeList): Index {
  const known = indexes.get(list);
  if (known) return known;
  const ix: Index = {
    list, exact: new Map(), codes: new Map(), backgrounds: new Map(), letters: new Map(), numbers: new Map(), groups: new Map(),
    anyOthers: new Set(list.groups.map((g) => g.anyOther)), official: new Set(), wordings: [], cache: new Map(),
  };
  const put = (m: Map<string, string>, k: string, code: string) => {
    if (k !== '' && !m.has(k)) m.set(k, code);
  };
  for (const c of list.codes) {
    for (const code of [c.code, ...c.altCodes]) put(ix.codes, matchKey(code), c.code);
    for (const s of [c.code, ...c.altCodes, c.label, ...c.variants, ...c.spellings]) put(ix.exact, matchKey(s), c.code);
    for (const s of [c.label, ...c.variants, ...c.spellings]) ix.wordings.push([matchKey(s), c.code]);
    for (const s of c.backgrounds) put(ix.backgrounds, matchKey(s), c.code);
    if (c.letter) ix.letters.set(c.letter, [...(ix.letters.get(c.letter) ?? []), c.code]);
    for (const n of [...(c.number === undefined ? [] : [c.number]), ...c.alsoNumbers]) ix.numbers.set(String(n), c.code);
    if (c.letter || c.number !== undefined) ix.official.add(c.code);
  }
  for (const g of list.groups) for (const n of g.names) ix.groups.set(matchKey(n), g);
  indexes.set(list, ix);
  return ix;
}

/** What the whole of `text` names, if it is one wording of the list. */
function readWhole(ix: Index, text: string): Reading | null {
  const k = matchKey(text);
  if (k === '') return null;
  const exact = ix.exact.get(k);
  if (exact) return { k: 'code', code: exact, how: 'exact' };
  const background = ix.backgrounds.get(k);
  if (background) return { k: 'code', code: background, how: 'background' };
  const { notKnown, refused } = ix.list;
  if (notKnown && refusedKeys.has(k)) return { k: 'code', code: refused ?? notKnown, how: 'notKnown' };
  if (notKnown && notKnownKeys.has(k)) return { k: 'code', code: notKnown, how: 'notKnown' };
  // "Other" after a group is that group's "any other" (`White - Other`), before it is a group's name (`Other - Afghan`).
  if (ix.list.groups.length > 0 && otherKeys.has(k)) return { k: 'other' };
  const group = ix.groups.get(k);
  if (group) return { k: 'group', group };
  if (ix.list.groups.length > 0) {
    if (peopleKeys.has(k)) return { k: 'people' };
    if (ix.list.groups.some((g) => Object.values(g.wordings).some((ws) => ws.some((w) => matchKey(w) === k)))) return { k: 'scoped', key: k };
  }
  return null;
}

function readSlot(ix: Index, slot: Slot, v: string, depth: number, setOff: boolean): Reading | null {
  switch (slot) {
    case 'code': {
      const code = ix.codes.get(matchKey(v));
      if (code) return { k: 'code', code, how: 'exact' };
      // A wording where a code would be (`INDIAN - Indian`) counts as that wording.
      const whole = readWhole(ix, v);
      if (whole) return whole;
      // A council system's own code before the value says nothing: `(A.A28)`, `C5`, or, set off by punctuation, `WEN - `.
      return ix.list.localCodes && /^[A-Z0-9][A-Z0-9.]*$/.test(v) && (setOff || /[0-9.]/.test(v)) ? { k: 'local' } : null;
    }
    case 'letter':
      return { k: 'letter', letter: v.toLowerCase(), codes: ix.letters.get(v.toLowerCase()) ?? [] };
    case 'number': {
      const code = ix.numbers.get(String(Number(v)));
      return code ? { k: 'code', code, how: 'exact' } : null;
    }
    case 'group': {
      const group = ix.groups.get(matchKey(v));
      return group ? { k: 'group', group } : null;
    }
    case 'label':
      return readLabel(ix, v, depth + 1) ?? readCut(ix, v);
  }
}

/**
 * The options whose own wording `text` begins, when it is a wording cut short by a system's field length (a number the
 * system appended after it aside: `Any other White background(106`). Long enough to say something (12 characters).
 */
function readCut(ix: Index, text: string): Reading | null {
  const k = matchKey(text).replace(/( \d+)+$/, '');
  if (k.length < 12) return null;
  const codes = unique(ix.wordings.filter(([w]) => w.startsWith(k)).map(([, code]) => code));
  return codes.length > 0 ? { k: 'cut', codes } : null;
}

const rank: Record<How, number> = { exact: 0, notKnown: 1, background: 2, group: 3 };
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The readings of one split of a form, taken together: one option, a conflict, or nothing certain. */
function combine(ix: Index, rs: Reading[]): Reading | null {
  const conflicts = rs.flatMap((r) => (r.k === 'conflict' ? r.codes : []));
  if (rs.some((r) => r.k === 'conflict')) return { k: 'conflict', codes: unique(conflicts) };
  const codeReadings = rs.filter((r): r is Extract<Reading, { k: 'code' }> => r.k === 'code');
  const groups = unique(rs.flatMap((r) => (r.k === 'group' ? [r.group] : [])));
  const letters = rs.filter((r): r is Extract<Reading, { k: 'letter' }> => r.k === 'letter' && r.codes.length > 0);
  const has = (k: Reading['k']) => rs.some((r) => r.k === k);
  const scoped = rs.flatMap((r) => (r.k === 'scoped' ? [r.key] : []));
  if (groups.length > 1) return { k: 'conflict', codes: groups.map((g) => g.anyOther) };
  const g = groups[0];
  const codes = unique(codeReadings.map((r) => r.code));
  if (codes.length > 1) return { k: 'conflict', codes };
  const inScope = (key: string, grp: CodeGroup): string | undefined => Object.entries(grp.wordings).find(([, ws]) => ws.some((w) => matchKey(w) === key))?.[0];
  const code = codes[0];
  // A wording cut short only confirms the code beside it: alone, or beside a code it does not begin, it reads as nothing.
  const cuts = rs.filter((r): r is Extract<Reading, { k: 'cut' }> => r.k === 'cut');
  if (cuts.length > 0 && (code === undefined || cuts.some((c) => !c.codes.includes(code)))) return null;
  if (code !== undefined) {
    const conflict = (other: string) => ({ k: 'conflict' as const, codes: unique([code, other]) });
    if (g && !g.codes.includes(code)) return conflict(g.anyOther);
    for (const key of scoped) {
      const named: string | undefined = g ? inScope(key, g) : ix.list.groups.map((grp) => inScope(key, grp)).find((c) => c === code);
      if (named !== code) return named ? conflict(named) : { k: 'conflict', codes: [code] };
    }
    if ((has('other') || has('people')) && !ix.anyOthers.has(code)) return { k: 'conflict', codes: [code] };
    const how = codeReadings.map((r) => r.how).sort((a, b) => rank[a] - rank[b])[0] as How;
    const wrongLetter = letters.find((l) => !l.codes.includes(code));
    const mismatch = wrongLetter ? { letter: wrongLetter.letter, codes: wrongLetter.codes } : codeReadings.find((r) => r.mismatch)?.mismatch;
    return mismatch ? { k: 'code', code, how, mismatch } : { k: 'code', code, how };
  }
  if (letters.length > 0) {
    let set = letters.reduce<string[]>((acc, l) => acc.filter((c) => l.codes.includes(c)), (letters[0] as { codes: string[] }).codes);
    if (g) set = set.filter((c) => g.codes.includes(c));
    if (set.length === 1) return { k: 'code', code: set[0] as string, how: 'exact' };
    return { k: 'conflict', codes: unique(letters.flatMap((l) => l.codes)) };
  }
  if (!g) return null;
  if (scoped.length > 0) {
    const named = unique(scoped.map((key) => inScope(key, g)));
    return named.length === 1 && named[0] ? { k: 'code', code: named[0], how: 'exact' } : null;
  }
  if (has('other')) return { k: 'code', code: g.anyOther, how: 'exact' };
  if (has('people')) return { k: 'code', code: g.anyOther, how: 'background' };
  return { k: 'code', code: g.anyOther, how: 'group' };
}

/** What `text` names: its whole wording if it is one, else what every form it fits agrees on. */
function readLabel(ix: Index, text: string, depth: number): Reading | null {
  const cached = ix.cache.get(text);
  if (cached !== undefined) return cached;
  let result = readWhole(ix, text);
  if (!result && depth <= 3 && text.length <= 160) {
    const found: Reading[] = [];
    for (const { tokens, pair, setOff } of forms) {
      for (const split of splits(text, tokens)) {
        const rs = split.map(([slot, v]) => readSlot(ix, slot, v, depth, setOff));
        if (rs.some((r) => r === null)) continue;
        if (pair && !rs.every((r) => r?.k === 'code' || r?.k === 'conflict')) continue;
        const r = combine(ix, rs as Reading[]);
        if (r) found.push(r);
      }
    }
    result = decide(found);
  }
  ix.cache.set(text, result);
  return result;
}

/**
 * One option when every consistent reading names it; a conflict when consistent readings name different options, or
 * when every reading is a conflict (`WBRI White Irish`). A split that sets two parts against each other while another
 * reading is consistent is a wrong split (`MWAS - White` / `Asian`), not a second meaning.
 */
function decide(found: Reading[]): Reading | null {
  const clean = found.filter((r): r is Extract<Reading, { k: 'code' }> => r.k === 'code');
  if (clean.length === 0) {
    const codes = unique(found.flatMap((r) => (r.k === 'conflict' ? r.codes : [])));
    return codes.length ? { k: 'conflict', codes } : null;
  }
  const codes = unique(clean.map((r) => r.code));
  if (codes.length > 1) return { k: 'conflict', codes };
  const best = [...clean].sort((a, b) => rank[a.how] - rank[b.how])[0] as Extract<Reading, { k: 'code' }>;
  return clean.find((r) => r.mismatch) ?? best;
}

/** Read `raw` against `list`: the code it names (with a note when the sender should hear of it), or why not. */
export function resolveCode(list: CodeList, raw: string): CodeMatch {
  const ix = indexOf(list);
  const text = plainText(raw);
  let r = readLabel(ix, text, 0);
  // "Other" alone is a group's name (Other ethnic group); after a group it is that group's "any other" (`White - Other`).
  const otherGroup = r?.k === 'other' ? ix.groups.get(matchKey(text)) : undefined;
  if (otherGroup) r = { k: 'group', group: otherGroup };
  if (r?.k === 'group') r = { k: 'code', code: r.group.anyOther, how: 'group' };
  if (!r || r.k !== 'code') return r?.k === 'conflict' ? { ok: false, rule: 'code.ambiguous', codes: r.codes } : { ok: false, rule: 'code.unknown' };
  const { code } = r;
  const groupOf = () => list.groups.find((g) => g.codes.includes(code))?.name ?? '';
  if (r.how === 'group' || (r.how === 'background' && ix.anyOthers.has(code))) return { ok: true, code, note: { rule: 'code.inferred', code, from: r.how === 'group' ? 'group' : 'background', group: groupOf() } };
  // The list's own not-known option, written as the template or DfE writes it, is an answer; any other wording of it is news.
  const unknownCodes = [list.notKnown, list.refused].filter((c): c is string => c !== undefined);
  if (unknownCodes.includes(code) && (r.how === 'notKnown' || !ix.official.has(code))) return { ok: true, code, note: { rule: 'code.not_known', code } };
  if (r.mismatch) return { ok: true, code, note: { rule: 'code.letter_mismatch', code, letter: r.mismatch.letter, letterCodes: r.mismatch.codes } };
  return { ok: true, code };
}

/** The code for `raw`, or undefined when the value names no option of the list with certainty. */
export function matchCode(list: CodeList, raw: string): string | undefined {
  const m = resolveCode(list, raw);
  return m.ok ? m.code : undefined;
}

/** Every code of the list as a data officer should write it, for messages. */
export const acceptedCodes = (list: CodeList): string[] => list.codes.map((c) => c.code);

/** `code (label)` for each option, or the label alone where code and label are the same word: for messages. */
export const acceptedOptions = (list: CodeList): string[] => list.codes.map((c) => (matchKey(c.code) === matchKey(c.label) ? c.label : `${c.code} (${c.label})`));

/** Levenshtein distance, bounded: stops early once every path exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The option `raw` most likely meant, when one code or label is within a typo or two of it: `code (label)`. */
export function nearestOption(list: CodeList, raw: string): string | undefined {
  const k = matchKey(raw);
  if (k.length < 2) return undefined;
  const max = k.length <= 4 ? 1 : k.length <= 10 ? 2 : 3;
  let best: { d: number; code: string } | undefined;
  for (const c of list.codes) {
    for (const s of [c.code, c.label, ...c.variants]) {
      const d = distance(k, matchKey(s), max);
      if (d <= max && (!best || d < best.d)) best = { d, code: c.code };
    }
  }
  if (!best) return undefined;
  const c = list.codes.find((x) => x.code === best.code);
  return c ? (matchKey(c.code) === matchKey(c.label) ? c.label : `${c.code} (${c.label})`) : undefined;
}
