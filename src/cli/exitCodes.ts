// Exit codes shared by every command (design.md): 0 success, 1 data errors, 2 usage or configuration, 3 warehouse busy or unusable.
export const exitCodes = { ok: 0, dataErrors: 1, usage: 2, unusable: 3 } as const;

/** A mistake in how the command was called or configured: printed as one line, exit code 2. */
export class UsageError extends Error {}
