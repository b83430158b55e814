// The follow-up's columns of the history (migration 5): what Clearfacts last said about each
// delivered invoice, when it was asked, when it is asked next, and whether it still is. Only
// invoices (purchase, sale) with a uuid are followed; archive documents never are.
import type { ClearfactsStatus, CompanyNumber } from '../../contract/domain.ts';
import type { FileRecord } from './file-record.ts';
import { rowToRecord } from './file-row.ts';
import type { HistoryDatabase } from './history-database.ts';

/** A delivered invoice the follow-up asks about. Times in epoch ms. */
export interface FollowUpTarget {
  id: number;
  uuid: string;
  /** When Clearfacts confirmed it (the schedule counts from here). */
  deliveredAt: number;
  /** The last answer stored (all null before the first). */
  status: ClearfactsStatus | null;
  documentDate: string | null;
  paymentState: string | null;
}

/** What Clearfacts said, as the follow-up stores it. */
export interface FollowUpAnswer {
  status: ClearfactsStatus;
  documentDate: string | null;
  paymentState: string | null;
}

/**
 * The follow-up's reads and writes of the history. Each write is one statement (a transaction
 * of its own); they throw what better-sqlite3 throws, like the history repository.
 */
export interface FollowUpRecords {
  /** At most `limit` followed invoices due at `at`, the longest-waiting first. */
  due(at: number, limit: number): FollowUpTarget[];
  /** When the next followed invoice is due, or null when none is followed. */
  nextDueAt(): number | null;
  /**
   * Stores an answer checked at `checkedAt`; `nextCheckAt` null means it is no longer asked
   * about. Returns the updated row, or null when it vanished.
   */
  record(
    id: number,
    answer: FollowUpAnswer,
    checkedAt: number,
    nextCheckAt: number | null,
  ): FileRecord | null;
  /**
   * Moves a check to `until` without storing an answer (Clearfacts gave none that fits the
   * row); null means it is no longer asked about.
   */
  postpone(id: number, until: number | null): void;
  /**
   * Asks about a delivered invoice once more at `at` (the user opened its row), even if it is
   * no longer followed. Returns the row, or null when there is no such row.
   */
  askAgain(id: number, at: number): FileRecord | null;
  /** How many invoices are still followed. */
  followedCount(): number;
  /** Per administration, the purchase invoices Clearfacts last called unpaid. */
  unpaidPurchases(): { companyNumber: CompanyNumber; count: number }[];
}

const FOLLOWED = `cf_done = 0 AND uuid IS NOT NULL AND destination_type IN ('purchase', 'sale')
  AND state IN ('uploaded', 'archived')`;

/** `firstCheckAfterMs`: when a never-asked invoice is due, counted from its delivery. */
export function createFollowUpRecords(
  db: HistoryDatabase,
  firstCheckAfterMs: number,
): FollowUpRecords {
  const dueAt = `coalesce(cf_next_check_at, coalesce(uploaded_at, updated_at) + ${Math.round(firstCheckAfterMs)})`;
  const dueStatement = db.prepare(`
    SELECT id, uuid, coalesce(uploaded_at, updated_at) AS delivered_at, cf_status,
      cf_document_date, cf_payment_state
    FROM files WHERE ${FOLLOWED} AND ${dueAt} <= ? ORDER BY ${dueAt}, id LIMIT ?`);
  const nextStatement = db.prepare(`SELECT min(${dueAt}) FROM files WHERE ${FOLLOWED}`).pluck();
  const recordStatement = db.prepare(`
    UPDATE files SET cf_status = @status, cf_document_date = @documentDate,
      cf_payment_state = @paymentState, cf_checked_at = @checkedAt,
      cf_next_check_at = @nextCheckAt, cf_done = @done
    WHERE id = @id RETURNING *`);
  const postponeStatement = db.prepare(
    'UPDATE files SET cf_next_check_at = @until, cf_done = @done WHERE id = @id',
  );
  const askAgainStatement = db.prepare(`
    UPDATE files SET cf_next_check_at = ?, cf_done = 0
    WHERE id = ? AND uuid IS NOT NULL AND destination_type IN ('purchase', 'sale')`);
  const getStatement = db.prepare('SELECT * FROM files WHERE id = ?');
  const countStatement = db.prepare(`SELECT count(*) FROM files WHERE ${FOLLOWED}`).pluck();
  const unpaidStatement = db.prepare(`
    SELECT company_number AS companyNumber, count(*) AS count FROM files
    WHERE cf_status = 'unpaid' AND destination_type = 'purchase'
      AND state IN ('uploaded', 'archived')
    GROUP BY company_number ORDER BY company_number`);

  return {
    due(at, limit) {
      const rows = dueStatement.all(at, limit) as {
        id: number;
        uuid: string;
        delivered_at: number;
        cf_status: ClearfactsStatus | null;
        cf_document_date: string | null;
        cf_payment_state: string | null;
      }[];
      return rows.map((row) => ({
        id: row.id,
        uuid: row.uuid,
        deliveredAt: row.delivered_at,
        status: row.cf_status,
        documentDate: row.cf_document_date,
        paymentState: row.cf_payment_state,
      }));
    },
    nextDueAt() {
      const value = nextStatement.get() as number | null;
      return value ?? null;
    },
    record(id, answer, checkedAt, nextCheckAt) {
      const row = recordStatement.get({
        id,
        ...answer,
        checkedAt,
        nextCheckAt,
        done: nextCheckAt === null ? 1 : 0,
      });
      return row === undefined ? null : rowToRecord(row);
    },
    postpone(id, until) {
      postponeStatement.run({ id, until, done: until === null ? 1 : 0 });
    },
    askAgain(id, at) {
      askAgainStatement.run(at, id);
      const row = getStatement.get(id);
      return row === undefined ? null : rowToRecord(row);
    },
    followedCount: () => countStatement.get() as number,
    unpaidPurchases: () =>
      unpaidStatement.all() as { companyNumber: CompanyNumber; count: number }[],
  };
}
