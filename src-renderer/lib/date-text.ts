// Dates typed and shown as the page's language writes them (nl-BE and fr-BE: 05/03/2026; en:
// 03/05/2026), for the History's date filters. Chromium's <input type="date"> shows the browser's
// own locale whatever the document's `lang` (measured: an en-US browser showed 03/25/2026 on a
// lang="nl-BE" page), so a nl or fr page in an English browser showed mm/dd/yyyy (issue #14
// finding 13). The order of the fields and the separator come from Intl, not from a table here.

/** A date's three fields as Intl orders them for a locale, and the separator it writes. */
export interface DateOrder {
  fields: readonly ('day' | 'month' | 'year')[];
  separator: string;
}

const SAMPLE = new Date(2026, 2, 25);

function numericFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** How `locale` writes a date in digits: its field order and separator ("/" for nl-BE). */
export function dateOrder(locale: string): DateOrder {
  const parts = numericFormat(locale).formatToParts(SAMPLE);
  const fields = parts.flatMap((part) =>
    part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : [],
  );
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '/';
  return { fields, separator };
}

/** "2026-03-05" (the filter's ISO day) as `locale` writes it: "05/03/2026" in nl-BE; "" for "". */
export function isoDayToText(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return '';
  const [, year, month, day] = match.map(Number);
  return numericFormat(locale).format(new Date(year ?? 0, (month ?? 1) - 1, day ?? 1));
}

/**
 * A typed date, its fields in `order` and separated by any non-digit ("5/3/2026", "05-03-2026",
 * "5.3.2026"), as an ISO day ("2026-03-05"); null when it is not a date of the calendar (31/02)
 * or its year is not written with four digits.
 */
export function textToIsoDay(text: string, order: DateOrder): string | null {
  const numbers = text
    .trim()
    .split(/\D+/)
    .filter((piece) => piece !== '');
  if (numbers.length !== 3) return null;
  const value = (field: 'day' | 'month' | 'year'): string =>
    numbers[order.fields.indexOf(field)] ?? '';
  const [yearText, monthText, dayText] = [value('year'), value('month'), value('day')];
  if (!/^\d{4}$/.test(yearText) || !/^\d{1,2}$/.test(monthText) || !/^\d{1,2}$/.test(dayText)) {
    return null;
  }
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
