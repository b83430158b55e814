// Settings: the account and token, language and theme (applied at once), and the upload
// behaviour and connection (saved together, checked before they are sent).
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import type { en } from '../i18n/en.ts';
import { tokenStoreOf } from '../../src-main/contract/token-stores.ts';
import { useTranslation } from 'react-i18next';
import {
  AfterUpload,
  DEFAULT_API_URL,
  type Settings,
  type SettingsPatch,
} from '../../src-main/contract/domain.ts';
import { Icon } from '../components/icons.tsx';
import { LanguageSelect } from '../components/language-select.tsx';
import { ErrorMessage, Loading } from '../components/states.tsx';
import { useRenderMessage } from '../components/message-text.ts';
import { canSaveApiUrl, checkApiUrl } from '../lib/api-url.ts';
import { applyTheme, readTheme, THEMES, type Theme } from '../lib/theme.ts';
import { useApi, useApp, useStore } from '../state/app-context.tsx';
import { navigate } from '../state/route.ts';
import { AccountSummary } from './sign-in-screen.tsx';

const MEGABYTE = 1024 * 1024;

interface Draft {
  concurrency: string;
  afterUpload: AfterUpload;
  stabilitySeconds: string;
  pollingSeconds: string;
  maxUploadMegabytes: string;
  startAtLogin: boolean;
  pairEInvoices: boolean;
  followUp: boolean;
  apiUrl: string;
}

function draftOf(settings: Settings): Draft {
  return {
    concurrency: String(settings.concurrency),
    afterUpload: settings.afterUpload,
    stabilitySeconds: String(settings.stabilityWindowMs / 1000),
    pollingSeconds: String(settings.pollingIntervalMs / 1000),
    maxUploadMegabytes: String(Math.round((settings.maxUploadBytes / MEGABYTE) * 100) / 100),
    startAtLogin: settings.startAtLogin,
    pairEInvoices: settings.pairEInvoices,
    followUp: settings.followUp,
    apiUrl: settings.apiUrl,
  };
}

function numberIn(text: string, min: number, max: number): number | null {
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) && value >= min && value <= max ? value : null;
}

function NumberField({
  label,
  hint,
  value,
  onChange,
  min,
  max,
  step,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  step: number;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const hintId = useId();
  const valid = numberIn(value, min, max) !== null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        className="input-narrow"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-invalid={!valid}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={hintId} className={valid ? 'hint' : 'hint hint-danger'}>
        {valid ? hint : t('settings.outOfRange', { min, max })}
      </p>
    </div>
  );
}

