// The SettingsStore over a conf instance (headless) or an electron-store instance (the desktop
// shell; it extends conf). Every read is validated with the contract's schema; a bad file is
// backed up and repaired with a log line, never a crash.
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { Settings } from '../../contract/domain.ts';
import type { Logger } from '../logging/logger.ts';
import { repairSettings } from './settings-repair.ts';
import { SETTINGS_FILE_NAME, settingsFileOptions, type SettingsFile } from './settings-schema.ts';
import type { SettingsStore } from './settings-store.ts';

/** The part of conf (and electron-store) this store uses. */
export interface SettingsBacking {
  readonly path: string;
  store: SettingsFile;
  onDidAnyChange(callback: () => void): () => void;
  _closeWatcher(): void;
}

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

export function createSettingsStore(options: {
  backing: SettingsBacking;
  logger: Logger;
}): SettingsStore & { close(): void } {
  const { backing, logger } = options;
  const listeners = new Set<(settings: Settings) => void>();
  let current: Settings | null = null;
  let lastNotified = '';

  function read(): Settings {
    const { settings, problems } = repairSettings(backing.store);
    if (problems.length > 0) {
      const backup = backupPath(backing.path);
      copyFileSync(backing.path, backup);
      logger.warn('The settings file held invalid values: they were reset', { problems, backup });
      backing.store = settings;
    }
    return settings;
  }

  function notify(settings: Settings): void {
    const serialized = JSON.stringify(settings);
    if (serialized === lastNotified) return;
    lastNotified = serialized;
    for (const listener of listeners) listener(settings);
  }

  const unsubscribeBacking = backing.onDidAnyChange(() => {
    // Also fires when another process (the CLI beside a running `watch`) writes the file.
    current = read();
    notify(current);
  });

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
      current = parsed.data;
      notify(parsed.data);
      return parsed.data;
    },
    onChange(listener: (settings: Settings) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close(): void {
      unsubscribeBacking();
      backing._closeWatcher();
    },
  };
  lastNotified = JSON.stringify(store.get());
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
  const backing = new Conf<SettingsFile>({
    ...settingsFileOptions(options.configDir),
    watch: options.watch ?? false,
  });
  return createSettingsStore({ backing, logger: options.logger });
}
