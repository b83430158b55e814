// A file's size for people, the same on every surface (issue #14: the renderer wrote "0,1 kB"
// and "kB", the CLI "0,0 KB" and "KB" for one 3-byte file). The renderer's `format.bytes` and
// the catalogues' `{{sizeBytes, size}}` (CLI, shell, core's logs) both call this one function.

/** The languages a size is written in: the app's three. */
export type ByteSizeLanguage = 'nl' | 'fr' | 'en';

/** A number's words in one language: its Intl locale, the byte's plural forms, the units. */
interface SizeWords {
  locale: string;
  byte: { one: string; other: string };
  /** kB, MB, GB: 1024, 1024² and 1024³ bytes. */
  units: readonly [string, string, string];
}

/**
 * The unit names. French writes octets (o, ko, Mo, Go; CLDR's fr units and the Settings field
 * "(Mo)"); Dutch and English write bytes, in full below a kilobyte.
 */
const SIZE_WORDS: Record<ByteSizeLanguage, SizeWords> = {
  nl: { locale: 'nl-BE', byte: { one: 'byte', other: 'bytes' }, units: ['kB', 'MB', 'GB'] },
  fr: { locale: 'fr-BE', byte: { one: 'octet', other: 'octets' }, units: ['ko', 'Mo', 'Go'] },
  en: { locale: 'en', byte: { one: 'byte', other: 'bytes' }, units: ['kB', 'MB', 'GB'] },
};

/** Binary multiples: one kB is 1,024 bytes, as the upload limit (20 × 1024² bytes) is counted. */
const STEP = 1024;

/** Between the number and its unit: a no-break space, so "1,8 kB" never wraps in a narrow column. */
const NO_BREAK_SPACE = '\u00a0';

type SizeFormatter = (bytes: number) => string;

const formatters = new Map<ByteSizeLanguage, SizeFormatter>();

function createFormatter(language: ByteSizeLanguage): SizeFormatter {
  const words = SIZE_WORDS[language];
  const whole = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 0 });
  const tenths = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 1 });
  const plural = new Intl.PluralRules(words.locale);
  return (bytes) => {
    if (bytes < STEP) {
      const count = Math.max(0, Math.round(bytes));
      const word = plural.select(count) === 'one' ? words.byte.one : words.byte.other;
      return `${whole.format(count)}${NO_BREAK_SPACE}${word}`;
    }
    let unit = 0;
    let value = bytes / STEP;
    // Move up once the rounded figure reaches the next unit: 1,048,575 bytes is "1 MB", never
    // "1024 kB".
    while (unit < words.units.length - 1 && Math.round(value * 10) / 10 >= STEP) {
      value /= STEP;
      unit += 1;
    }
    return `${tenths.format(value)}${NO_BREAK_SPACE}${words.units[unit]}`;
  };
}

/**
 * `bytes` for people in `language`: under 1 kB the bytes themselves ("0 bytes", "3 bytes",
 * "1 octet", "0 octet": French counts 0 and 1 as singular), else kB, MB or GB with at most one
 * decimal, rounded half away from zero (Intl's default), in the language's Belgian number format
 * ("1,8 kB", "20 MB", "4,1 Mo"). Units are binary (1 kB = 1,024 bytes, 1 MB = 1,048,576 bytes),
 * so the default upload limit of 20 × 1024² bytes reads "20 MB" as Clearfacts states its limit.
 * A no-break space (U+00A0) joins number and unit; French groups thousands with Intl's narrow
 * no-break space (U+202F).
 */
export function formatByteSize(bytes: number, language: ByteSizeLanguage): string {
  let format = formatters.get(language);
  if (format === undefined) {
    format = createFormatter(language);
    formatters.set(language, format);
  }
  return format(bytes);
}
