// Renders a Message in one of the three languages with i18next: interpolation, plurals (`count`),
// and sizes, numbers and times formatted for the language's Belgian locale. Used by the renderer,
// the CLI and core's own logs (English), so every surface says the same thing.
import i18next, { type i18n } from 'i18next';
import { formatByteSize } from '../byte-size.ts';
import type { Catalogue } from './catalogue.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import type { Message, TermTable, Terms } from './message.ts';
import { TERM_TABLES } from './message.ts';
import { nl } from './nl.ts';

export const MESSAGE_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export const CATALOGUES: Record<MessageLanguage, Catalogue> = { en, nl, fr };

/** The Intl locale each language formats numbers, sizes and times with. */
export const MESSAGE_LOCALE: Record<MessageLanguage, string> = {
  nl: 'nl-BE',
  fr: 'fr-BE',
  en: 'en',
};

/** i18next keys for a catalogue: plural forms become key_one, key_other (and key_many). */
function resources(catalogue: Catalogue): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [code, text] of Object.entries(catalogue.messages)) {
    if (typeof text === 'string') {
      flat[code] = text;
    } else {
      flat[`${code}_one`] = text.one;
      flat[`${code}_other`] = text.other;
      if (text.many !== undefined) flat[`${code}_many`] = text.many;
    }
  }
  return flat;
}

function createInstance(language: MessageLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { [language]: { messages: resources(CATALOGUES[language]) } },
    lng: language,
    ns: ['messages'],
    defaultNS: 'messages',
    // Messages are plain text: every surface escapes for its own medium (React, a terminal).
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const locale = MESSAGE_LOCALE[language];
  // "{{sizeBytes, size}}": bytes below a kilobyte, then kB and MB, as every surface writes sizes.
  instance.services.formatter?.add('size', (value: unknown) =>
    typeof value === 'number' ? formatByteSize(value, language) : String(value),
  );
  // "{{until, time}}": a moment, as a time of day when it falls on the reader's today and with
  // its date otherwise (a hold until tomorrow, an outage last week), so no time is ever read as
  // today's by mistake. Today is the render's `now` (see renderMessage).
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const dayAndClock = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  instance.services.formatter?.add('time', (value: unknown, _language, options: unknown) => {
    if (typeof value !== 'number') return String(value);
    const now = nowOf(options);
    return sameLocalDay(value, now)
      ? clock.format(new Date(value))
      : dayAndClock.format(new Date(value));
  });
  // "{{at, date}}": a day, as when an earlier invoice was sent.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  instance.services.formatter?.add('date', (value: unknown) =>
    typeof value === 'number' ? day.format(new Date(value)) : String(value),
  );
  // Follow-up: a document date as Clearfacts writes it (YYYY-MM-DD), and a moment in epoch ms.
  const documentDay = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  instance.services.formatter?.add('day', (value: unknown) => {
    const ms = typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
    return Number.isNaN(ms) ? String(value) : documentDay.format(new Date(ms));
  });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  instance.services.formatter?.add('datetime', (value: unknown) =>
    typeof value === 'number' ? moment.format(new Date(value)) : String(value),
  );
  return instance;
}

/** The t() option that carries the render's `now` (epoch ms) to the formatters. */
const NOW_OPTION = 'renderNow';

function nowOf(options: unknown): number {
  const now: unknown =
    options !== null && typeof options === 'object'
      ? (options as Record<string, unknown>)[NOW_OPTION]
      : undefined;
  return typeof now === 'number' ? now : Date.now();
}

/** Whether two epoch ms fall on the same calendar day in this machine's time zone. */
function sameLocalDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

const instances = new Map<MessageLanguage, i18n>();

function instanceFor(language: MessageLanguage): i18n {
  let instance = instances.get(language);
  if (instance === undefined) {
    instance = createInstance(language);
    instances.set(language, instance);
  }
  return instance;
}

function isTermTable(name: string): name is TermTable {
  return Object.hasOwn(TERM_TABLES, name);
}

/** How a message is rendered beyond its language. */
export interface RenderOptions {
  /** The reader's now, epoch ms (default: the clock): a `time` not on this day shows its date. */
  now?: number;
}

/**
 * The sentence for `message` in `language`. Params named after a term table (`fileType`-valued
 * `actual`/`expected`, `archiveType`, …) are replaced by that language's word; a nested Message
 * param (a folder's stray-file reason) is rendered first.
 */
export function renderMessage(
  message: Message,
  language: MessageLanguage,
  options: RenderOptions = {},
): string {
  const terms: Terms = CATALOGUES[language].terms;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(message.params)) {
    const table = name === 'actual' || name === 'expected' ? 'fileType' : name;
    if (isTermTable(table) && typeof value === 'string') {
      values[name] = (terms[table] as Record<string, string>)[value] ?? value;
    } else if (value !== null && typeof value === 'object' && 'code' in value) {
      values[name] = renderMessage(value as Message, language, options);
    } else {
      values[name] = value;
    }
  }
  // Untyped on purpose: the renderer's i18next type declarations describe its own catalogue.
  const t = instanceFor(language).t as unknown as (key: string, options: object) => string;
  return t(message.code, { ...values, [NOW_OPTION]: options.now ?? Date.now() });
}

/** The language for a locale tag such as `nl_BE.UTF-8` or `fr-BE`, or null when we speak none. */
export function languageOfLocale(locale: string): MessageLanguage | null {
  const base = locale.toLowerCase().split(/[-_.@]/)[0] ?? '';
  return (MESSAGE_LANGUAGES as readonly string[]).includes(base) ? (base as MessageLanguage) : null;
}

/** The English rendering of a message, '' for none: for logs, and tests that read English. */
export function englishOf(message: Message | null | undefined): string {
  return message === null || message === undefined ? '' : renderMessage(message, 'en');
}
