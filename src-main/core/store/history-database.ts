// Opens the history database: better-sqlite3 (synchronous, so a state is on disk before the
// next step starts), WAL so readers (the CLI's `history` beside a running engine) never block
// the queue, and schema migrations counted in `user_version`.
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { historyMigrations } from './history-migrations.ts';

export type HistoryDatabase = Database.Database;

export function openHistoryDatabase(file: string): HistoryDatabase {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  try {
    // Owner only, like the logs: SQLite gives its -wal and -shm files the same mode.
    if (process.platform !== 'win32') chmodSync(file, 0o600);
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives any crash of the app; only a power cut can lose the last
    // commits, which then read as `uploading` and come back as unconfirmed, never as lost.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // Another process (a CLI command beside the running engine) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function migrate(db: HistoryDatabase): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > historyMigrations.length) {
    throw new Error(
      `The history database was written by a newer version of the app (format ${current}); update the app to open it.`,
    );
  }
  db.transaction(() => {
    for (const [index, sql] of historyMigrations.entries()) {
      if (index < current) continue;
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    }
  }).immediate();
}
