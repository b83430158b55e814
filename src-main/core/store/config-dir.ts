// The config folder holds the settings, the history, the logs and the engine's lock: nothing works
// without writing there. A folder that cannot be written is said so once, with its path and what
// to do, before any library (conf, SQLite) fails on it with its own words.
import { accessSync, constants, mkdirSync } from 'node:fs';
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
 * Creates `configDir` (0700: file names and company numbers are the user's business) and checks
 * that this process may write in it. Throws ConfigDirUnwritableError naming the folder that
 * refused: `configDir` itself, or the nearest existing parent that could not hold it.
 */
export function prepareConfigDir(configDir: string): void {
  try {
    mkdirSync(configDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new ConfigDirUnwritableError(configDir, nearestExisting(configDir), error);
  }
  try {
    accessSync(configDir, constants.W_OK | constants.X_OK);
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
