// Who this installation is, for the folder owner marker (folders/folder-owner.ts): one random id
// per config folder, kept in it, plus the machine and the user account. Two config folders on one
// machine (two colleagues, or `--config-dir`) are two installations; a second engine on the same
// config folder is already kept out by the engine lock.
import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';

/** This installation as a folder's owner marker names it. */
export interface Installation {
  /** A random UUID, made once per config folder (`installation-id` in it). */
  id: string;
  /** os.hostname(). */
  machine: string;
  /** The user account the engine runs as (os.userInfo().username). */
  user: string;
  /** The config folder, absolute: which of the user's installations it is. */
  configDir: string;
}

const INSTALLATION_ID_FILE = 'installation-id';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Reads this config folder's installation id, making it on first use (0600). A file that holds
 * no UUID (damaged) is replaced: the folders this installation owned then read as another's,
 * which the user can take over. Throws what the file system threw when it cannot be written.
 */
export async function loadInstallation(configDir: string): Promise<Installation> {
  const file = path.join(configDir, INSTALLATION_ID_FILE);
  let id = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (!UUID_PATTERN.test(id)) {
    id = randomUUID();
    await writeFile(file, `${id}\n`, { mode: 0o600 });
  }
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // A uid with no passwd entry (some containers) has no name to show.
    user = String(process.getuid?.() ?? '?');
  }
  return { id, machine: hostname(), user, configDir: path.resolve(configDir) };
}
