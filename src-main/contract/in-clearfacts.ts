// How every surface words a history row's "In Clearfacts" cell: the follow-up's answer, "in the
// archive" with the category for archive documents, or nothing for a row not delivered.
import type { ArchiveCategories, HistoryEntry } from './domain.ts';
import { msg, type Message } from './messages/message.ts';

/** The name of archive category `categoryId` among `categories`, or undefined when absent. */
export function archiveCategoryName(
  categories: ArchiveCategories,
  categoryId: string,
): string | undefined {
  return [...categories.various, ...categories.permanent].find(
    (category) => category.id === categoryId,
  )?.name;
}

/**
 * The Message for `entry`'s "In Clearfacts" cell, or null for a row Clearfacts has not
 * confirmed. `categoryName` names an archive document's category (its id when unknown).
 */
export function inClearfactsMessage(
  entry: Pick<HistoryEntry, 'uuid' | 'destination' | 'inClearfacts'>,
  categoryName?: string,
): Message | null {
  if (entry.uuid === null) return null;
  const { destination } = entry;
  if (destination.type === 'various' || destination.type === 'permanent') {
    return msg('cf_in_archive', { category: categoryName ?? destination.categoryId });
  }
  const known = entry.inClearfacts ?? null;
  if (known === null) return msg('cf_status_unchecked');
  const date = known.documentDate ?? '';
  switch (known.status) {
    case 'received':
      return msg('cf_status_received');
    case 'processed':
      return msg('cf_status_processed', { date });
    case 'unpaid':
      return msg('cf_status_unpaid', { date });
    case 'paid':
      return date === '' ? msg('cf_status_paid', { date: '—' }) : msg('cf_status_paid', { date });
    case 'not_known':
      return msg('cf_status_not_known');
  }
}
