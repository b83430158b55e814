// `administrations` and `categories <company>`: what the token can reach, for folder bindings.
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';

export function registerAdministrationCommands(
  program: Command,
  runtime: () => Promise<CliRuntime>,
): void {
  program
    .command('administrations')
    .description(helpText('administrations'))
    .option('--json', helpText('json_them'))
    .action(async (options: { json?: boolean }) => {
      const { listAdministrations } = await import('./administrations-actions.ts');
      await listAdministrations(runtime, options);
    });

  program
    .command('categories <company>')
    .description(helpText('categories'))
    .option('--json', helpText('json_them'))
    .action(async (company: string, options: { json?: boolean }) => {
      const { listCategories } = await import('./administrations-actions.ts');
      await listCategories(runtime, company, options);
    });
}