function ThemeSelect(): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [theme, setTheme] = useState<Theme>(() => readTheme(window.localStorage));
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('settings.theme')}</label>
      <select
        id={id}
        value={theme}
        onChange={(event) => {
          const chosen = event.target.value as Theme;
          applyTheme(document.documentElement, window.localStorage, chosen);
          setTheme(chosen);
        }}
      >
        {THEMES.map((option) => (
          <option key={option} value={option}>
            {t(`settings.themes.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function UploadSettingsForm({
  settings,
  desktop,
  launchApiUrl,
}: {
  settings: Settings;
  desktop: boolean;
  /** The API address the process was started with: shown, and not editable here. */
  launchApiUrl: string | null;
}): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const store = useStore();
  const apiUrlId = useId();
  const apiUrlHintId = useId();
  const afterName = useId();
  const render = useRenderMessage();
  // What the address in use answered when it is no GraphQL endpoint (core's api_not_graphql).
  const addressReason = useApp().status?.reason ?? null;
  const addressProblem = addressReason?.code === 'api_not_graphql' ? addressReason : null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const update = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setState('idle');
  };

  const concurrency = numberIn(draft.concurrency, 1, 8);
  const stability = numberIn(draft.stabilitySeconds, 0.2, 600);
  const polling = numberIn(draft.pollingSeconds, 0.5, 600);
  const maxUpload = numberIn(draft.maxUploadMegabytes, 0.01, 2048);
  // An address given at start-up was accepted by core: it is checked only to say the same hints.
  const urlCheck = checkApiUrl(launchApiUrl ?? draft.apiUrl.trim());
  const valid =
    concurrency !== null &&
    Number.isInteger(concurrency) &&
    stability !== null &&
    polling !== null &&
    canSaveApiUrl(urlCheck);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (
      !valid ||
      concurrency === null ||
      stability === null ||
      polling === null ||
      maxUpload === null
    )
      return;
    setState('saving');
    setError(null);
    const patch: SettingsPatch = {
      concurrency,
      afterUpload: draft.afterUpload,
      stabilityWindowMs: Math.round(stability * 1000),
      pollingIntervalMs: Math.round(polling * 1000),
      maxUploadBytes: Math.round(maxUpload * MEGABYTE),
      // An address given at start-up wins: the settings' one is left as it was.
      ...(launchApiUrl === null ? { apiUrl: draft.apiUrl.trim() } : {}),
      pairEInvoices: draft.pairEInvoices,
      followUp: draft.followUp,
      ...(desktop ? { startAtLogin: draft.startAtLogin } : {}),
    };
    try {
      const saved = await api.invoke('settings.update', patch);
      store.applySettings(saved);
      setDraft(draftOf(saved));
      setState('saved');
    } catch (caught) {
      setError(caught);
      setState('idle');
    }
  }

  return (
    <form className="form" onSubmit={(event) => void save(event)}>
      <section className="panel" aria-labelledby="settings-uploading">
        <h2 id="settings-uploading" className="panel-title">
          {t('settings.uploading')}
        </h2>
        <NumberField
          label={t('settings.concurrency')}
          hint={t('settings.concurrencyHint')}
          value={draft.concurrency}
          onChange={(concurrencyText) => update({ concurrency: concurrencyText })}
          min={1}
          max={8}
          step={1}
        />
        <fieldset className="field">
          <legend>{t('settings.afterUpload')}</legend>
          {AfterUpload.options.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name={afterName}
                value={option}
                checked={draft.afterUpload === option}
                onChange={() => update({ afterUpload: option })}
              />
              <span className="choice-title">{t(`settings.afterUploadOptions.${option}`)}</span>
            </label>
          ))}
          <p className="hint">{t('settings.afterUploadHint')}</p>
        </fieldset>
        <NumberField
          label={t('settings.stability')}
          hint={t('settings.stabilityHint')}
          value={draft.stabilitySeconds}
          onChange={(stabilitySeconds) => update({ stabilitySeconds })}
          min={0.2}
          max={600}
          step={0.1}
        />
        <NumberField
          label={t('settings.polling')}
          value={draft.pollingSeconds}
          onChange={(pollingSeconds) => update({ pollingSeconds })}
          min={0.5}
          max={600}
          step={0.5}
        />
        <NumberField
          label={t('settings.maxUpload')}
          hint={t('settings.maxUploadHint')}
          value={draft.maxUploadMegabytes}
          onChange={(maxUploadMegabytes) => update({ maxUploadMegabytes })}
          min={0.01}
          max={2048}
          step={0.01}
        />
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.pairEInvoices}
            onChange={(event) => update({ pairEInvoices: event.target.checked })}
          />
          <span className="choice-title">{t('settings.pairEInvoices')}</span>
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={draft.followUp}
            onChange={(event) => update({ followUp: event.target.checked })}
          />
          <span className="choice-title">{t('settings.followUp')}</span>
        </label>
        {desktop ? (
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.startAtLogin}
              onChange={(event) => update({ startAtLogin: event.target.checked })}
            />
            <span className="choice-title">{t('settings.startAtLogin')}</span>
          </label>
        ) : (
          <p className="hint">{t('settings.startAtLoginBrowser')}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="settings-connection">
        <h2 id="settings-connection" className="panel-title">
          {t('settings.connection')}
        </h2>
        <div className="field">
          <label htmlFor={apiUrlId}>{t('settings.apiUrl')}</label>
          <div className="input-with-button">
            <input
              id={apiUrlId}
              type="url"
              className="mono"
              value={launchApiUrl ?? draft.apiUrl}
              readOnly={launchApiUrl !== null}
              aria-describedby={apiUrlHintId}
              aria-invalid={!canSaveApiUrl(urlCheck)}
              onChange={(event) => update({ apiUrl: event.target.value })}
              spellCheck={false}
            />
            {launchApiUrl === null && draft.apiUrl !== DEFAULT_API_URL && (
              <button
                type="button"
                className="button"
                onClick={() => update({ apiUrl: DEFAULT_API_URL })}
              >
                {t('settings.apiUrlDefault')}
              </button>
            )}
          </div>
          <div id={apiUrlHintId}>
            {launchApiUrl !== null && <p className="hint">{t('settings.apiUrlFromLaunch')}</p>}
            {urlCheck === 'insecure' && (
              <p className="hint hint-danger" role="alert">
                <Icon name="alert" /> {t('settings.apiUrlInsecure')}
              </p>
            )}
            {urlCheck === 'credentials' && (
              <p className="hint hint-danger" role="alert">
                <Icon name="alert" /> {t('settings.apiUrlCredentials')}
              </p>
            )}
            {urlCheck === 'invalid' && (
              <p className="hint hint-danger">{t('settings.apiUrlInvalid')}</p>
            )}
            {addressProblem !== null && (
              <p className="hint hint-danger" role="alert" data-testid="api-url-answer">
                <Icon name="alert" /> {render(addressProblem)}
              </p>
            )}
          </div>
        </div>
      </section>

      {error !== null && <ErrorMessage error={error} lead={t('settings.error')} />}
      <div className="actions sticky-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={!valid || state === 'saving'}
        >
          {state === 'saving' ? t('settings.saving') : t('settings.save')}
        </button>
        <span role="status" className="saved-note">
          {state === 'saved' && (
            <>
              <Icon name="check" /> {t('settings.saved')}
            </>
          )}
        </span>
      </div>
    </form>
  );
}

type Platform = keyof typeof en.settings.platforms;
const PLATFORMS: readonly string[] = ['linux', 'darwin', 'win32'] satisfies Platform[];

/**
 * The operating system by its name ("Linux", "macOS", "Windows") from the catalogue, not Node's
 * `process.platform` id ("linux", "win32"; issue #14 finding 13). Another id is shown as it is.
 */
function platformName(t: TFunction, platform: string): string {
  return PLATFORMS.includes(platform) ? t(`settings.platforms.${platform as Platform}`) : platform;
}

/**
 * Where the token is kept, in the UI's words: the store's id (`TokenStorageInfo.backend`) read
 * through contract/token-stores.ts, which every surface shares. An id it does not know is shown
 * as it is.
 */
function tokenBackendText(t: TFunction, backend: string): string {
  const store = tokenStoreOf(backend);
  return store === null ? backend : t(`settings.tokenBackends.${store}`);
}

export function SettingsScreen(): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const store = useStore();
  const app = useApp();
  const [error, setError] = useState<unknown>(null);
  const session = app.session;

  async function signOut(): Promise<void> {
    try {
      store.applySession(await api.invoke('session.signOut', {}));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">{t('settings.title')}</h1>
      </header>
      <div className="settings-grid">
        <section className="panel" aria-labelledby="settings-account">
          <h2 id="settings-account" className="panel-title">
            {t('settings.account')}
          </h2>
          {session !== null && session.signedIn && <AccountSummary session={session} />}
          {session !== null && (
            <p className="hint">
              {t('settings.tokenStorage', {
                backend: tokenBackendText(t, session.tokenStorage.backend),
              })}
            </p>
          )}
          {error !== null && <ErrorMessage error={error} />}
          <div className="actions">
            <button type="button" className="button" onClick={() => navigate('sign-in')}>
              <Icon name="key" /> {t('settings.changeToken')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void signOut()}>
              {t('settings.signOut')}
            </button>
          </div>
        </section>
        <section className="panel" aria-labelledby="settings-appearance">
          <h2 id="settings-appearance" className="panel-title">
            {t('settings.appearance')}
          </h2>
          <LanguageSelect />
          <ThemeSelect />
          {app.appInfo !== null && (
            <p className="hint">
              {t('settings.about', {
                version: app.appInfo.version,
                platform: platformName(t, app.appInfo.platform),
              })}
            </p>
          )}
        </section>
        {app.settings === null ? (
          <Loading label={t('app.loading')} />
        ) : (
          <UploadSettingsForm
            settings={app.settings}
            desktop={app.appInfo?.shell === 'electron'}
            launchApiUrl={session?.apiUrlFromLaunch === true ? session.apiUrl : null}
          />
        )}
      </div>
    </section>
  );
}
