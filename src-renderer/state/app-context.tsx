// React access to the api-client and the shared store.
import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { EventListener } from '../../src-main/contract/api-contract.ts';
import type { AppApi } from '../api-client/app-api.ts';
import { createFormatters, type Formatters } from '../i18n/format.ts';
import type { UiLanguage } from '../i18n/locale.ts';
import type { AppSnapshot, AppStore } from './app-store.ts';

interface AppContextValue {
  api: AppApi;
  store: AppStore;
  language: UiLanguage;
}

const AppContext = createContext<AppContextValue | null>(null);
export const AppContextProvider = AppContext.Provider;

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('useAppContext outside AppContextProvider');
  return value;
}

export function useApi(): AppApi {
  return useAppContext().api;
}

export function useStore(): AppStore {
  return useAppContext().store;
}

export function useApp(): AppSnapshot {
  const { store } = useAppContext();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useFormatters(): Formatters {
  const { language } = useAppContext();
  return useMemo(() => createFormatters(language), [language]);
}

/** Follows core's events for as long as the component is mounted; the handler may change. */
export function useApiEvents(handler: EventListener): void {
  const api = useApi();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => api.subscribe((channel, payload) => latest.current(channel, payload)), [api]);
}
