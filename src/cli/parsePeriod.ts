// The `--period` option of every command: a month as YYYY-MM, or a usage error saying so.
import { isMonth } from '../period/month.js';
import { UsageError } from './exitCodes.js';

/** `--period` checked: undefined when not given. */
export function parsePeriod(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isMonth(value)) throw new UsageError(`--period must be a month as YYYY-MM, for example 2026-10 (got "${value}")`);
  return value;
}
