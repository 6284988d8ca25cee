#!/usr/bin/env node
// The `raa` command line: commander wiring only. Each command lives in its own module and returns an exit code.
import { Command, CommanderError } from 'commander';
import { registerValidate } from './validateCommand.js';
import { registerSpec } from './specCommand.js';
import { registerExport } from './exportCommand.js';
import { registerLoad } from './loadCommand.js';
import { registerStatus } from './statusCommand.js';
import { registerRun } from './runCommand.js';
import { registerReport } from './reportCommand.js';
import { registerCheck } from './checkCommand.js';
import { registerAnnexA } from './annexACommand.js';
import { exitCodeOf, exitCodes } from './exitCodes.js';
import { Database } from '../warehouse/Database.js';
import { OutOfSpaceError } from '../errors/RaaError.js';
import { tmpdir } from 'node:os';
import { visible } from '../diagnostics/visible.js';
import { removeStaleScratch } from '../ingest/scratchDir.js';

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

const program = new Command('raa')
  .description("Monitoring and reporting pipeline for a Regional Adoption Agency's monthly partner extracts")
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerValidate(program);
registerSpec(program);
registerLoad(program);
registerStatus(program);
registerRun(program);
registerReport(program);
registerExport(program);
registerCheck(program);
registerAnnexA(program);

try {
  // Scratch folders of raa processes killed mid-load or mid-validate hold plain-text copies of extracts: remove them.
  for (const path of await removeStaleScratch()) if (process.env.RAA_DEBUG) process.stderr.write(`raa: removed ${path}, left by a raa process that no longer runs\n`);
  await program.parseAsync(process.argv);
} catch (e) {
  // The boundary: every error ends here as one line and its code from the one table (exitCodeOf); never a stack trace
  // unless RAA_DEBUG=1 asks for it.
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  } else {
    const code = exitCodeOf(e);
    const msg = e instanceof Error ? e.message : String(e);
    if (code === exitCodes.bug) process.stderr.write(`raa: unexpected error (a bug in raa; please report it with the command you ran): ${msg}\n`);
    else if (code === exitCodes.resources && !(e instanceof OutOfSpaceError)) {
      process.stderr.write(`raa: the disk or the temp folder (${tmpdir()}) is full: ${msg.split('\n')[0] ?? ''}; free some space there (or set TMPDIR to a folder on another disk), then run the command again\n`);
    } else process.stderr.write(`raa: ${msg}\n`);
    if (process.env.RAA_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    process.exitCode = code;
  }
} finally {
  // Whatever happened, release every warehouse file this process opened so other processes may use it.
  Database.closeAll();
}
