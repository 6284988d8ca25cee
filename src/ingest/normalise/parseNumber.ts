// Integers, decimals and money as text → canonical decimal text, with the range rules of the column.
import { fail, ok, type Normalised } from './Normalised.js';

const integer = /^[+-]?\d{1,9}(?:\.0+)?$/;
const decimal = /^[+-]?(?:\d{1,12}(?:\.\d*)?|\.\d+)$/;
const money = /^(?:\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.\d{1,2})?$/;

export function parseInteger(raw: string, min: number, max: number): Normalised {
  const s = raw.trim();
  if (!integer.test(s)) return fail('number.format', 'a whole number');
  const n = Math.trunc(Number(s));
  if (n < min || n > max) return fail('number.range', `${min} to ${max}`);
  return ok(String(n));
}

export function parseDecimal(raw: string, min: number): Normalised {
  const s = raw.trim();
  if (!decimal.test(s)) return fail('number.format', 'a number');
  const n = Number(s);
  if (n < min) return fail('number.range', `at least ${min}`);
  return ok(String(n));
}

/** `1234.5`, `£1,234.50`, `1,234`, `GBP 10` → `1234.50`. Negative amounts break the column's minimum. */
export function parseMoney(raw: string, min: number): Normalised {
  let s = raw.trim().replace(/^(?:£|gbp)\s*/i, '');
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1).replace(/^£\s*/, '');
  }
  if (!money.test(s)) return fail('money.format');
  const n = Number(s.replace(/,/g, '')) * (negative ? -1 : 1);
  if (n < min) return fail('number.range', `at least £${min}`);
  return ok(n.toFixed(2));
}
