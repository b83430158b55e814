// One dropped file's own destination (issue #14 finding 13): by default a file goes where the
// Drop screen's common choice sends it; any file can be sent elsewhere (purchase, sales or an
// archive category of the same administration) before the files are sent.
import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DestinationType, type CompanyNumber } from '../../src-main/contract/domain.ts';
import { ArchiveCategoryField, type DestinationDraft } from './destination-picker.tsx';

/**
 * A button that opens a select of "as the others" (the screen's common choice, value null) and the
 * four destinations, with the category select for an archive; `onChange` gets null for the common
 * choice.
 */
export function RowDestinationField({
  fileName,
  companyNumber,
  value,
  onChange,
}: {
  fileName: string;
  companyNumber: CompanyNumber | null;
  value: DestinationDraft | null;
  onChange: (value: DestinationDraft | null) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  // Closed, a file offers only a small button: most drops go to one place.
  const [open, setOpen] = useState(value !== null);
  if (!open) {
    return (
      <button
        type="button"
        className="button button-link row-destination-open"
        aria-label={t('drop.rowDestinationOpenOf', { name: fileName })}
        onClick={() => setOpen(true)}
      >
        {t('drop.rowDestinationOpen')}
      </button>
    );
  }
  return (
    <div className="row-destination">
      <label htmlFor={id} className="hint">
        {t('drop.rowDestination')}
      </label>{' '}
      <select
        id={id}
        aria-label={t('drop.rowDestinationOf', { name: fileName })}
        value={value?.type ?? ''}
        onChange={(event) => {
          const type = DestinationType.safeParse(event.target.value);
          onChange(type.success ? { type: type.data, categoryId: '' } : null);
        }}
      >
        <option value="">{t('drop.rowDestinationCommon')}</option>
        {DestinationType.options.map((type) => (
          <option key={type} value={type}>
            {t(`destinations.${type}`)}
          </option>
        ))}
      </select>
      {value !== null && (
        <ArchiveCategoryField companyNumber={companyNumber} value={value} onChange={onChange} />
      )}
    </div>
  );
}
