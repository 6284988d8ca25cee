#!/usr/bin/env node
// The `raa` command line: commander wiring only. Each command lives in its own module and returns an exit code.
import { Command, CommanderError } from 'commander';
import { registerValidate } from './validateCommand.js';
import { registerSpec } from './specCommand.js';
import { registerExport } from './exportCommand.js';
import { exitCodes, UsageError } from './exitCodes.js';

const program = new Command('raa')
  .description("Monitoring and reporting pipeline for a Regional Adoption Agency's monthly partner extracts")
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerValidate(program);
registerSpec(program);
registerExport(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : exitCodes.usage;
  } else if (e instanceof UsageError) {
    process.stderr.write(`raa: ${e.message}\n`);
    process.exitCode = exitCodes.usage;
  } else {
    // The boundary: an unexpected failure is reported in one line, never as a stack trace (RAA_DEBUG=1 shows it).
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`raa: unexpected error: ${msg}\n`);
    if (process.env.RAA_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    process.exitCode = exitCodes.unusable;
  }
}
