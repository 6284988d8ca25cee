// Dates as LAs send them → ISO `yyyy-mm-dd`: dd/mm/yyyy and its variants, ISO, Excel date-times, dd-Mon-yyyy, Excel serials.
import { fail, ok, type Normalised } from './Normalised.js';

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const time = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?)?`;
const ukDate = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${time}$`, 'i');
const isoDate = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${time}Z?$`, 'i');
const namedMonth = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-](\d{4}|\d{2})$/i;
const excelSerial = /^(\d{5})(?:\.\d+)?$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function build(y: number, m: number, d: number): Normalised {
  if (m < 1 || m > 12) return fail('date.impossible', `there is no month ${m}`);
  if (d < 1 || d > daysInMonth(y, m)) return fail('date.impossible', `${monthNames[m - 1]} ${y} has ${daysInMonth(y, m)} days`);
  if (y < 1900) return fail('date.too_early');
  return ok(`${y}-${pad(m)}-${pad(d)}`);
}

/** Parse one date cell (already known not to be a missing token). */
export function parseDate(raw: string): Normalised {
  const s = raw.trim();
  let m = ukDate.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[3]), m[4] ?? ''];
    if (y.length === 2) return fail('date.two_digit_year');
    if (mo > 12 && d <= 12) return fail('date.us_order', `a month part of ${mo}`);
    return build(Number(y), mo, d);
  }
  m = isoDate.exec(s);
  if (m) return build(Number(m[1]), Number(m[3]), Number(m[4]));
  m = namedMonth.exec(s);
  if (m) {
    const mo = months.indexOf((m[2] ?? '').slice(0, 3).toLowerCase()) + 1;
    if (mo === 0) return fail('date.format');
    if ((m[3] ?? '').length === 2) return fail('date.two_digit_year');
    return build(Number(m[3]), mo, Number(m[1]));
  }
  m = excelSerial.exec(s);
  if (m) {
    // Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was: serials above 60 are days since 1899-12-30.
    const dt = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000);
    return build(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
  }
  return fail('date.format');
}
