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

/** A mistake in how the command was called or configured: exit code 2. */
export class UsageError extends RaaError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, exitCodes.usage, options);
  }
}
