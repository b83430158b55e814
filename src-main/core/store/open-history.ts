// Opens the history the way the engine needs it before any stage exists: repaired from its
// backup when it is missing, empty or damaged, and told every delivery the journal holds, so
// nothing is sent before the history knows what Clearfacts already confirmed.
import path from 'node:path';
import { msg } from '../../contract/messages/message.ts';
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
    logger.warn('history: rebuilt what Clearfacts confirmed', {
      message: msg('history_rebuilt', {
        databasePath,
        historyProblem: recovered.problem ?? 'incomplete',
        restored,
      }),
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
  return { db, repository, backup, databasePath };
}
