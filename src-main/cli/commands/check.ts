// `check <files…> [--json]`: what would happen to each file, without sending anything (the
// implementation is check-actions.ts, loaded when the command runs).
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';

export function registerCheckCommand(program: Command, runtime: () => Promise<CliRuntime>): void {
  program
    .command('check <files...>')
    .description(helpText('check'))
    .option('--json', helpText('check_json'))
    .action(async (files: string[], flags: { json?: boolean }) => {
      const { checkFiles } = await import('./check-actions.ts');
      await checkFiles(runtime, files, flags);
    });
}
