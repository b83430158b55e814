// `separator-sheet --type next|purchase|sale|various|permanent [--company …] [--category …]`:
// writes a printable separator sheet (a one-page PDF) to standard output (the implementation is
// separator-sheet-actions.ts, loaded when the command runs).
import { helpText } from '../commander-language.ts';
import { Option, type Command } from 'commander';
import { SEPARATOR_TYPES } from '../../contract/split-modes.ts';
import type { SheetOptions } from './separator-sheet-actions.ts';

export function registerSeparatorSheetCommand(program: Command): void {
  program
    .command('separator-sheet')
    .description(helpText('separator_sheet'))
    .addOption(
      new Option('--type <type>', helpText('sheet_type'))
        .choices(SEPARATOR_TYPES)
        .makeOptionMandatory(),
    )
    .option('--company <number>', helpText('sheet_company'))
    .option('--category <name-or-id>', helpText('sheet_category'))
    .action(async (options: SheetOptions) => {
      const { writeSeparatorSheet } = await import('./separator-sheet-actions.ts');
      await writeSeparatorSheet(options);
    });
}
