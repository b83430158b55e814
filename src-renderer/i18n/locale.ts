// The three languages of the app and the Intl locale each one formats dates and numbers with.
import type { Language } from '../../src-main/contract/domain.ts';

export const UI_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const INTL_LOCALE: Record<UiLanguage, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en' };

export function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The chosen language, or for "system" the first of the OS's preferred languages we speak. */
export function resolveLanguage(setting: Language, systemLocales: readonly string[]): UiLanguage {
  if (setting !== 'system') return setting;
  for (const locale of systemLocales) {
    const base = locale.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}
