// An archive category as a person names it: its id, or its name as Clearfacts shows it. Ids are
// uuids that differ per administration, so the name is what a script or a colleague can reuse.
import { ApiError } from '../../contract/api-contract.ts';
import type { ArchiveCategories, CompanyNumber } from '../../contract/domain.ts';
import { msg } from '../../contract/messages/message.ts';
import type { ArchiveType } from './accountant-tree-names.ts';

function comparable(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

/**
 * The id of the category of `archiveType` that `given` names: an id as it is, else a name
 * ignoring case. Throws ApiError `invalid_request` naming the categories that exist (or saying
 * there are none) when nothing matches, and when two categories carry that name.
 */
export function chooseArchiveCategory(
  categories: ArchiveCategories,
  companyNumber: CompanyNumber,
  archiveType: ArchiveType,
  given: string,
): string {
  const candidates = categories[archiveType];
  const byId = candidates.find((category) => category.id === given.trim());
  if (byId !== undefined) return byId.id;
  const byName = candidates.filter((category) => comparable(category.name) === comparable(given));
  if (byName.length === 1 && byName[0] !== undefined) return byName[0].id;
  if (byName.length > 1) {
    throw new ApiError(
      'invalid_request',
      msg('category_name_ambiguous', {
        companyNumber,
        archiveType,
        name: given.trim(),
        ids: byName.map((category) => category.id).join(', '),
      }),
    );
  }
  if (candidates.length === 0) {
    throw new ApiError('invalid_request', msg('category_none', { companyNumber, archiveType }));
  }
  throw new ApiError(
    'invalid_request',
    msg('category_name_unknown', {
      companyNumber,
      archiveType,
      name: given.trim(),
      names: candidates.map((category) => `"${category.name}"`).join(', '),
    }),
  );
}
