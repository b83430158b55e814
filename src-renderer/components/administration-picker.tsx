// Choosing one administration out of possibly a thousand: a combobox (WAI-ARIA 1.2 pattern) that
// searches as you type, by name or company number, and is fully usable from the keyboard.
import { useId, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Administration, CompanyNumber } from '../../src-main/contract/domain.ts';
import { createAdministrationIndex } from '../lib/administration-search.ts';
import { formatCompanyNumber } from '../lib/company-number.ts';
import { useApp } from '../state/app-context.tsx';
import { loadedValue } from '../state/app-store.ts';
import { Icon } from './icons.tsx';

const SHOWN_RESULTS = 50;

export function administrationLabel(administration: Administration): string {
  return `${administration.name} (${formatCompanyNumber(administration.companyNumber)})`;
}

export function useAdministrationsByNumber(): Map<string, Administration> {
  const app = useApp();
  const list = loadedValue(app.administrations);
  return useMemo(() => new Map((list ?? []).map((entry) => [entry.companyNumber, entry])), [list]);
}

export function AdministrationPicker({
  label,
  value,
  onChange,
  emptyLabel,
  required = false,
}: {
  label: string;
  value: CompanyNumber | null;
  onChange: (value: CompanyNumber | null) => void;
  /** When set, the picker can be cleared, and shows this when nothing is chosen (filters). */
  emptyLabel?: string;
  required?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const app = useApp();
  const id = useId();
  const listId = `${id}-list`;
  const list = loadedValue(app.administrations);
  const index = useMemo(() => createAdministrationIndex(list ?? []), [list]);
  const byNumber = useAdministrationsByNumber();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const results = useMemo(() => index.search(query), [index, query]);
  const shown = results.slice(0, SHOWN_RESULTS);
  const selected = value === null ? undefined : byNumber.get(value);
  const displayed = open
    ? query
    : selected !== undefined
      ? administrationLabel(selected)
      : (value ?? '');

  function choose(administration: Administration | undefined): void {
    if (administration === undefined) return;
    onChange(administration.companyNumber);
    setOpen(false);
    setQuery('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(Math.max(current + step, 0), Math.max(shown.length - 1, 0)));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setQuery('');
    }
  }

  const loading = app.administrations.state === 'loading' && list === null;
  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <div className="combobox-control">
        <Icon name="search" />
        <input
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            open && shown[active] !== undefined ? `${id}-option-${active}` : undefined
          }
          aria-required={required}
          autoComplete="off"
          spellCheck={false}
          placeholder={emptyLabel ?? t('picker.placeholder')}
          value={displayed}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(event) => event.target.select()}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setQuery('');
          }}
          onKeyDown={onKeyDown}
        />
        {emptyLabel !== undefined && value !== null && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('picker.clear')}
            onClick={() => onChange(null)}
          >
            <Icon name="cross" />
          </button>
        )}
      </div>
      <ul id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!open}>
        {loading && <li className="combobox-note">{t('picker.loading')}</li>}
        {app.administrations.state === 'error' && list === null && (
          <li className="combobox-note">{t('picker.unavailable')}</li>
        )}
        {!loading && list !== null && shown.length === 0 && (
          <li className="combobox-note">{t('picker.noResults', { query })}</li>
        )}
        {shown.map((administration, position) => (
          <li
            key={administration.companyNumber}
            id={`${id}-option-${position}`}
            role="option"
            aria-selected={administration.companyNumber === value}
            className={position === active ? 'combobox-option active' : 'combobox-option'}
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(position)}
            onClick={() => choose(administration)}
          >
            <span className="option-name">{administration.name}</span>
            <span className="option-meta">{formatCompanyNumber(administration.companyNumber)}</span>
          </li>
        ))}
        {results.length > shown.length && (
          <li className="combobox-note">
            {t('picker.more', { count: results.length - shown.length })}
          </li>
        )}
      </ul>
    </div>
  );
}
