// The exit-code table lives with the error base class at the bottom of the layers (src/errors/RaaError.ts); the
// commands import it from here, and `exitCodeOf` is the one place an error becomes an exit code.
import { exitCodes, isOutOfSpace, RaaError, type ExitCode } from '../errors/RaaError.js';

export { exitCodes, UsageError } from '../errors/RaaError.js';

/**
 * How the process ends for an error that reached the CLI's boundary: an expected error carries its code; a full disk
 * or temp folder is 4 whatever raised it; anything else is a bug (70), never confused with "warehouse busy" (3).
 */
export function exitCodeOf(e: unknown): ExitCode {
  // A full disk is 4 even when it surfaced as a failed load (whose own code is 3): what to do is free space.
  if (isOutOfSpace(e)) return exitCodes.resources;
  if (e instanceof RaaError) return e.exitCode;
  return exitCodes.bug;
}
