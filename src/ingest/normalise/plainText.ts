// Typography never changes what a value means: curly quotes, en and em dashes, non-breaking and other odd spaces,
// and the mojibake a UTF-8 file gets when read as Windows-1252 (`Childâ€™s`) all become their plain forms.
const mojibake: [RegExp, string][] = [
  [/\u00e2\u20ac\u2122|\u00e2\u20ac\u02dc/g, "'"],
  [/\u00e2\u20ac\u0153|\u00e2\u20ac\u009d|\u00e2\u20ac\u009c/g, '"'],
  [/\u00e2\u20ac\u201c|\u00e2\u20ac\u201d/g, '-'],
  [/\u00c2\u00a0/g, ' '],
];

/** `raw` with typography made plain: straight quotes, ASCII hyphens, single ordinary spaces, trimmed. Case is kept. */
export function plainText(raw: string): string {
  // Mojibake first: NFKC would turn its ™ into "TM".
  let s = raw;
  for (const [re, to] of mojibake) s = s.replace(re, to);
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .trim();
}

/** Comparison key: plain text, lower case, apostrophes dropped, `&` and `+` as "and", other punctuation as spaces. */
export const matchKey = (s: string): string =>
  plainText(s)
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[&+]/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
