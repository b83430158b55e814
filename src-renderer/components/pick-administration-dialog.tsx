// The answer to a hold that proposes no administration (an inbox e-invoice whose parties name
// none the user reaches, issue #18): the user names the administration and purchases or sales,
// as they would by putting the file in that client's folder. A modal <dialog>, so the choice is
// made in one place and Escape cancels it.
import { useEffect, useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyNumber, HoldChoice } from '../../src-main/contract/domain.ts';
import { AdministrationPicker, useAdministrationsByNumber } from './administration-picker.tsx';

type SendTo = Extract<HoldChoice, { kind: 'send_to' }>;

/**
 * Asks where `fileName` goes; `onPick` gets the `send_to` choice (administration by company
 * number and name as listed, purchase or sale), `onClose` is called when the dialog closes
 * either way.
 */
export function PickAdministrationDialog({
  fileName,
  onPick,
  onClose,
}: {
  fileName: string;
  onPick: (choice: SendTo) => void;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const byNumber = useAdministrationsByNumber();
  const [companyNumber, setCompanyNumber] = useState<CompanyNumber | null>(null);
  const [tray, setTray] = useState<SendTo['destination']>('purchase');
  const chosen = companyNumber === null ? undefined : byNumber.get(companyNumber);

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="pick-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={() => {
          if (chosen === undefined) return;
          onPick({
            kind: 'send_to',
            companyNumber: chosen.companyNumber,
            name: chosen.name,
            destination: tray,
          });
        }}
      >
        <h2 id={titleId}>{t('history.pick.title', { name: fileName })}</h2>
        <AdministrationPicker
          label={t('history.pick.administration')}
          value={companyNumber}
          onChange={setCompanyNumber}
          required
        />
        <fieldset className="field">
          <legend>{t('destinations.legend')}</legend>
          {(['purchase', 'sale'] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="tray"
                value={value}
                checked={tray === value}
                onChange={() => setTray(value)}
              />
              {t(`destinations.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="pick-dialog-actions">
          <button type="submit" className="button button-primary" disabled={chosen === undefined}>
            {t('history.pick.send')}
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('history.pick.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
