// `--company`, `--type` and `--category`, shared by `folders add` and `upload`; what they mean
// is read by destination-choice.ts when the command runs.
import { helpText } from '../commander-language.ts';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { DestinationType } from '../../contract/domain.ts';
import { DESTINATION_TYPES } from '../../contract/destination-types.ts';
import { cliTerm } from '../cli-language.ts';
import { CATALOGUES, MESSAGE_LANGUAGES } from '../../contract/messages/render-message.ts';

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
    DESTINATION_TYPES.find(
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
 * A `--type <type>` option taking `allowed` types by their API value or localized word, and the
 * values of `alsoTaken` as they are (separator sheets' `next`, which no language translates);
 * help lists those values and the words, and a value naming none is refused with them
 * (commander's wording, localized).
 */
export function destinationTypeOption<Also extends string = never>(
  description: string,
  allowed: readonly DestinationType[] = DESTINATION_TYPES,
  alsoTaken: readonly Also[] = [],
): Option {
  // Help and refusals list the CLI language's words; the API's values are taken all the same.
  const choices = [...alsoTaken, ...allowed.map(destinationTypeWord)];
  return new Option('--type <type>', description)
    .choices(choices)
    .argParser((value: string): DestinationType | Also => {
      const plain = alsoTaken.find((taken) => taken === value.trim().toLowerCase());
      if (plain !== undefined) return plain;
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
