#!/usr/bin/env node
// The `raa` process: private files, harmless output, then one run of the command line (runCli.ts).
import { visible } from '../diagnostics/visible.js';
import { runCli } from './runCli.js';

// Extracts describe children and adopters: everything this process writes (warehouse, its WAL, scratch copies,
// reports with record ids) is private to the user unless they share it deliberately.
process.umask(0o077);
// Values from extracts reach the terminal in diagnostics, file names and headers: their control and bidi characters
// are shown as escapes, never obeyed (a clear-screen or window-title code in a cell stays text).
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = ((chunk: unknown, ...rest: unknown[]) => (write as (...a: unknown[]) => boolean)(typeof chunk === 'string' ? visible(chunk) : chunk, ...rest));
}
// Output piped into `head` and closed early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await runCli(process.argv.slice(2));
