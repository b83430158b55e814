// `--company`, `--type` and `--category`, shared by `folders add` and `upload`.
import { Option, type Command } from 'commander';
import { DestinationType, type CompanyNumber, type Destination } from '../../contract/domain.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { parseCompanyNumber } from './administrations.ts';

export interface DestinationFlags {
  company: string;
  type: string;
  category?: string;
}

export function addDestinationOptions(command: Command): Command {
  return command
    .requiredOption('--company <number>', 'the administration, by company number (0123456789)')
    .addOption(
      new Option('--type <type>', 'where the documents go')
        .choices(DestinationType.options)
        .makeOptionMandatory(),
    )
    .option(
      '--category <id>',
      'archive category id, required for various and permanent (see `categories`)',
    );
}

export function parseDestination(flags: DestinationFlags): {
  companyNumber: CompanyNumber;
  destination: Destination;
} {
  const companyNumber = parseCompanyNumber(flags.company);
  const type = DestinationType.parse(flags.type);
  if (type === 'purchase' || type === 'sale') {
    if (flags.category !== undefined) {
      throw new CliError(`--category only applies to --type various or permanent.`, EXIT.usage);
    }
    return { companyNumber, destination: { type } };
  }
  if (flags.category === undefined || flags.category.trim() === '') {
    throw new CliError(
      `--type ${type} needs --category <id>: list them with \`clearfacts-uploader categories ${companyNumber}\`.`,
      EXIT.usage,
    );
  }
  return { companyNumber, destination: { type, categoryId: flags.category.trim() } };
}
