// Where documents go: an invoice tray (purchase, sale) or an archive with one of the
// administration's categories, which are asked for only when an archive is chosen.
import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DestinationType,
  type ArchiveCategories,
  type CompanyNumber,
  type Destination,
} from '../../src-main/contract/domain.ts';
import { useStore } from '../state/app-context.tsx';

export interface DestinationDraft {
  type: DestinationType;
  categoryId: string;
}

export function completeDestination(draft: DestinationDraft): Destination | null {
  if (draft.type === 'purchase' || draft.type === 'sale') return { type: draft.type };
  return draft.categoryId === '' ? null : { type: draft.type, categoryId: draft.categoryId };
}

export function draftOf(destination: Destination | null | undefined): DestinationDraft {
  if (destination === null || destination === undefined)
    return { type: 'purchase', categoryId: '' };
  return destination.type === 'purchase' || destination.type === 'sale'
    ? { type: destination.type, categoryId: '' }
    : { type: destination.type, categoryId: destination.categoryId };
}

type CategoriesState =
  | { state: 'loading' }
  | { state: 'ready'; value: ArchiveCategories }
  | { state: 'error'; error: unknown };

function CategorySelect({
  companyNumber,
  kind,
  value,
  onChange,
}: {
  companyNumber: CompanyNumber;
  kind: 'various' | 'permanent';
  value: string;
  onChange: (categoryId: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const store = useStore();
  const id = useId();
  const [categories, setCategories] = useState<{ key: string; result: CategoriesState }>({
    key: companyNumber,
    result: { state: 'loading' },
  });
  useEffect(() => {
    let current = true;
    store.categories(companyNumber).then(
      (value) =>
        current && setCategories({ key: companyNumber, result: { state: 'ready', value } }),
      (error: unknown) =>
        current && setCategories({ key: companyNumber, result: { state: 'error', error } }),
    );
    return () => {
      current = false;
    };
  }, [store, companyNumber]);

  const result: CategoriesState =
    categories.key === companyNumber ? categories.result : { state: 'loading' };
  if (result.state === 'loading')
    return <p className="hint">{t('destinations.categoriesLoading')}</p>;
  if (result.state === 'error')
    return <p className="hint hint-danger">{t('destinations.categoriesError')}</p>;
  const options = result.value[kind];
  if (options.length === 0) return <p className="hint">{t('destinations.noCategories')}</p>;
  return (
    <div className="field">
      <label htmlFor={id}>{t('destinations.category')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} required>
        <option value="">{t('destinations.chooseCategory')}</option>
        {options.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * For an archive destination, its category (of the administration's categories of that kind), or
 * the hint that the administration comes first; nothing for purchase and sales.
 */
export function ArchiveCategoryField({
  companyNumber,
  value,
  onChange,
}: {
  companyNumber: CompanyNumber | null;
  value: DestinationDraft;
  onChange: (value: DestinationDraft) => void;
}): ReactElement | null {
  const { t } = useTranslation();
  if (value.type !== 'various' && value.type !== 'permanent') return null;
  return companyNumber === null ? (
    <p className="hint">{t('destinations.pickAdministrationFirst')}</p>
  ) : (
    <CategorySelect
      companyNumber={companyNumber}
      kind={value.type}
      value={value.categoryId}
      onChange={(categoryId) => onChange({ ...value, categoryId })}
    />
  );
}

export function DestinationPicker({
  companyNumber,
  value,
  onChange,
}: {
  companyNumber: CompanyNumber | null;
  value: DestinationDraft;
  onChange: (value: DestinationDraft) => void;
}): ReactElement {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="field destination-picker">
      <legend>{t('destinations.legend')}</legend>
      <div className="segmented">
        {DestinationType.options.map((type) => (
          <label key={type} className={value.type === type ? 'segment checked' : 'segment'}>
            <input
              type="radio"
              name={name}
              value={type}
              checked={value.type === type}
              onChange={() => onChange({ type, categoryId: '' })}
            />
            {t(`destinations.${type}`)}
          </label>
        ))}
      </div>
      <ArchiveCategoryField companyNumber={companyNumber} value={value} onChange={onChange} />
    </fieldset>
  );
}
