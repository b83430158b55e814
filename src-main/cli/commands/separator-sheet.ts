// `separator-sheet --type next|purchase|sale|various|permanent [--company …] [--category …]`:
// writes a printable separator sheet (a one-page PDF) to standard output (the implementation is
// separator-sheet-actions.ts, loaded when the command runs).
import { helpText } from '../commander-language.ts';
import type { Command } from 'commander';
import type { CliRuntime } from '../cli-runtime.ts';
import type { SheetOptions } from './separator-sheet-actions.ts';
import { destinationTypeOption } from './destination-options.ts';

export function registerSeparatorSheetCommand(
  program: Command,
  runtime: () => Promise<CliRuntime>,
): void {
  program
    .command('separator-sheet')
    .description(helpText('separator_sheet'))
    // The destinations by the words `folders add --type` takes and lists; `next` as it is.
    .addOption(
      destinationTypeOption(helpText('sheet_type'), undefined, ['next']).makeOptionMandatory(),
    )
    .option('--company <number>', helpText('sheet_company'))
    .option('--category <name-or-id>', helpText('sheet_category'))
    .action(async (options: SheetOptions) => {
      const { writeSeparatorSheet } = await import('./separator-sheet-actions.ts');
      await writeSeparatorSheet(runtime, options);
    });
}
