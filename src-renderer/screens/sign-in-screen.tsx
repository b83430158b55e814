// First run and "enter a new token": the token is checked live by core (session.signIn stores it
// only when Clearfacts accepts it), then the account and what the token may do are shown.
import { useRenderMessage } from '../components/message-text.ts';
import { useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../src-main/contract/api-contract.ts';
import type { SessionInfo } from '../../src-main/contract/domain.ts';
import { Icon } from '../components/icons.tsx';
import { LanguageSelect } from '../components/language-select.tsx';
import { ALL_SCOPES } from '../lib/scope-features.ts';
import { useApi, useApp, useStore } from '../state/app-context.tsx';

const TOKEN_LENGTH = 80;
const DOCS_URL = 'https://github.com/Clearfacts/cf_developer_docs';

function RefusalMessage({ error }: { error: unknown }): ReactElement {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const code = error instanceof ApiError ? error.code : 'internal';
  // The address answered as no GraphQL endpoint does: the token was never checked, core says
  // which address answered what.
  const wrongAddress = error instanceof ApiError && error.userMessage.code === 'api_not_graphql';
  const sentence = wrongAddress
    ? render(error.userMessage)
    : code === 'auth' || code === 'missing_scope'
      ? t('signIn.refusedAuth')
      : code === 'unavailable'
        ? t('signIn.refusedUnavailable')
        : code === 'invalid_request'
          ? t('signIn.refusedInvalid')
          : t('signIn.refusedOther');
  return (
    <div className="error-message" role="alert" data-testid="sign-in-error">
      <Icon name="alert" />
      <div>
        <p className="error-lead">
          {wrongAddress ? t('signIn.wrongAddressTitle') : t('signIn.refusedTitle')}
        </p>
        <p>{sentence}</p>
        {!wrongAddress && (
          <details>
            <summary>{t('app.details')}</summary>
            {/* Core's own sentence in the reader's language (error.message is its English form),
                then the transport's detail, which is technical and not translated. */}
            <p className="mono">
              {error instanceof ApiError ? render(error.userMessage) : t('errors.internal')}
            </p>
            {error instanceof ApiError && error.detail !== undefined && error.detail !== '' && (
              <p className="mono">{error.detail}</p>
            )}
          </details>
        )}
      </div>
    </div>
  );
}

export function AccountSummary({ session }: { session: SessionInfo }): ReactElement {
  const { t } = useTranslation();
  const render = useRenderMessage();
  const user = session.user;
  return (
    <div className="account-summary">
      {user !== null && (
        <dl className="facts">
          <div>
            <dt>{t('signIn.username')}</dt>
            <dd>{user.name ?? user.username}</dd>
          </div>
          <div>
            <dt>{t('signIn.email')}</dt>
            <dd>{user.email ?? t('signIn.noEmail')}</dd>
          </div>
        </dl>
      )}
      <h3 className="section-title">{t('signIn.scopesTitle')}</h3>
      <ul className="scope-list">
        {ALL_SCOPES.map((scope) => {
          const granted = session.scopes.includes(scope);
          // Upload scopes are learned only from a real upload's answer, never by a probe.
          const unchecked = session.uncheckedScopes.includes(scope);
          return (
            <li
              key={scope}
              className={
                granted ? 'scope granted' : unchecked ? 'scope unchecked' : 'scope missing'
              }
            >
              <Icon name={granted ? 'check' : unchecked ? 'clock' : 'cross'} />
              <div>
                <span className="scope-name">{t(`scopes.${scope}`)}</span>{' '}
                <span className="scope-code mono">{scope}</span>
                {unchecked ? (
                  <p className="scope-effect">{t('signIn.scopeUnchecked')}</p>
                ) : (
                  <span className="visually-hidden">
                    {' '}
                    {granted ? t('signIn.scopeGranted') : t('signIn.scopeMissing')}
                  </span>
                )}
                {!granted && !unchecked && (
                  <p className="scope-effect">
                    {t('signIn.missingEffect', { feature: t(`scopeEffects.${scope}`) })}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {ALL_SCOPES.every((scope) => session.scopes.includes(scope)) && (
        <p className="hint">{t('signIn.allScopes')}</p>
      )}
      {!session.tokenStorage.secure && session.tokenStorage.warning !== null && (
        <p className="hint hint-warning">
          {t('signIn.storageWarning', { warning: render(session.tokenStorage.warning) })}
        </p>
      )}
    </div>
  );
}

export function SignInScreen({ onDone }: { onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const api = useApi();
  const store = useStore();
  const app = useApp();
  const tokenId = useId();
  const hintId = useId();
  const [token, setToken] = useState('');
  const [visible, setVisible] = useState(false);
  const [busy, setBusy] = useState<'token' | 'demo' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SessionInfo | null>(null);

  async function signIn(kind: 'token' | 'demo'): Promise<void> {
    setBusy(kind);
    setError(null);
    try {
      const session =
        kind === 'token'
          ? await api.invoke('session.signIn', { token: token.trim() })
          : await api.invoke('session.signInDemo', {});
      setToken('');
      setResult(session);
      store.applySession(session);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  function onSubmit(event: FormEvent): void {
    event.preventDefault();
    if (token.trim() !== '') void signIn('token');
  }

  const typed = token.trim().length;
  return (
    <div className="sign-in">
      <div className="sign-in-top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="upload" size={18} />
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <LanguageSelect />
      </div>
      <main id="main" className="sign-in-card" tabIndex={-1}>
        {result !== null && result.signedIn ? (
          <>
            <h1>
              {t('signIn.welcome', { name: result.user?.name ?? result.user?.username ?? '' })}
            </h1>
            <p className="lead">{t('signIn.account')}</p>
            <AccountSummary session={result} />
            <div className="actions">
              <button type="button" className="button button-primary" onClick={onDone} autoFocus>
                {t('signIn.continue')}
              </button>
              <button type="button" className="button" onClick={() => setResult(null)}>
                {t('signIn.signOutFirst')}
              </button>
            </div>
          </>
        ) : (
          <>
            <h1>{t('signIn.title')}</h1>
            <p className="lead">{t('signIn.intro')}</p>
            <form onSubmit={onSubmit} className="form">
              <div className="field">
                <label htmlFor={tokenId}>{t('signIn.tokenLabel')}</label>
                <div className="input-with-button">
                  <input
                    id={tokenId}
                    type={visible ? 'text' : 'password'}
                    className="mono"
                    autoComplete="off"
                    spellCheck={false}
                    aria-describedby={hintId}
                    value={token}
                    onChange={(event) => setToken(event.target.value)}
                    autoFocus
                  />
                  <button
                    type="button"
                    className="icon-button"
                    aria-pressed={visible}
                    aria-label={visible ? t('signIn.hide') : t('signIn.show')}
                    onClick={() => setVisible((shown) => !shown)}
                  >
                    <Icon name="eye" />
                  </button>
                </div>
                <p
                  id={hintId}
                  className={typed > 0 && typed !== TOKEN_LENGTH ? 'hint hint-warning' : 'hint'}
                >
                  {/* Before anything is typed, no count: "This one has 0" reads as a mistake. */}
                  {typed === 0 ? t('signIn.lengthEmpty') : t('signIn.length', { count: typed })}
                </p>
              </div>
              {error !== null && <RefusalMessage error={error} />}
              <div className="actions">
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={busy !== null || typed === 0}
                >
                  {busy === 'token' ? t('signIn.checking') : t('signIn.submit')}
                </button>
                {app.session?.signedIn === true && (
                  <button type="button" className="button" onClick={onDone}>
                    {t('folders.cancel')}
                  </button>
                )}
              </div>
            </form>
            {app.session?.demoAvailable === true && (
              <div className="demo-offer">
                <span className="divider-text">{t('signIn.or')}</span>
                <button
                  type="button"
                  className="button"
                  onClick={() => void signIn('demo')}
                  disabled={busy !== null}
                >
                  {t('signIn.demo')}
                </button>
                <p className="hint">{t('signIn.demoHint')}</p>
              </div>
            )}
            <details className="how-to">
              <summary>{t('signIn.howTo')}</summary>
              <ol>
                <li>{t('signIn.howToStep1')}</li>
                <li>{t('signIn.howToStep2')}</li>
                <li>{t('signIn.howToStep3')}</li>
                <li>{t('signIn.howToStep4')}</li>
                <li>{t('signIn.howToStep5')}</li>
              </ol>
              <a href={DOCS_URL} target="_blank" rel="noreferrer">
                {t('signIn.docsLink')} <Icon name="external" />
              </a>
            </details>
          </>
        )}
      </main>
    </div>
  );
}
