// `separator-sheet --type next|purchase|sale|various|permanent [--company …] [--category …]`:
// writes a printable separator sheet (a one-page PDF) to standard output, for `> sheet.pdf`.
// It needs no token, no engine and no lock: it only draws the sheet (defined in
// separator-sheet.ts).
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import { createSeparatorSheet, SeparatorSheet, type SeparatorType } from '../../core/index.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { parseCompanyNumber } from './administrations-actions.ts';
import { destinationTypeWord } from './destination-options.ts';

/** `separator-sheet`'s options, as commander leaves them. */
export interface SheetOptions {
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
    throw new CliError(inCliLanguage(msg('cli_usage_sheet_next_alone')), EXIT.usage);
  }
  if ((options.type === 'purchase' || options.type === 'sale') && options.category !== undefined) {
    throw new CliError(
      inCliLanguage(
        msg('cli_usage_sheet_no_category', { sheetType: destinationTypeWord(options.type) }),
      ),
      EXIT.usage,
    );
  }
  if (
    (options.type === 'various' || options.type === 'permanent') &&
    options.category === undefined
  ) {
    throw new CliError(
      inCliLanguage(
        msg('cli_usage_sheet_needs_category', { sheetType: destinationTypeWord(options.type) }),
      ),
      EXIT.usage,
    );
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
    // The company number was read above; only the category id is left to be wrong.
    throw new CliError(
      inCliLanguage(msg('cli_usage_sheet_category_invalid', { value: options.category ?? '' })),
      EXIT.usage,
    );
  }
  return parsed.data;
}

/** Draws the sheet the options describe and writes it to standard output (never a terminal). */
export async function writeSeparatorSheet(options: SheetOptions): Promise<void> {
  const sheet = sheetOf(options);
  if (process.stdout.isTTY) {
    throw new CliError(inCliLanguage(msg('cli_sheet_not_to_terminal')), EXIT.usage);
  }
  const pdf = await createSeparatorSheet(sheet);
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(pdf, (error) => (error ? reject(error) : resolve())),
  );
}
