// `separator-sheet --type next|purchase|sale|various|permanent [--company …] [--category …]`:
// writes a printable separator sheet (a one-page PDF) to standard output, for `> sheet.pdf`.
// It needs no token, no engine and no lock: it only draws the sheet.
import { Option, type Command } from 'commander';
import { createSeparatorSheet, SeparatorSheet, SeparatorType } from '../../core/index.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { parseCompanyNumber } from './administrations.ts';

interface SheetOptions {
  type: SeparatorType;
  company?: string;
  category?: string;
}

/** The sheet the options describe, or a usage error saying which option is wrong. */
function sheetOf(options: SheetOptions): SeparatorSheet {
  if (
    options.type === 'next' &&
    (options.company !== undefined || options.category !== undefined)
  ) {
    throw new CliError('A "next" sheet takes neither --company nor --category.', EXIT.usage);
  }
  if ((options.type === 'purchase' || options.type === 'sale') && options.category !== undefined) {
    throw new CliError(`A "${options.type}" sheet takes no --category.`, EXIT.usage);
  }
  if (
    (options.type === 'various' || options.type === 'permanent') &&
    options.category === undefined
  ) {
    throw new CliError(`A "${options.type}" sheet needs --category <id>.`, EXIT.usage);
  }
  const parsed = SeparatorSheet.safeParse({
    type: options.type,
    // Read as everywhere else: any written form, and mod-97 checked before a sheet exists.
    ...(options.company === undefined
      ? {}
      : { companyNumber: parseCompanyNumber(options.company) }),
    ...(options.category === undefined ? {} : { categoryId: options.category }),
  });
  if (!parsed.success) {
    throw new CliError(
      `--company must be a Belgian company number: 0 followed by 9 digits (got "${options.company ?? ''}").`,
      EXIT.usage,
    );
  }
  return parsed.data;
}

export function registerSeparatorSheetCommand(program: Command): void {
  program
    .command('separator-sheet')
    .description(
      'write a printable separator sheet (PDF) to standard output: put one in front of each document of a scanned stack',
    )
    .addOption(
      new Option(
        '--type <type>',
        'what the sheet does: next, or the destination of the next document',
      )
        .choices(SeparatorType.options)
        .makeOptionMandatory(),
    )
    .option('--company <number>', 'the next document goes to this administration (0123456789)')
    .option('--category <id>', 'the archive category (various and permanent)')
    .action(async (options: SheetOptions) => {
      const sheet = sheetOf(options);
      if (process.stdout.isTTY) {
        throw new CliError(
          'The sheet is a PDF: send standard output to a file, e.g. `clearfacts-uploader separator-sheet --type next > sheet.pdf`.',
          EXIT.usage,
        );
      }
      const pdf = await createSeparatorSheet(sheet);
      await new Promise<void>((resolve, reject) =>
        process.stdout.write(pdf, (error) => (error ? reject(error) : resolve())),
      );
    });
}
