// A size as every surface must write it (contract/byte-size.ts), worked out by hand for tests
// that compare with a count they measured (the bytes the emulator received): no Intl and no
// call into the app, so a wrong rule in the app cannot agree with itself.

/** U+00A0 between number and unit; U+202F groups French thousands (CLDR, "espace fine"). */
const NO_BREAK = '\u00a0';

const WORDS = {
  nl: { one: 'byte', other: 'bytes', units: ['kB', 'MB'], decimal: ',', group: '.' },
  fr: { one: 'octet', other: 'octets', units: ['ko', 'Mo'], decimal: ',', group: '\u202f' },
  en: { one: 'byte', other: 'bytes', units: ['kB', 'MB'], decimal: '.', group: ',' },
} as const;

/**
 * `bytes` (under 1 GiB) as the app writes it in `language`: the bytes themselves under 1,024
 * ("3 bytes", "1 octet"), else kB or MB of 1,024 with at most one decimal ("4,1 kB", "20 Mo").
 */
export function sizeText(bytes: number, language: keyof typeof WORDS): string {
  const words = WORDS[language];
  if (bytes < 1024) {
    // French counts 0 and 1 as singular, Dutch and English only 1.
    const singular = bytes === 1 || (language === 'fr' && bytes === 0);
    const figure =
      bytes >= 1000 ? `1${words.group}${String(bytes - 1000).padStart(3, '0')}` : String(bytes);
    return `${figure}${NO_BREAK}${singular ? words.one : words.other}`;
  }
  const kilobytes = Math.round((bytes / 1024) * 10) / 10;
  const [value, unit] =
    kilobytes < 1024
      ? [kilobytes, words.units[0]]
      : [Math.round((bytes / 1024 ** 2) * 10) / 10, words.units[1]];
  const [whole = '', tenth] = String(value).split('.');
  const grouped =
    whole.length > 3 ? `${whole.slice(0, -3)}${words.group}${whole.slice(-3)}` : whole;
  return `${grouped}${tenth === undefined ? '' : `${words.decimal}${tenth}`}${NO_BREAK}${unit}`;
}
