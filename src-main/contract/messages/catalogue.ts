// The shape of one language's messages: a sentence per code (or its plural forms), and the words
// that params name (file types, archive types, …). Plain data, shared by core's logs, the CLI,
// the bridge and the renderer.
import type { MessageCode, Terms } from './message.ts';

/** i18next plural forms; French also needs `many` (1 000 000 de fichiers). */
export interface PluralText {
  one: string;
  other: string;
  many?: string;
}

/**
 * Placeholders are i18next's: `{{name}}`, and with a format `{{sizeBytes, size}}` (bytes for
 * people, see `formatByteSize`), `{{until, time}}` (epoch ms as a clock time), `{{at, date}}`
 * (epoch ms as a day), `{{count, number}}`.
 */
export interface Catalogue {
  messages: Record<MessageCode, string | PluralText>;
  terms: Terms;
}
