// Turns whatever is in the settings file into valid Settings without losing what is still good:
// a person editing the file by hand should lose the one value they got wrong, not every folder.
import { FolderBinding, Settings } from '../../contract/domain.ts';
import type { SettingsFile } from './settings-schema.ts';

export interface RepairedSettings {
  settings: Settings;
  /** One line per value that was replaced by its default or dropped, for the log. */
  problems: string[];
}

export function repairSettings(raw: SettingsFile): RepairedSettings {
  const whole = Settings.safeParse(raw);
  if (whole.success) return { settings: whole.data, problems: [] };

  const problems: string[] = [];
  const repaired: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Settings.shape)) {
    const value = raw[key];
    if (key === 'folders' && Array.isArray(value)) {
      repaired.folders = value.filter((folder: unknown, index) => {
        const parsed = FolderBinding.safeParse(folder);
        if (!parsed.success) {
          problems.push(`folders[${index}] dropped: ${parsed.error.issues[0]?.message ?? ''}`);
        }
        return parsed.success;
      });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      repaired[key] = parsed.data;
    } else {
      problems.push(`${key} reset to its default: ${parsed.error.issues[0]?.message ?? ''}`);
    }
  }
  return { settings: Settings.parse(repaired), problems };
}
