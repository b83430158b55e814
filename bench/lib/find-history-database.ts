// The engine's history database, found by what it holds (an SQLite file with the `files` table)
// rather than by a file name that is the engine's own business: the config dir holds other
// SQLite files, such as the engine lock.
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';

const SQLITE_MAGIC = 'SQLite format 3\0';

async function isSqlite(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(16);
    await handle.read(head, 0, 16, 0);
    return head.toString('latin1') === SQLITE_MAGIC;
  } finally {
    await handle.close();
  }
}

function hasFilesTable(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (
      db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'").get() !==
      undefined
    );
  } catch {
    // Locked exclusively (the engine lock) or not a database after all.
    return false;
  } finally {
    db.close();
  }
}

export async function findHistoryDatabase(configDir: string): Promise<string> {
  for (const entry of await readdir(configDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    // The engine's backup copy has the same tables; rows written there are lost at the next backup.
    if (/backup/i.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await isSqlite(file)) && hasFilesTable(file)) return file;
  }
  throw new Error(`no history database in ${configDir}`);
}
