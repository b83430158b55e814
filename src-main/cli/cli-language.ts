// The language the CLI speaks core's messages in: the settings' `language` when it is not
// "system", else the POSIX locale (LC_ALL, LC_MESSAGES, LANG), else English. The CLI's own usage
// text (commander, CliError) stays English.
import type { Language } from '../contract/domain.ts';
import type { Message } from '../contract/messages/message.ts';
import {
  languageOfLocale,
  renderMessage,
  type MessageLanguage,
} from '../contract/messages/render-message.ts';

/** The first of LC_ALL, LC_MESSAGES, LANG that is set names the language, as POSIX orders them. */
export function languageFromEnvironment(env: NodeJS.ProcessEnv = process.env): MessageLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (value) => value !== undefined && value !== '',
  );
  return (locale === undefined ? null : languageOfLocale(locale)) ?? 'en';
}

let current: MessageLanguage = languageFromEnvironment();

/** Called once the settings are read: an explicit language wins over the locale. */
export function useSettingsLanguage(setting: Language): void {
  current = setting === 'system' ? languageFromEnvironment() : setting;
}

/** A core message in the CLI's language. */
export function inCliLanguage(message: Message): string {
  return renderMessage(message, current);
}
