// `raa spec`: write the data specification for partner LAs (Markdown, JSON Schema, CSV templates); prints each file written.
import type { Command } from 'commander';
import { specFormats, writeSpec, type SpecFormat } from '../spec/writeSpec.js';
import { UsageError } from './exitCodes.js';

/** `md,json-schema` → the formats, once each; an unknown or empty list is a usage error. */
export function parseFormats(list: string): SpecFormat[] {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !(specFormats as readonly string[]).includes(n));
  if (unknown.length > 0) throw new UsageError(`unknown --format ${unknown.map((n) => `"${n}"`).join(', ')}; choose from ${specFormats.join(', ')}`);
  if (names.length === 0) throw new UsageError(`--format needs at least one of ${specFormats.join(', ')}`);
  return specFormats.filter((f) => names.includes(f));
}

export function registerSpec(program: Command): void {
  program
    .command('spec')
    .description('write the data specification partner LAs work from: Markdown, JSON Schema per dataset, blank CSV templates')
    .option('--format <list>', `comma-separated formats: ${specFormats.join(',')}`, specFormats.join(','))
    .option('--out <dir>', 'folder to write into', 'spec')
    .action(async (opts: { format: string; out: string }) => {
      const files = await writeSpec({ formats: parseFormats(opts.format), outDir: opts.out });
      for (const file of files) process.stdout.write(`${file}\n`);
    });
}
