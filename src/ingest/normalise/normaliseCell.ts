// Normalise one raw cell of a typed column (not text) to its canonical text, or name the rule it breaks.
// Presence (missing, `Not known`) is decided before this, so `raw` here always holds a value.
import type { CodeList, ColumnType } from '../../../schemas/index.js';
import { codeLists } from '../../../schemas/index.js';
import { acceptedCodes, resolveCode, type CodeMatch } from './matchCode.js';
import { fail, ok, type Normalised } from './Normalised.js';
import { parseDate } from './parseDate.js';
import { parseDecimal, parseInteger, parseMoney } from './parseNumber.js';
import { parseMonth } from './parseMonth.js';

export type TypedKind = Exclude<ColumnType['kind'], 'text'>;

/**
 * A code-list reading as a normalised cell. Details carry what the message needs, space-separated: the stored code
 * (`code.not_known`, `code.inferred` with `background`/`group`, `code.letter_mismatch` with the letter and the codes it
 * names), or the codes named (`code.ambiguous`, comma-separated).
 */
function fromMatch(list: CodeList, m: CodeMatch): Normalised {
  if (!m.ok) return m.rule === 'code.ambiguous' ? fail('code.ambiguous', m.codes.join(',')) : fail('code.unknown', acceptedCodes(list).join(', '));
  const n = m.note;
  if (!n) return ok(m.code);
  switch (n.rule) {
    case 'code.not_known':
      return ok(m.code, { rule: n.rule, detail: n.code });
    case 'code.inferred':
      return ok(m.code, { rule: n.rule, detail: `${n.code} ${n.from}` });
    case 'code.letter_mismatch':
      return ok(m.code, { rule: n.rule, detail: `${n.code} ${n.letter} ${n.letterCodes.join(',')}` });
  }
}

export function normaliseCell(type: Exclude<ColumnType, { kind: 'text' }>, raw: string): Normalised {
  switch (type.kind) {
    case 'date':
      return parseDate(raw);
    case 'integer':
      return parseInteger(raw, type.min, type.max);
    case 'decimal':
      return parseDecimal(raw, type.min);
    case 'money':
      return parseMoney(raw, type.min);
    case 'month':
      return parseMonth(raw);
    case 'yesno':
      return fromMatch(codeLists.yesNo, resolveCode(codeLists.yesNo, raw));
    case 'code':
      return fromMatch(type.codes, resolveCode(type.codes, raw));
    case 'codes': {
      const parts = raw.split(/[;,|]/).map((p) => p.trim()).filter((p) => p !== '');
      const codes: string[] = [];
      let warning: Normalised | undefined;
      for (const p of parts) {
        const n = fromMatch(type.codes, resolveCode(type.codes, p));
        if (!n.ok) return n;
        warning ??= n.warning ? n : undefined;
        if (!codes.includes(n.value)) codes.push(n.value);
      }
      if (!codes.length) return fail('code.unknown', acceptedCodes(type.codes).join(', '));
      return ok(codes.join(';'), warning?.ok ? warning.warning : undefined);
    }
  }
}
