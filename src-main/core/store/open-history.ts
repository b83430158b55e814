// Opens the history the way the engine needs it before any stage exists: repaired from its
// backup when it is missing, empty or damaged, and told every delivery the journal holds, so
// nothing is sent before the history knows what Clearfacts already confirmed.
import path from 'node:path';
import { Message, msg } from '../../contract/messages/message.ts';
import type { Logger } from '../logging/logger.ts';
import { createDeliveryJournal } from './delivery-journal.ts';
import { createHistoryBackup, type HistoryBackup } from './history-backup.ts';
import type { HistoryDatabase } from './history-database.ts';
import { openRecoveredHistory } from './history-recovery.ts';
import { createHistoryRepository, type HistoryRepository } from './history-repository.ts';

/** The opened history: its database, the repository over it and its periodic backup. */
export interface OpenedHistory {
  db: HistoryDatabase;
  repository: HistoryRepository;
  backup: HistoryBackup;
  /** `<configDir>/history.sqlite`, for messages that name it. */
  databasePath: string;
  /**
   * What the user is told about the last rebuild (`history_rebuilt`: the path, what was wrong,
   * how many deliveries came back) for REBUILT_NOTICE_MS after it, else null.
   */
  rebuilt: Message | null;
}

/**
 * How long after a rebuild status keeps saying so: a week, so someone who opens the app or runs
 * `status` once a week still learns that the history was lost and what came back.
 */
export const REBUILT_NOTICE_MS = 7 * 24 * 60 * 60_000;

/** The meta key of the last rebuild: `{ at: epoch ms, message: Message }` as JSON. */
const REBUILT_KEY = 'history_rebuilt';

/** The last rebuild's notice while it is recent, from the history itself (any process wrote it). */
function recentRebuild(db: HistoryDatabase, now: number): Message | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(REBUILT_KEY) as
    { value: string } | undefined;
  if (row === undefined) return null;
  try {
    const stored = JSON.parse(row.value) as { at?: unknown; message?: unknown };
    const message = Message.safeParse(stored.message);
    const at = typeof stored.at === 'number' ? stored.at : 0;
    return message.success && now - at < REBUILT_NOTICE_MS ? message.data : null;
  } catch {
    // A value this code did not write: no notice rather than no history.
    return null;
  }
}

export interface OpenHistoryOptions {
  configDir: string;
  logger: Logger;
  /** Between periodic backups, in ms. */
  backupIntervalMs: number;
}

/**
 * Opens `<configDir>/history.sqlite` (repairing it from `history.backup.sqlite` when needed),
 * restores the deliveries of `deliveries.jsonl` it lacks, logs what it rebuilt, and starts the
 * periodic backup. Throws what SQLite throws when neither the history nor its backup opens.
 */
export function openHistory(options: OpenHistoryOptions): OpenedHistory {
  const { configDir, logger } = options;
  const databasePath = path.join(configDir, 'history.sqlite');
  const backupPath = path.join(configDir, 'history.backup.sqlite');
  const journal = createDeliveryJournal(path.join(configDir, 'deliveries.jsonl'));
  const recovered = openRecoveredHistory(databasePath, backupPath);
  const { db } = recovered;
  const repository = createHistoryRepository(db, Date.now, journal);
  const delivered = journal.read();
  const restored = repository.restoreDeliveries(delivered.records);
  if (recovered.problem !== null || restored > 0 || delivered.damagedLines > 0) {
    const message = msg('history_rebuilt', {
      databasePath,
      historyProblem: recovered.problem ?? 'incomplete',
      restored,
    });
    // Kept in the history, so the process that shows the status need not be the one that rebuilt.
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(
      REBUILT_KEY,
      JSON.stringify({ at: Date.now(), message }),
    );
    logger.warn('history: rebuilt what Clearfacts confirmed', {
      message,
      detail: recovered.detail,
      setAsideTo: recovered.setAsideTo,
      fromBackup: recovered.fromBackup,
      damagedJournalLines: delivered.damagedLines,
    });
  }
  const backup = createHistoryBackup({
    db,
    file: backupPath,
    intervalMs: options.backupIntervalMs,
    logger,
  });
  return { db, repository, backup, databasePath, rebuilt: recentRebuild(db, Date.now()) };
}
