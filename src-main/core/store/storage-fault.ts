// Tells a fault of the disk under the history (full, read-only, I/O error, locked) from a bug,
// and says it in one sentence with the fix. Such a fault pauses the queue; nothing is lost.
import Database from 'better-sqlite3';

const FAULTS: readonly [prefix: string, sentence: string][] = [
  ['SQLITE_FULL', 'the disk is full: free some space'],
  ['SQLITE_READONLY', 'it is read-only: check its permissions'],
  ['SQLITE_CANTOPEN', 'it cannot be opened: check that its folder exists and is writable'],
  ['SQLITE_PERM', 'access is denied: check its permissions'],
  // SQLite also reports a write-protected (immutable) file or a vanished drive as an I/O error.
  [
    'SQLITE_IOERR',
    'the disk refused the write (input/output error): check that the drive is connected and the file is not write-protected',
  ],
  ['SQLITE_BUSY', 'another program keeps it locked'],
  ['SQLITE_LOCKED', 'another program keeps it locked'],
  ['SQLITE_CORRUPT', 'it is damaged: restore it from a backup or move it aside to start afresh'],
  ['SQLITE_NOTADB', 'it is not a history database: move it aside to start afresh'],
];

const FS_FAULTS: Record<string, string> = {
  ENOSPC: 'the disk is full: free some space',
  EROFS: 'it is on a read-only disk',
  EACCES: 'access is denied: check its permissions',
  EPERM: 'access is denied: check its permissions',
  EIO: 'the disk reported an input/output error',
};

/** The explanation for a storage fault, or null when `error` is something else. */
export function describeStorageFault(error: unknown, databasePath: string): string | null {
  if (error instanceof Database.SqliteError) {
    const match = FAULTS.find(([prefix]) => error.code.startsWith(prefix));
    if (match) return `The history database (${databasePath}) cannot be written: ${match[1]}.`;
    return null;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code in FS_FAULTS) {
    return `The history database (${databasePath}) cannot be written: ${FS_FAULTS[code]}.`;
  }
  return null;
}
