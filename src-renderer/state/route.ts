// Screens are addressed by the URL hash (#/history?status=failed), which works the same from the
// custom protocol in Electron and from the loopback server in a browser.
import { useSyncExternalStore } from 'react';

export const SCREENS = [
  'administrations',
  'folders',
  'drop',
  'history',
  'settings',
  'sign-in',
  'drop-window',
] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  screen: Screen | null;
  /** The part after the screen, e.g. a company number. */
  detail: string | null;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [screen = '', detail] = pathPart.split('/');
  return {
    screen: (SCREENS as readonly string[]).includes(screen) ? (screen as Screen) : null,
    detail: detail === undefined || detail === '' ? null : decodeURIComponent(detail),
    params: new URLSearchParams(query),
  };
}

export function routeHref(
  screen: Screen,
  detail?: string | null,
  params?: Record<string, string>,
): string {
  const query = params === undefined ? '' : new URLSearchParams(params).toString();
  return `#/${screen}${detail === undefined || detail === null ? '' : `/${encodeURIComponent(detail)}`}${query === '' ? '' : `?${query}`}`;
}

export function navigate(
  screen: Screen,
  detail?: string | null,
  params?: Record<string, string>,
): void {
  window.location.hash = routeHref(screen, detail, params);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
