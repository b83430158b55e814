// When Clearfacts refuses a file without saying why in terms the user can act on, the likely
// cause is that the folder names an administration or archive category the token no longer
// reaches. This looks that up afresh and names it; otherwise the refusal stands as given.
import { msg } from '../../contract/messages/message.ts';
import type { Failure } from '../../contract/domain.ts';
import type { FileRecord } from '../store/file-record.ts';
import type { AdministrationsCache } from './administrations-cache.ts';

/**
 * Returns a more specific failure for a refused upload, or `failure` unchanged.
 * Never throws: when the lookup itself fails, Clearfacts' own refusal is the best answer.
 */
export type RefusalExplainer = (record: FileRecord, failure: Failure) => Promise<Failure>;

export function createRefusalExplainer(administrations: AdministrationsCache): RefusalExplainer {
  return async (record, failure) => {
    try {
      const listed = await administrations.list(true);
      if (!listed.some((administration) => administration.companyNumber === record.companyNumber)) {
        return {
          ...failure,
          code: 'unknown_administration',
          message: msg('unknown_administration', { companyNumber: record.companyNumber }),
        };
      }
      const destination = record.destination;
      if (destination.type === 'various' || destination.type === 'permanent') {
        const categories = await administrations.categories(record.companyNumber, true);
        if (
          !categories[destination.type].some((category) => category.id === destination.categoryId)
        ) {
          return {
            ...failure,
            code: 'unknown_category',
            message: msg('unknown_category', {
              companyNumber: record.companyNumber,
              archiveType: destination.type,
            }),
          };
        }
      }
    } catch {
      // The refusal stands as Clearfacts gave it.
    }
    return failure;
  };
}
