// Test helper: `raa <args>` run in this process (runCli), its stdout, stderr and exit code captured — for the cases
// that need no process of their own (usage errors, setup steps, output checked for its content). What main.ts adds to
// the process is not here: the exit code as the process's, the umask (owner-only files) and the output guard (control
// and bidi characters shown as escapes). Tests of those, and of kills and the lock, run the CLI as a process.
import { vi } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';

export async function raaInProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const status = await runCli(args);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
