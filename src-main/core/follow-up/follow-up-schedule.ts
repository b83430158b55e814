// When a delivered invoice is asked about: soon after delivery while Clearfacts is most likely
// to act on it, then less often, and never after 30 days (issue #16). A final answer (paid, or
// no longer known to Clearfacts) is not asked about again unless the user opens the row.
import type { ClearfactsStatus } from '../../contract/domain.ts';
import type { DocumentAnswer } from '../api/document-lookup.ts';
import type { FollowUpAnswer } from '../store/follow-up-records.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The checks, in ms after delivery: 2 min, 15 min, 1 h, then once a day for 30 days. */
export const FOLLOW_UP_OFFSETS_MS: readonly number[] = [
  2 * MINUTE,
  15 * MINUTE,
  60 * MINUTE,
  ...Array.from({ length: 30 }, (_, day) => (day + 1) * DAY),
];

/** States that no longer change on their own. */
const FINAL: ReadonlySet<ClearfactsStatus> = new Set(['paid', 'not_known']);

/**
 * The next check after `now` for an invoice delivered at `deliveredAt` whose last answer was
 * `status` (epoch ms) on the schedule `offsetsMs` (ascending, ms after delivery), or null when it is no longer asked about. Checks missed while the app was
 * closed are not made up one by one: the next is the first offset still ahead.
 */
export function nextCheckAt(
  deliveredAt: number,
  now: number,
  status: ClearfactsStatus | null,
  offsetsMs: readonly number[] = FOLLOW_UP_OFFSETS_MS,
): number | null {
  if (status !== null && FINAL.has(status)) return null;
  const offset = offsetsMs.find((candidate) => deliveredAt + candidate > now);
  return offset === undefined ? null : deliveredAt + offset;
}

/**
 * Turns `document(id)`'s answer into the status History shows. The docs show only UNPAID; PAID
 * is the value a paid invoice is expected to carry, and any other value reads as processed
 * with Clearfacts' own word kept.
 */
export function statusFromLookup(lookup: DocumentAnswer): FollowUpAnswer {
  if (!lookup.found) return { status: 'not_known', documentDate: null, paymentState: null };
  const paymentState = lookup.paymentState?.toUpperCase() ?? null;
  const documentDate = lookup.date;
  if (paymentState === 'PAID') return { status: 'paid', documentDate, paymentState };
  if (documentDate === null && paymentState === null) {
    return { status: 'received', documentDate, paymentState };
  }
  if (paymentState === 'UNPAID') return { status: 'unpaid', documentDate, paymentState };
  return { status: 'processed', documentDate, paymentState };
}
