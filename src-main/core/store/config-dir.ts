// The config folder holds the settings, the history, the logs and the engine's lock: nothing works
// without writing there. A folder that cannot be written is said so once, with its path and what
// to do, before any library (conf, SQLite) fails on it with its own words.
import { accessSync, chmodSync, constants, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { msg, type Message } from '../../contract/messages/message.ts';

/** The config folder cannot be created or written; `userMessage` names the path (config_dir_unwritable). */
export class ConfigDirUnwritableError extends Error {
  readonly userMessage: Message;

  constructor(configDir: string, blockingPath: string, cause: unknown) {
    const userMessage = msg('config_dir_unwritable', { configDir, path: blockingPath });
    super(`The config folder ${configDir} cannot be written (${blockingPath})`, { cause });
    this.name = 'ConfigDirUnwritableError';
    this.userMessage = userMessage;
  }
}

/**
 * Creates `configDir` (0700: file names, company numbers and staged copies of documents are the
 * user's business), closes an existing one that others may enter to 0700 too (mkdir's mode only
 * applies to a folder it creates), and checks that this process may write in it. Throws
 * ConfigDirUnwritableError naming the folder that refused: `configDir` itself, or the nearest
 * existing parent that could not hold it.
 */
export function prepareConfigDir(configDir: string): void {
  try {
    mkdirSync(configDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ConfigDirUnwritableError(configDir, nearestExisting(configDir), error);
  }
  try {
    accessSync(configDir, constants.W_OK | constants.X_OK);
    // Windows has no such mode bits (its folder ACLs are the user profile's).
    if (process.platform !== 'win32' && (statSync(configDir).mode & 0o077) !== 0) {
      chmodSync(configDir, 0o700);
    }
  } catch (error) {
    throw new ConfigDirUnwritableError(configDir, configDir, error);
  }
}

function nearestExisting(folder: string): string {
  let current = path.dirname(folder);
  for (;;) {
    try {
      accessSync(current);
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}
