// The language choice is a setting (core keeps it), so every window and the tray follow it.
import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Language } from '../../src-main/contract/domain.ts';
import { useApi, useApp, useStore } from '../state/app-context.tsx';
import { useToast } from './toasts.tsx';
import { errorText } from './error-text.ts';

export function LanguageSelect(): ReactElement {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const store = useStore();
  const app = useApp();
  const toast = useToast();
  const id = useId();
  const [saving, setSaving] = useState(false);

  async function change(language: Language): Promise<void> {
    setSaving(true);
    try {
      store.applySettings(await api.invoke('settings.update', { language }));
    } catch (error) {
      toast(t('status.actionFailed', { reason: errorText(t, error, i18n.language) }), 'error');
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        value={app.settings?.language ?? 'system'}
        disabled={saving}
        onChange={(event) => void change(Language.parse(event.target.value))}
      >
        {Language.options.map((language) => (
          <option key={language} value={language}>
            {t(`settings.languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
