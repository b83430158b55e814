// Tells a fault of the disk under the history (full, read-only, I/O error, locked) from a bug,
// and says it in one sentence with the fix. Such a fault pauses the queue; nothing is lost.
import Database from 'better-sqlite3';
import { msg, type Message, type Terms } from '../../contract/messages/message.ts';

export type StorageProblem = keyof Terms['storageProblem'];

const FAULTS: readonly [prefix: string, problem: StorageProblem][] = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'read_only'],
  ['SQLITE_CANTOPEN', 'cannot_open'],
  ['SQLITE_PERM', 'denied'],
  // SQLite also reports a write-protected (immutable) file or a vanished drive as an I/O error.
  ['SQLITE_IOERR', 'io_refused'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'not_a_database'],
];

const FS_FAULTS: Record<string, StorageProblem> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  EROFS: 'read_only_disk',
  EACCES: 'denied',
  EPERM: 'denied',
  EIO: 'io_error',
};

/**
 * What a file system error says of the disk (full, read-only, denied, I/O error), or null when
 * its errno is none of those.
 */
export function fileStorageProblem(error: unknown): StorageProblem | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (typeof code === 'string' ? FS_FAULTS[code] : undefined) ?? null;
}

/** The explanation for a storage fault, or null when `error` is something else. */
export function describeStorageFault(error: unknown, databasePath: string): Message | null {
  if (error instanceof Database.SqliteError) {
    const match = FAULTS.find(([prefix]) => error.code.startsWith(prefix));
    if (match) return msg('storage_fault', { databasePath, storageProblem: match[1] });
    return null;
  }
  const problem = fileStorageProblem(error);
  return problem === null ? null : msg('storage_fault', { databasePath, storageProblem: problem });
}
