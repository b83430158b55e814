// A date typed as the page's language writes it (lib/date-text.ts), in place of
// <input type="date">, which Chromium shows in the browser's locale (mm/dd/yyyy in an English
// browser on a nl or fr page). The placeholder spells the order in the language's letters
// ("dd/mm/jjjj", "jj/mm/aaaa", "mm/dd/yyyy").
import { useId, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { dateOrder, isoDayToText, textToIsoDay } from '../lib/date-text.ts';
import { useFormatters } from '../state/app-context.tsx';

/**
 * A labelled text field for one day. `value` and `onChange` speak ISO days ("2026-03-05", "" for
 * none); `onChange` is called only with a whole valid date or "", so half-typed text filters
 * nothing, and text that is no date is marked invalid with the pattern to follow.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (isoDay: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  const hintId = useId();
  const order = useMemo(() => dateOrder(locale), [locale]);
  const pattern = order.fields
    .map((field) => t(`history.dateLetters.${field}`))
    .join(order.separator);
  // The text typed, and the value and locale it was last matched with: a value set from outside
  // (filters cleared, a link) or another language replaces the text while rendering, as React
  // advises for state that follows a prop.
  const [shown, setShown] = useState(() => ({ value, locale, text: isoDayToText(value, locale) }));
  if (shown.value !== value || shown.locale !== locale) {
    const same = shown.locale === locale && (textToIsoDay(shown.text, order) ?? '') === value;
    setShown({ value, locale, text: same ? shown.text : isoDayToText(value, locale) });
  }
  const text = shown.text;
  const setText = (next: string): void => setShown((current) => ({ ...current, text: next }));

  const typed = text.trim();
  const invalid = typed !== '' && textToIsoDay(typed, order) === null;

  function change(next: string): void {
    setText(next);
    if (next.trim() === '') onChange('');
    else {
      const iso = textToIsoDay(next, order);
      if (iso !== null) onChange(iso);
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={pattern}
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? hintId : undefined}
        onChange={(event) => change(event.target.value)}
        onBlur={() => {
          // A whole date is shown as the language writes it ("5-3-2026" becomes "05/03/2026").
          const iso = textToIsoDay(text, order);
          if (iso !== null) setText(isoDayToText(iso, locale));
        }}
      />
      {invalid && (
        <p id={hintId} className="hint hint-warning">
          {t('history.dateInvalid', { pattern })}
        </p>
      )}
    </div>
  );
}
