// How every surface words a history row's "In Clearfacts" cell: the follow-up's answer, "in the
// archive" with the category for archive documents, or nothing for a row not delivered.
import type {
  ArchiveCategories,
  FileState,
  HistoryEntry,
  InClearfacts,
  InClearfactsFilter,
} from './domain.ts';
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
 * The states of a row Clearfacts confirmed and the follow-up asks about (follow-up-records.ts's
 * FOLLOWED): a row in any other state that carries a uuid (a failed after-upload step, a
 * duplicate) is not asked about, so "not checked yet" would promise a check that never comes.
 */
const DELIVERED_STATES: ReadonlySet<FileState> = new Set(['uploaded', 'archived']);

type CellEntry = Pick<HistoryEntry, 'uuid' | 'destination' | 'inClearfacts' | 'state'>;

/**
 * What a row's "In Clearfacts" cell shows, as data (the History cell's `data-cf-status` and
 * `history --json`'s `inClearfacts`): the follow-up's answer with `status` one of
 * `InClearfactsFilter`'s words (`unchecked` for a delivered invoice not yet asked, `archive`
 * with the category's id and name for an archive document), or null where the cell is empty.
 */
export type InClearfactsView =
  | InClearfacts
  | { status: Extract<InClearfactsFilter, 'unchecked'> }
  | { status: Extract<InClearfactsFilter, 'archive'>; categoryId: string; category: string | null };

/** `entry`'s cell as data; `categoryName` names an archive document's category when known. */
export function inClearfactsView(entry: CellEntry, categoryName?: string): InClearfactsView | null {
  if (entry.uuid === null) return null;
  // What Clearfacts said stands, whatever the row's state since.
  const known = entry.inClearfacts ?? null;
  if (known !== null) return known;
  if (!DELIVERED_STATES.has(entry.state)) return null;
  const { destination } = entry;
  if (destination.type === 'various' || destination.type === 'permanent') {
    return {
      status: 'archive',
      categoryId: destination.categoryId,
      category: categoryName ?? null,
    };
  }
  return { status: 'unchecked' };
}

/**
 * The Message for `entry`'s "In Clearfacts" cell, or null where it is empty (not confirmed by
 * Clearfacts, or in a state the follow-up does not ask about). `categoryName` names an archive
 * document's category (its id when unknown).
 */
export function inClearfactsMessage(entry: CellEntry, categoryName?: string): Message | null {
  const known = inClearfactsView(entry, categoryName);
  if (known === null) return null;
  if (known.status === 'archive') {
    return msg('cf_in_archive', { category: known.category ?? known.categoryId });
  }
  if (known.status === 'unchecked') return msg('cf_status_unchecked');
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
