// Light and dark follow the OS unless the user picks one; the choice is kept in this window's
// storage because the shared settings file has no place for it.
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'clearfacts-uploader.theme';

export function readTheme(storage: Storage): Theme {
  const stored = storage.getItem(STORAGE_KEY);
  return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as Theme) : 'system';
}

export function applyTheme(root: HTMLElement, storage: Storage, theme: Theme): void {
  storage.setItem(STORAGE_KEY, theme);
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
}
