// Settings persistence. conf in headless runs and electron-store in the desktop shell share one
// schema and one set of migrations (settings-schema.ts), so either can read the other's file.
import type { Settings } from '../../contract/domain.ts';

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
}
