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
import { exitCodes, UsageError } from './exitCodes.js';
import { PipelineError } from '../pipeline/loadPipeline.js';
import { InboxError } from '../load/inboxFiles.js';
import { LoadFailedError } from '../load/LoadFailedError.js';
import { Database, WarehouseBusyError } from '../warehouse/Database.js';
import { WarehouseVersionError } from '../warehouse/migrations.js';
import { WarehouseOpenError } from '../warehouse/openWarehouse.js';

// Extracts describe children and adopters: everything this process writes (warehouse, its WAL, scratch copies,
// reports with record ids) is private to the user unless they share it deliberately.
process.umask(0o077);
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

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : exitCodes.usage;
  } else if (e instanceof UsageError || e instanceof PipelineError || e instanceof InboxError) {
    process.stderr.write(`raa: ${e.message}\n`);
    process.exitCode = exitCodes.usage;
  } else if (e instanceof WarehouseBusyError || e instanceof WarehouseVersionError || e instanceof WarehouseOpenError || e instanceof LoadFailedError) {
    process.stderr.write(`raa: ${e.message}\n`);
    process.exitCode = exitCodes.unusable;
  } else {
    // The boundary: an unexpected failure is reported in one line, never as a stack trace (RAA_DEBUG=1 shows it).
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`raa: unexpected error: ${msg}\n`);
    if (process.env.RAA_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    process.exitCode = exitCodes.unusable;
  }
} finally {
  // Whatever happened, release every warehouse file this process opened so other processes may use it.
  Database.closeAll();
}
