// The frame around every screen: the sign-in gate, the sidebar, the routed screen and the status
// bar; it also keeps the UI language in step with the setting.
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { Sidebar } from './components/sidebar.tsx';
import { ErrorState, Loading } from './components/states.tsx';
import { StatusBar } from './components/status-bar.tsx';
import { ToastProvider } from './components/toasts.tsx';
import { isUiLanguage, resolveLanguage } from './i18n/locale.ts';
import { AdministrationsScreen } from './screens/administrations-screen.tsx';
import { DropScreen } from './screens/drop-screen.tsx';
import { FoldersScreen } from './screens/folders-screen.tsx';
import { HistoryScreen } from './screens/history-screen.tsx';
import { SettingsScreen } from './screens/settings-screen.tsx';
import { SignInScreen } from './screens/sign-in-screen.tsx';
import { AppContextProvider, useApp, useStore } from './state/app-context.tsx';
import type { AppStore } from './state/app-store.ts';
import { navigate, useRoute, type Screen } from './state/route.ts';

function companyParam(value: string | null): string | null {
  return value !== null && /^0\d{9}$/.test(value) ? value : null;
}

/**
 * Names the tab after the screen shown ("History – Clearfacts Uploader"), so a browser's tabs,
 * history and window list tell the screens apart (issue #14 finding 13); `page` null: the app's
 * name alone.
 */
function DocumentTitle({ page }: { page: string | null }): null {
  const { t } = useTranslation();
  const app = t('app.name');
  const title = page === null ? app : t('app.pageTitle', { page, app });
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}

function Shell(): ReactElement {
  const { t } = useTranslation();
  const app = useApp();
  const store = useStore();
  const route = useRoute();
  const [signingIn, setSigningIn] = useState(false);

  if (app.phase === 'loading') {
    return (
      <main id="main" className="centered">
        <DocumentTitle page={null} />
        <Loading label={t('app.loading')} />
      </main>
    );
  }
  if (app.phase === 'error' || app.session === null) {
    return (
      <main id="main" className="centered">
        <DocumentTitle page={t('app.unreachableTitle')} />
        <div className="panel narrow">
          <h1>{t('app.unreachableTitle')}</h1>
          <p>{t('app.unreachableBody')}</p>
          <ErrorState
            error={app.error}
            lead={t('app.unreachableTitle')}
            onRetry={() => void store.load()}
          />
        </div>
      </main>
    );
  }

  const folders = app.folders ?? [];
  const fallback: Screen = folders.length === 0 ? 'folders' : 'history';
  const screen = route.screen ?? fallback;
  const signedIn = app.session.signedIn;
  if (!signedIn && !signingIn) setSigningIn(true);
  // Once shown, the sign-in screen stays until the user has seen what the token may do, even
  // though the session changes (by event) the moment the token is accepted.
  if (signingIn || screen === 'sign-in') {
    return (
      <>
        <DocumentTitle page={t('signIn.title')} />
        <SignInScreen
          onDone={() => {
            setSigningIn(false);
            navigate(screen === 'sign-in' ? 'history' : fallback);
          }}
        />
      </>
    );
  }

  if (screen === 'drop-window') {
    return (
      <div className="app app-compact">
        <DocumentTitle page={t('nav.drop')} />
        <main id="main" className="content" tabIndex={-1}>
          <DropScreen company={companyParam(route.params.get('company'))} compact />
        </main>
        <StatusBar />
      </div>
    );
  }

  let content: ReactElement;
  switch (screen) {
    case 'administrations':
      content = <AdministrationsScreen selected={route.detail} />;
      break;
    case 'folders':
      content = <FoldersScreen addFor={companyParam(route.params.get('add'))} />;
      break;
    case 'drop':
      content = <DropScreen company={companyParam(route.params.get('company'))} />;
      break;
    case 'history':
      content = <HistoryScreen params={route.params} />;
      break;
    case 'settings':
      content = <SettingsScreen />;
      break;
  }

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <DocumentTitle page={t(`nav.${screen}`)} />
      <Sidebar current={screen} />
      <main id="main" className="content" tabIndex={-1}>
        {content}
      </main>
      <StatusBar />
    </div>
  );
}

/** Follows the language setting ("system" means the OS's), for text and for <html lang>. */
function LanguageSync({ i18n }: { i18n: i18n }): null {
  const app = useApp();
  const setting = app.settings?.language ?? 'system';
  const osLocale = app.appInfo?.osLocale;
  const language = useMemo(
    () =>
      resolveLanguage(setting, [
        ...navigator.languages,
        ...(osLocale === undefined ? [] : [osLocale]),
      ]),
    [setting, osLocale],
  );
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  return null;
}

export function App({ store, i18n }: { store: AppStore; i18n: i18n }): ReactElement {
  useEffect(() => store.start(), [store]);
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const onChange = (next: string) => setLanguage(next);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);
  const uiLanguage = isUiLanguage(language) ? language : 'en';
  const context = useMemo(
    () => ({ api: store.api, store, language: uiLanguage }),
    [store, uiLanguage],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <AppContextProvider value={context}>
        <ToastProvider>
          <LanguageSync i18n={i18n} />
          <Shell />
        </ToastProvider>
      </AppContextProvider>
    </I18nextProvider>
  );
}
