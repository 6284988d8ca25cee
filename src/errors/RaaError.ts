// The one table of exit codes every command follows, and the error base class that carries one. It sits at the
// bottom of the layers so that any stage can throw an error that already knows how the CLI must end.

/**
 * - 0 `ok`: success.
 * - 1 `dataErrors`: data errors found, or a run that needs attention.
 * - 2 `usage`: a usage or configuration mistake (a bad option, a missing path, a pipeline or report file error, no Chromium).
 * - 3 `warehouse`: the warehouse is busy (another process has it), damaged, unusable or from a newer version.
 * - 4 `resources`: the local machine ran out of something (disk or temp folder full).
 * - 70 `bug`: an unexpected error, i.e. a bug in raa (sysexits' EX_SOFTWARE); never confused with "busy".
 */
export const exitCodes = { ok: 0, dataErrors: 1, usage: 2, warehouse: 3, resources: 4, bug: 70 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** An expected failure: its message is one line for the user (file, what happened, what to do) and it knows its exit code. */
export class RaaError extends Error {
  constructor(message: string, readonly exitCode: ExitCode, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Node's and DuckDB's ways of saying a disk or the temp folder is full. */
const outOfSpaceText = /ENOSPC|EDQUOT|No space left on device|Disk quota exceeded|could not write all bytes|failed to offload data block/i;

/** Whether `e`, or an error it was caused by, says the disk or temp folder is full. */
export function isOutOfSpace(e: unknown): boolean {
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || outOfSpaceText.test(x instanceof Error ? x.message : typeof x === 'string' ? x : '')) return true;
  }
  return false;
}

/** The disk (or temp folder) filled up while raa was writing somewhere it names: exit code 4. */
export class OutOfSpaceError extends RaaError {
  constructor(readonly where: string, options?: ErrorOptions) {
    super(`the disk is full: there was no space left while ${where}; free some space on that disk (or choose another folder), then run the command again`, exitCodes.resources, options);
  }
}

/** A mistake in how the command was called or configured: exit code 2. */
export class UsageError extends RaaError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, exitCodes.usage, options);
  }
}
