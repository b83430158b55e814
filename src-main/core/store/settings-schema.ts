// The settings file's name, version and migrations, shared by conf (headless) and the desktop
// shell's electron-store (which extends conf), so both read and migrate the same file.
import { randomUUID } from 'node:crypto';
import type Conf from 'conf';
import { Settings } from '../../contract/domain.ts';

/** What is on disk before validation: anything a person or an older version wrote. */
export type SettingsFile = Record<string, unknown>;

/** `<cwd>/settings.json`. electron-store calls this option `name`, conf calls it `configName`. */
export const SETTINGS_FILE_NAME = 'settings';

/**
 * The version of the settings format, not of the app: conf compares migrations with it, and
 * electron-store would otherwise use the app version, which moves for unrelated reasons.
 */
export const SETTINGS_FORMAT_VERSION = '1.0.0';

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keyed by the format version that introduced them; conf runs them in version order. */
export const settingsMigrations: Record<string, (store: Conf<SettingsFile>) => void> = {
  // Before 1.0.0 folder bindings could be written without an id (by hand, or by the preview
  // builds); every request names a folder by id, so each one gets a stable id here.
  '1.0.0': (store) => {
    const folders = store.get('folders');
    if (!Array.isArray(folders)) return;
    store.set(
      'folders',
      folders.map((folder: unknown) =>
        isRecord(folder) && typeof folder.id !== 'string'
          ? { ...folder, id: randomUUID() }
          : folder,
      ),
    );
  },
};

/**
 * The options both stores are built with. The desktop shell passes them to electron-store as is
 * (it maps `name` to `configName`); conf uses `configName`.
 */
export function settingsFileOptions(cwd: string) {
  return {
    name: SETTINGS_FILE_NAME,
    configName: SETTINGS_FILE_NAME,
    cwd,
    projectVersion: SETTINGS_FORMAT_VERSION,
    migrations: settingsMigrations,
    defaults: DEFAULT_SETTINGS as SettingsFile,
    // Folder paths and category ids contain dots; they are values here, never key paths.
    accessPropertiesByDotNotation: false,
    // Folder paths and company numbers are the user's business.
    configFileMode: 0o600,
  };
}
