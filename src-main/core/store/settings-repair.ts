// Turns whatever is in the settings file into valid Settings without losing what is still good:
// a person editing the file by hand should lose the one value they got wrong, not every folder.
import path from 'node:path';
import { FolderBinding, Settings } from '../../contract/domain.ts';
import type { SettingsFile } from './settings-schema.ts';

export interface RepairedSettings {
  settings: Settings;
  /** One line per value that was replaced by its default or dropped, for the log. */
  problems: string[];
}

/**
 * Why a binding that fits the schema cannot be watched as written, or null. The app only ever
 * writes absolute, distinct paths; a hand edit may not: a relative path would follow whatever
 * folder the engine starts in, a disk root as an accountant tree names every top folder an
 * administration, and a second binding of one folder would give its files two destinations.
 */
function bindingProblem(folder: FolderBinding, kept: readonly FolderBinding[]): string | null {
  if (!path.isAbsolute(folder.path)) return `"${folder.path}" is not an absolute path`;
  const resolved = path.resolve(folder.path);
  if (folder.mode === 'accountant-tree' && path.parse(resolved).root === resolved) {
    return `the root ${resolved} cannot be an accountant tree`;
  }
  if (kept.some((other) => path.resolve(other.path) === resolved)) {
    return `${resolved} is already bound`;
  }
  return null;
}

/** Valid Settings from the file, and one line per value replaced or binding dropped. */
export function repairSettings(raw: SettingsFile): RepairedSettings {
  const { settings, problems } = repairValues(raw);
  const folders: FolderBinding[] = [];
  for (const folder of settings.folders) {
    const problem = bindingProblem(folder, folders);
    if (problem === null) folders.push(folder);
    else problems.push(`folder ${folder.id} dropped: ${problem}`);
  }
  return { settings: { ...settings, folders }, problems };
}

function repairValues(raw: SettingsFile): RepairedSettings {
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
