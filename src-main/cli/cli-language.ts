// The language the CLI speaks: the settings' `language` when it is not "system", else the POSIX
// locale (LC_ALL, LC_MESSAGES, LANG), else English. Core's messages and the CLI's own words
// (labels, table headers, state words: the `cli_*` codes and term tables) come from the same
// nl/fr/en catalogues; only commander's usage text stays English.
import type { Language } from '../contract/domain.ts';
import type { Message, TermTable, Terms } from '../contract/messages/message.ts';
import {
  CATALOGUES,
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

/** A message (core's or the CLI's own `cli_*`) in the CLI's language. */
export function inCliLanguage(message: Message): string {
  return renderMessage(message, current);
}

/** One word of a term table (a label, a column header, a state) in the CLI's language. */
export function cliTerm<T extends TermTable>(table: T, key: keyof Terms[T]): string {
  return (CATALOGUES[current].terms[table] as Record<keyof Terms[T], string>)[key];
}

type CliLabel = keyof Terms['cliLabel'];

/**
 * Labelled lines (`Engine:  …`, or `type     …` without colons): each label as the language
 * spells it, the values aligned one column after the widest label of `group`.
 */
export function labeller(
  group: readonly CliLabel[],
  options: { colon: boolean } = { colon: true },
): (key: CliLabel, value: string) => string {
  const suffix = options.colon ? ':' : '';
  const width = Math.max(...group.map((key) => cliTerm('cliLabel', key).length)) + 2;
  return (key, value) => `${`${cliTerm('cliLabel', key)}${suffix}`.padEnd(width)}${value}`;
}
