// Dates, numbers and sizes in the reader's locale (nl-BE, fr-BE, en), always through Intl.
import { INTL_LOCALE, type UiLanguage } from './locale.ts';

export interface Formatters {
  locale: string;
  number(value: number): string;
  bytes(value: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

const KB = 1024;
const MB = 1024 * 1024;
const GB = 1024 * 1024 * 1024;

export function createFormatters(language: UiLanguage): Formatters {
  const locale = INTL_LOCALE[language];
  const integer = new Intl.NumberFormat(locale);
  const unit = (name: string, digits: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, maximumFractionDigits: digits });
  const byteFormats = {
    kilobyte: unit('kilobyte', 1),
    megabyte: unit('megabyte', 1),
    gigabyte: unit('gigabyte', 1),
  };
  const wholeBytes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'byte',
    unitDisplay: 'long',
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const parse = (iso: string) => new Date(iso);

  return {
    locale,
    number: (value) => integer.format(value),
    bytes(value) {
      // An empty file is exactly that: "0 bytes", never rounded up to a tenth of a kilobyte.
      if (value === 0) return wholeBytes.format(0);
      // Below a megabyte, kilobytes (0.8 kB rather than 860 byte, as file managers show).
      if (value < MB) return byteFormats.kilobyte.format(Math.max(value / KB, 0.1));
      if (value < GB) return byteFormats.megabyte.format(value / MB);
      return byteFormats.gigabyte.format(value / GB);
    },
    date: (iso) => date.format(parse(iso)),
    dateTime: (iso) => dateTime.format(parse(iso)),
  };
}
