// One engine per config folder: two would both pick the same ready files and send them twice.
// The lock is an exclusive SQLite lock on `engine.lock`, held for the life of the connection.
// The operating system drops it when the process dies, so a crashed or killed engine never
// leaves a stale lock behind (a pid file or a mkdir lock would, until some timeout).
import path from 'node:path';
import Database from 'better-sqlite3';

export class EngineBusyError extends Error {
  constructor(configDir: string) {
    super(
      `Another Clearfacts Uploader (the desktop app or \`clearfacts-uploader watch\`) is already running with ${configDir}; stop it first, or use it to send files.`,
    );
    this.name = 'EngineBusyError';
  }
}

export interface EngineLock {
  release(): void;
}

export function acquireEngineLock(configDir: string): EngineLock {
  const db = new Database(path.join(configDir, 'engine.lock'), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; locking_mode keeps it until close.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (at INTEGER); COMMIT;');
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY')) {
      throw new EngineBusyError(configDir);
    }
    throw error;
  }
  return { release: () => db.close() };
}
