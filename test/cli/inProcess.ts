// Test helper: `raa <args>` run in this process (runCli), its stdout, stderr and exit code captured — for the cases
// that need no process of their own (usage errors). Exit codes and output of real runs are tested on the process.
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
