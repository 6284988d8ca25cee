// `raa spec`: placeholder until the spec generator lands.
import type { Command } from 'commander';

export function registerSpec(program: Command): void {
  program.command('spec').description('publish the data specification (not yet built)');
}
