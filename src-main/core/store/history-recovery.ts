// Opens the history even when it is gone, emptied or damaged, instead of ending the engine with
// "database disk image is malformed": a damaged file is set aside (never deleted: it may still
// be read by hand), the last backup (SQLite's online backup API) takes its place when there is
// one, and the caller then restores from the delivery journal what neither holds. All of it runs
// before the queue exists, so nothing is sent until the history knows what was delivered.
import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { openHistoryDatabase, type HistoryDatabase } from './history-database.ts';

/** What was wrong with the history at start-up, in the words of a Message param. */
export type HistoryProblem = 'missing' | 'empty' | 'damaged';

export interface RecoveredHistory {
  db: HistoryDatabase;
  /** Null when the history opened whole. */
  problem: HistoryProblem | null;
  /** What SQLite said about a damaged file, for the log. */
  detail: string | null;
  /** Where a damaged or empty file was set aside, or null. */
  setAsideTo: string | null;
  /** Whether the backup was put in its place. */
  fromBackup: boolean;
}

/** Opens the file and asks SQLite to check it (`PRAGMA quick_check`); throws when not whole. */
function openChecked(file: string): HistoryDatabase {
  const db = openHistoryDatabase(file);
  try {
    const verdict = db.pragma('quick_check', { simple: true });
    if (verdict !== 'ok') throw new Error(`quick_check: ${String(verdict)}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function setAside(file: string, stamp: number): string {
  const target = `${file}.damaged-${stamp}`;
  renameSync(file, target);
  // The WAL and shared memory belong to the damaged file; left behind they would be replayed
  // into whatever takes its place.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Opens `file`, repairing what can be repaired: `missing` (no file while a backup exists),
 * `empty` (0 bytes) or `damaged` (SQLite cannot open or check it). A first start (no file, no
 * backup) is no problem. Throws only when even a fresh file cannot be opened (no space, no
 * access), which the caller reports like any storage fault.
 */
export function openRecoveredHistory(
  file: string,
  backupFile: string,
  now: () => number = Date.now,
): RecoveredHistory {
  let problem: HistoryProblem | null = null;
  let detail: string | null = null;
  let setAsideTo: string | null = null;
  const hasBackup = existsSync(backupFile);

  if (!existsSync(file)) {
    if (hasBackup) problem = 'missing';
  } else if (statSync(file).size === 0) {
    problem = 'empty';
    setAsideTo = setAside(file, now());
  } else {
    try {
      return { db: openChecked(file), problem, detail, setAsideTo, fromBackup: false };
    } catch (error) {
      problem = 'damaged';
      detail = error instanceof Error ? error.message : String(error);
      setAsideTo = setAside(file, now());
    }
  }

  if (problem !== null && hasBackup) {
    copyFileSync(backupFile, file);
    try {
      return { db: openChecked(file), problem, detail, setAsideTo, fromBackup: true };
    } catch (error) {
      detail = `${detail ?? ''} backup: ${error instanceof Error ? error.message : String(error)}`;
      setAside(file, now() + 1);
    }
  }
  return { db: openHistoryDatabase(file), problem, detail, setAsideTo, fromBackup: false };
}
