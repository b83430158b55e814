// Dates, numbers and sizes in the reader's locale (nl-BE, fr-BE, en), always through Intl; sizes
// through the contract's one formatter, so a row and the CLI write a size alike.
import { formatByteSize } from '../../src-main/contract/byte-size.ts';
import { INTL_LOCALE, type UiLanguage } from './locale.ts';

export interface Formatters {
  locale: string;
  number(value: number): string;
  bytes(value: number): string;
  date(iso: string): string;
  dateTime(iso: string): string;
}

export function createFormatters(language: UiLanguage): Formatters {
  const locale = INTL_LOCALE[language];
  const integer = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const parse = (iso: string) => new Date(iso);

  return {
    locale,
    number: (value) => integer.format(value),
    bytes: (value) => formatByteSize(value, language),
    date: (iso) => date.format(parse(iso)),
    dateTime: (iso) => dateTime.format(parse(iso)),
  };
}
