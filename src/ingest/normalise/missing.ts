// Missing-value tokens: what LAs write for "no value". `Not known` is accepted only in optional columns.
export const missingTokens = ['', 'null', 'n/a', 'na', '-'] as const;
export const notKnownToken = 'not known';

export type Presence = 'value' | 'missing' | 'not_known';

export function presence(raw: string | null | undefined): Presence {
  if (raw == null) return 'missing';
  const t = raw.trim().toLowerCase();
  if ((missingTokens as readonly string[]).includes(t)) return 'missing';
  if (t.replace(/\s+/g, ' ') === notKnownToken) return 'not_known';
  return 'value';
}
