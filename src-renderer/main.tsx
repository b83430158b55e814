import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickTransport } from './api-client/pick-transport.ts';
import { App } from './app.tsx';
import { resolveLanguage } from './i18n/locale.ts';
import { createI18n } from './i18n/setup.ts';
import { applyTheme, readTheme } from './lib/theme.ts';
import { AppStore } from './state/app-store.ts';
import './styles.css';

applyTheme(document.documentElement, window.localStorage, readTheme(window.localStorage));
const store = new AppStore(pickTransport(window));
const i18n = createI18n(resolveLanguage('system', navigator.languages));
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App store={store} i18n={i18n} />
  </StrictMode>,
);
