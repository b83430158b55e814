// A periodic copy of the history, made with SQLite's online backup API (better-sqlite3's
// `db.backup()`), which copies a consistent snapshot while the engine keeps writing. It is what
// a lost or damaged history is rebuilt from, with the delivery journal for what came after it.
import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Logger } from '../logging/logger.ts';
import type { HistoryDatabase } from './history-database.ts';

export interface HistoryBackup {
  /** Makes one backup now; resolves when it is in place. Never rejects: a failure is logged. */
  backUp(): Promise<void>;
  /** Stops the periodic backups. */
  stop(): void;
}

export interface HistoryBackupOptions {
  db: HistoryDatabase;
  /** Where the backup goes; written beside it first, then renamed, so it is never half-made. */
  file: string;
  /** Between periodic backups, in ms. */
  intervalMs: number;
  logger: Logger;
}

export function createHistoryBackup(options: HistoryBackupOptions): HistoryBackup {
  const { db, file, logger } = options;
  let running: Promise<void> | null = null;

  function backUp(): Promise<void> {
    running ??= (async () => {
      const partial = `${file}.partial`;
      try {
        // The history names the user's files and companies: the copy is private like the
        // original (SQLite would create it with the umask's mode, usually 0644).
        rmSync(partial, { force: true });
        writeFileSync(partial, '', { mode: 0o600 });
        await db.backup(partial);
        chmodSync(partial, 0o600);
        renameSync(partial, file);
      } catch (error) {
        logger.warn('history: the backup could not be made', {
          error: error instanceof Error ? error.message : String(error),
        });
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const timer = setInterval(() => void backUp(), options.intervalMs);
  timer.unref();
  return {
    backUp,
    stop() {
      clearInterval(timer);
    },
  };
}
