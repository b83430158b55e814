// The destination `--company`, `--type` and `--category` name (destination-options.ts defines
// the options): checked, and the category's name turned into its id.
import { DestinationType, type CompanyNumber, type Destination } from '../../contract/domain.ts';
import { chooseArchiveCategory, type EngineApi } from '../../core/index.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { inCliLanguage } from '../cli-language.ts';
import { msg } from '../../contract/messages/msg.ts';
import { parseCompanyNumber } from './administrations-actions.ts';
import type { DestinationFlags } from './destination-options.ts';

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
