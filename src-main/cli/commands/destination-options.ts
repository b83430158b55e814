// `--company`, `--type` and `--category`, shared by `folders add` and `upload`.
import { helpText } from '../commander-language.ts';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DestinationType, type CompanyNumber, type Destination } from '../../contract/domain.ts';
import { chooseArchiveCategory, type EngineApi } from '../../core/index.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { cliTerm, inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/message.ts';
import { CATALOGUES, MESSAGE_LANGUAGES } from '../../contract/messages/render-message.ts';
import { parseCompanyNumber } from './administrations.ts';

export interface DestinationFlags {
  company: string;
  type: string;
  category?: string;
}

/** The term table that words each destination type on screen (`categories` shows these). */
const TYPE_TERMS = {
  purchase: 'destination',
  sale: 'destination',
  various: 'archiveType',
  permanent: 'archiveType',
} as const satisfies Record<DestinationType, 'destination' | 'archiveType'>;

/** A destination type as the CLI's language words it (`diverse` in Dutch for `various`). */
export function destinationTypeWord(type: DestinationType): string {
  return type === 'purchase' || type === 'sale'
    ? cliTerm('destination', type)
    : cliTerm('archiveType', type);
}

/**
 * The destination type a `--type` value names: the API's own value, or its word in nl, fr or en
 * (any case), so what `categories` shows can be typed back. Null when it names none.
 */
export function readDestinationType(value: string): DestinationType | null {
  const wanted = value.trim().toLowerCase();
  return (
    DestinationType.options.find(
      (type) =>
        type === wanted ||
        MESSAGE_LANGUAGES.some((language) => {
          const words: Record<string, string> = CATALOGUES[language].terms[TYPE_TERMS[type]];
          return words[type]?.toLowerCase() === wanted;
        }),
    ) ?? null
  );
}

/**
 * A `--type <type>` option taking `allowed` types by their API value or localized word; help lists
 * the words, and a value naming none is refused with them (commander's wording, localized).
 */
export function destinationTypeOption(
  description: string,
  allowed: readonly DestinationType[] = DestinationType.options,
): Option {
  // Help and refusals list the CLI language's words; the API's values are taken all the same.
  const choices = allowed.map(destinationTypeWord);
  return new Option('--type <type>', description).choices(choices).argParser((value: string) => {
    const type = readDestinationType(value);
    if (type === null || !allowed.includes(type)) {
      throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    }
    return type;
  });
}

export function addDestinationOptions(command: Command): Command {
  return command
    .requiredOption('--company <number>', helpText('company'))
    .addOption(destinationTypeOption(helpText('type')).makeOptionMandatory())
    .option('--category <name-or-id>', helpText('category'));
}

export function parseDestination(flags: DestinationFlags): {
  companyNumber: CompanyNumber;
  destination: Destination;
} {
  const companyNumber = parseCompanyNumber(flags.company);
  const type = DestinationType.parse(flags.type);
  if (type === 'purchase' || type === 'sale') {
    if (flags.category !== undefined) {
      throw new CliError(inCliLanguage(msg('cli_usage_category_not_here')), EXIT.usage);
    }
    return { companyNumber, destination: { type } };
  }
  if (flags.category === undefined || flags.category.trim() === '') {
    throw new CliError(
      inCliLanguage(msg('cli_usage_category_needed', { typeValue: type, companyNumber })),
      EXIT.usage,
    );
  }
  return { companyNumber, destination: { type, categoryId: flags.category.trim() } };
}

/**
 * The destination with `--category` turned into the category's id: the flag takes a name, since
 * ids differ per administration. Asks the engine for the administration's categories; throws
 * ApiError `invalid_request`, naming the categories that exist, when none matches.
 */
export async function resolveCategory(
  engine: EngineApi,
  companyNumber: CompanyNumber,
  destination: Destination,
): Promise<Destination> {
  if (!('categoryId' in destination)) return destination;
  // When Clearfacts cannot be asked, the value is taken as an id, and the engine judges it as
  // it judges any destination it cannot check.
  const categories = await engine.handlers['administrations.categories']({ companyNumber }).catch(
    () => null,
  );
  if (categories === null) return destination;
  return {
    type: destination.type,
    categoryId: chooseArchiveCategory(
      categories,
      companyNumber,
      destination.type,
      destination.categoryId,
    ),
  };
}
