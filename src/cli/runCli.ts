// One run of the `raa` command line on its arguments: commander wiring, then the boundary where every error becomes
// one line and its exit code (exitCodeOf). Returns the exit code; main.ts sets up the process around it, and tests
// call it in-process for the cases that need no process of their own (usage errors).
import { tmpdir } from 'node:os';
import { Command, CommanderError } from 'commander';
import { OutOfSpaceError } from '../errors/RaaError.js';
import { removeStaleScratch } from '../ingest/scratchDir.js';
import { Database } from '../warehouse/Database.js';
import { registerAnnexA } from './annexACommand.js';
import { registerCheck } from './checkCommand.js';
import { exitCodeOf, exitCodes } from './exitCodes.js';
import { registerExplain } from './explainCommand.js';
import { registerExport } from './exportCommand.js';
import { registerLoad } from './loadCommand.js';
import { registerReport } from './reportCommand.js';
import { registerRun } from './runCommand.js';
import { registerSpec } from './specCommand.js';
import { registerStatus } from './statusCommand.js';
import { registerValidate } from './validateCommand.js';

function program(): Command {
  const p = new Command('raa')
    .description("Monitoring and reporting pipeline for a Regional Adoption Agency's monthly partner extracts")
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [registerValidate, registerSpec, registerLoad, registerStatus, registerRun, registerReport, registerExport, registerCheck, registerAnnexA, registerExplain]) register(p);
  return p;
}

/** Run `raa <args>`; the commands write to stdout and stderr and set `process.exitCode`, which this returns (and resets). */
export async function runCli(args: readonly string[]): Promise<number> {
  const outer = process.exitCode;
  process.exitCode = undefined;
  try {
    // Scratch folders of raa processes killed mid-load or mid-validate hold plain-text copies of extracts: remove them.
    for (const path of await removeStaleScratch()) if (process.env.RAA_DEBUG) process.stderr.write(`raa: removed ${path}, left by a raa process that no longer runs\n`);
    await program().parseAsync(['node', 'raa', ...args]);
    return Number(process.exitCode ?? exitCodes.ok);
  } catch (e) {
    // The boundary: every error ends here as one line and its code from the one table; never a stack trace unless
    // RAA_DEBUG=1 asks for it.
    if (e instanceof CommanderError) return e.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    const code = exitCodeOf(e);
    const msg = e instanceof Error ? e.message : String(e);
    if (code === exitCodes.bug) process.stderr.write(`raa: unexpected error (a bug in raa; please report it with the command you ran): ${msg}\n`);
    else if (code === exitCodes.resources && !(e instanceof OutOfSpaceError)) {
      process.stderr.write(`raa: the disk or the temp folder (${tmpdir()}) is full: ${msg.split('\n')[0] ?? ''}; free some space there (or set TMPDIR to a folder on another disk), then run the command again\n`);
    } else process.stderr.write(`raa: ${msg}\n`);
    if (process.env.RAA_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    return code;
  } finally {
    process.exitCode = outer;
    // Whatever happened, release every warehouse file this run opened so other processes may use it.
    Database.closeAll();
  }
}
