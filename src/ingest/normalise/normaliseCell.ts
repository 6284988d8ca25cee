// Normalise one raw cell of a typed column (not text) to its canonical text, or name the rule it breaks.
// Presence (missing, `Not known`) is decided before this, so `raw` here always holds a value.
import type { ColumnType } from '../../../schemas/index.js';
import { codeLists } from '../../../schemas/index.js';
import { acceptedCodes, matchCode } from './matchCode.js';
import { fail, ok, type Normalised } from './Normalised.js';
import { parseDate } from './parseDate.js';
import { parseDecimal, parseInteger, parseMoney } from './parseNumber.js';
import { parseMonth } from './parseMonth.js';

export type TypedKind = Exclude<ColumnType['kind'], 'text'>;

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
    case 'yesno': {
      const c = matchCode(codeLists.yesNo, raw);
      return c ? ok(c) : fail('code.unknown', acceptedCodes(codeLists.yesNo).join(', '));
    }
    case 'code': {
      const c = matchCode(type.codes, raw);
      return c ? ok(c) : fail('code.unknown', acceptedCodes(type.codes).join(', '));
    }
    case 'codes': {
      const parts = raw.split(/[;,|]/).map((p) => p.trim()).filter((p) => p !== '');
      const codes: string[] = [];
      for (const p of parts) {
        const c = matchCode(type.codes, p);
        if (!c) return fail('code.unknown', acceptedCodes(type.codes).join(', '));
        if (!codes.includes(c)) codes.push(c);
      }
      return codes.length ? ok(codes.join(';')) : fail('code.unknown', acceptedCodes(type.codes).join(', '));
    }
  }
}
