// A reporting month → `YYYY-MM`: `2025-04`, `04/2025`, `Apr-2025`, `April 2025`, or any full date in that month.
import { parseDate } from './parseDate.js';
import { fail, ok, type Normalised } from './Normalised.js';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parseMonth(raw: string): Normalised {
  const s = raw.trim();
  let m = /^(\d{4})[-/](\d{1,2})$/.exec(s) ?? null;
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/](\d{4})$/.exec(s);
  if (m) return month(Number(m[2]), Number(m[1]));
  m = /^([a-z]{3,9})[\s-](\d{4})$/i.exec(s);
  if (m) {
    const mo = months.indexOf((m[1] ?? '').slice(0, 3).toLowerCase()) + 1;
    return mo ? month(Number(m[2]), mo) : fail('month.format');
  }
  const d = parseDate(s);
  return d.ok ? ok(d.value.slice(0, 7)) : fail('month.format');
}

function month(y: number, m: number): Normalised {
  if (m < 1 || m > 12 || y < 1900) return fail('month.format');
  return ok(`${y}-${String(m).padStart(2, '0')}`);
}
