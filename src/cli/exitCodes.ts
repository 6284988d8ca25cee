// The exit-code table lives with the error base class at the bottom of the layers (src/errors/RaaError.ts); the
// commands import it from here, and `exitCodeOf` is the one place an error becomes an exit code.
import { exitCodes, RaaError, type ExitCode } from '../errors/RaaError.js';

export { exitCodes, UsageError } from '../errors/RaaError.js';

/** Node's and DuckDB's ways of saying the disk or temp folder is full. */
const outOfSpace = /ENOSPC|EDQUOT|No space left on device|Disk quota exceeded|could not write all bytes|failed to offload data block/i;

/**
 * How the process ends for an error that reached the CLI's boundary: an expected error carries its code; a full disk
 * or temp folder is 4 whatever raised it; anything else is a bug (70), never confused with "warehouse busy" (3).
 */
export function exitCodeOf(e: unknown): ExitCode {
  if (e instanceof RaaError) return e.exitCode;
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'ENOSPC' || code === 'EDQUOT' || outOfSpace.test(message)) return exitCodes.resources;
  return exitCodes.bug;
}
