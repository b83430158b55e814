// `separator-sheet --type next|purchase|sale|various|permanent [--company …] [--category …]`:
// writes a printable separator sheet (a one-page PDF) to standard output, for `> sheet.pdf`.
// Only an archive sheet's category needs Clearfacts: it is checked against the administration's
// categories (a read) when they can be read; else the sheet is printed with a warning (defined in
// separator-sheet.ts).
import { ApiError } from '../../contract/api-contract.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import {
  chooseArchiveCategory,
  createSeparatorSheet,
  SeparatorSheet,
  type SeparatorType,
} from '../../core/index.ts';
import type { CliRuntime } from '../cli-runtime.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { parseCompanyNumber } from './administrations-actions.ts';
import { destinationTypeWord } from './destination-options.ts';
import { unreachableSentence } from '../unreachable-sentence.ts';

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

/**
 * Checks an archive sheet's category against the categories of its administration: a name or
 * id none of them has (or one shared by two) is bad usage, with the names there are, since the
 * document after such a sheet would fail when its batch is cut (split-step.ts looks it up the
 * same way, by chooseArchiveCategory). When the list cannot be read (no token, Clearfacts
 * unreachable) or the sheet names no administration, says on stderr that it was not checked.
 */
async function checkSheetCategory(
  runtime: () => Promise<CliRuntime>,
  sheet: SeparatorSheet,
): Promise<void> {
  if (sheet.type !== 'various' && sheet.type !== 'permanent') return;
  const category = sheet.categoryId;
  if (sheet.companyNumber === undefined) {
    warn(msg('cli_sheet_category_unchecked_no_company', { category }));
    return;
  }
  const companyNumber = sheet.companyNumber;
  let categories;
  const cli = await runtime();
  try {
    const { engine } = await cli.engineFor({ start: false, watchFolders: false });
    categories = await engine.handlers['administrations.categories']({ companyNumber });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    // Unreachable: the address tried and what to check, not the queue's "tried again later".
    const reason = inCliLanguage(unreachableSentence(error, cli.apiAddress()) ?? error.userMessage);
    warn(msg('cli_sheet_category_unchecked', { category, companyNumber, reason }));
    return;
  }
  try {
    chooseArchiveCategory(categories, companyNumber, sheet.type, category);
  } catch (error) {
    if (error instanceof ApiError) {
      throw new CliError(inCliLanguage(error.userMessage), EXIT.usage);
    }
    throw error;
  }
}

function warn(message: Parameters<typeof inCliLanguage>[0]): void {
  process.stderr.write(`${inCliLanguage(message)}\n`);
}

/** Draws the sheet the options describe and writes it to standard output (never a terminal). */
export async function writeSeparatorSheet(
  runtime: () => Promise<CliRuntime>,
  options: SheetOptions,
): Promise<void> {
  const sheet = sheetOf(options);
  if (process.stdout.isTTY) {
    throw new CliError(inCliLanguage(msg('cli_sheet_not_to_terminal')), EXIT.usage);
  }
  await checkSheetCategory(runtime, sheet);
  const pdf = await createSeparatorSheet(sheet);
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(pdf, (error) => (error ? reject(error) : resolve())),
  );
}
