// The SettingsStore over a conf instance (headless) or an electron-store instance (the desktop
// shell; it extends conf). Every read is validated with the contract's schema; a bad file is
// backed up and repaired with a log line, never a crash.
import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { Settings } from '../../contract/domain.ts';
import type { Logger } from '../logging/logger.ts';
import { repairSettings } from './settings-repair.ts';
import { SETTINGS_FILE_NAME, settingsFileOptions, type SettingsFile } from './settings-schema.ts';
import type { SettingsStore } from './settings-store.ts';

/**
 * The part of conf (and electron-store) this store uses. Both must be built without their `cache`
 * option, so that reading `store` reads the file.
 */
export interface SettingsBacking {
  readonly path: string;
  store: SettingsFile;
}

/** How often a following store looks whether another process wrote the file, in ms. */
export const SETTINGS_FOLLOW_INTERVAL_MS = 1000;

export class InvalidSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSettingsError';
  }
}

function backupPath(filePath: string): string {
  const stamp = new Date().toISOString().replaceAll(':', '-');
  return `${filePath}.invalid-${stamp}`;
}

/**
 * conf throws on a file that is not JSON at all before anything can repair it, so such a file
 * is moved aside first. Call this before constructing conf or electron-store on the file.
 */
export function quarantineUnreadableSettingsFile(cwd: string, logger: Logger): void {
  const filePath = path.join(cwd, `${SETTINGS_FILE_NAME}.json`);
  if (!existsSync(filePath)) return;
  try {
    JSON.parse(readFileSync(filePath, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    const backup = backupPath(filePath);
    renameSync(filePath, backup);
    logger.warn('The settings file was not readable JSON: it was set aside and defaults are used', {
      backup,
    });
  }
}

/** What identifies one version of the settings file: a write by anyone changes at least one. */
function fileVersion(filePath: string): string {
  try {
    const stats = statSync(filePath, { bigint: true });
    return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
  } catch {
    return 'missing';
  }
}

/**
 * The settings store over a backing file. With `follow`, it notices writes by other processes
 * (the CLI beside a running engine) within SETTINGS_FOLLOW_INTERVAL_MS and tells its listeners.
 * It compares the file's identity (inode, size, mtime, ctime) with the one it last read, taken
 * before that read. conf's own `watch` was not enough: on Linux it polls with fs.watchFile, whose
 * first stat runs later on libuv's thread pool, so a write that lands before that stat (a busy
 * pool at engine start) is taken as the starting state and never reported.
 */
export function createSettingsStore(options: {
  backing: SettingsBacking;
  logger: Logger;
  follow?: boolean;
}): SettingsStore & { close(): void } {
  const { backing, logger } = options;
  const listeners = new Set<(settings: Settings) => void>();
  let current: Settings | null = null;
  let lastNotified = '';
  let versionRead = '';

  function read(): Settings {
    versionRead = fileVersion(backing.path);
    const { settings, problems } = repairSettings(backing.store);
    if (problems.length > 0) {
      const backup = backupPath(backing.path);
      copyFileSync(backing.path, backup);
      logger.warn('The settings file held invalid values: they were reset', { problems, backup });
      backing.store = settings;
      versionRead = fileVersion(backing.path);
    }
    return settings;
  }

  function notify(settings: Settings): void {
    const serialized = JSON.stringify(settings);
    if (serialized === lastNotified) return;
    lastNotified = serialized;
    for (const listener of listeners) listener(settings);
  }

  function followOtherWriters(): void {
    if (fileVersion(backing.path) === versionRead) return;
    try {
      current = read();
    } catch (error) {
      // Another process may be halfway through writing; its finished write changes the version again.
      logger.warn('The settings file could not be read after another program changed it', {
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    notify(current);
  }

  const store = {
    get(): Settings {
      current ??= read();
      return current;
    },
    update(patch: Partial<Settings>): Settings {
      const parsed = Settings.safeParse({ ...store.get(), ...patch });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new InvalidSettingsError(
          `The setting ${issue?.path.join('.') || 'value'} is invalid: ${issue?.message ?? 'rejected'}.`,
        );
      }
      backing.store = parsed.data;
      versionRead = fileVersion(backing.path);
      current = parsed.data;
      notify(parsed.data);
      return parsed.data;
    },
    onChange(listener: (settings: Settings) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close(): void {
      if (following !== null) clearInterval(following);
    },
  };
  lastNotified = JSON.stringify(store.get());
  const following = options.follow
    ? setInterval(followOtherWriters, SETTINGS_FOLLOW_INTERVAL_MS)
    : null;
  // A following store never keeps a finished CLI command's process alive.
  following?.unref();
  return store;
}

/** The headless store: conf on `<configDir>/settings.json`, watched when an engine runs. */
export function openHeadlessSettingsStore(options: {
  configDir: string;
  logger: Logger;
  /** Follow changes other processes make (a CLI command beside a running `watch`). */
  watch?: boolean;
}): SettingsStore & { close(): void } {
  quarantineUnreadableSettingsFile(options.configDir, options.logger);
  const backing = new Conf<SettingsFile>(settingsFileOptions(options.configDir));
  return createSettingsStore({ backing, logger: options.logger, follow: options.watch ?? false });
}
