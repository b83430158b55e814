// The hardening every window and session gets, as in Electron's security checklist: the secure
// webPreferences, no navigation away from our page, no new windows, no <webview>, no downloads,
// and no permission (camera, notifications-by-page, geolocation, USB…) granted to page content.
import type { WebPreferences } from 'electron';
import { isAppUrl } from './app-protocol.ts';

/** The webPreferences of every window: sandboxed, isolated, no Node, web security on. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Dropping a file outside the drop zone must never navigate the window to that file.
    navigateOnDragDrop: false,
    // Middle-click would open links in new windows.
    disableBlinkFeatures: 'Auxclick',
    safeDialogs: true,
    spellcheck: false,
  };
}

/** Links the renderer may hand to the OS browser (help pages, Clearfacts itself). */
export function isSafeExternalUrl(candidate: string): boolean {
  try {
    return new URL(candidate).protocol === 'https:';
  } catch {
    return false;
  }
}

interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** The parts of a WebContents the guard wires up. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps a page on our origin: navigations and redirects elsewhere are cancelled, window.open is
 * denied (an https link goes to the OS browser instead), and <webview> never attaches.
 */
export function guardWebContents(
  contents: GuardedContents,
  openExternal: (url: string) => void,
): void {
  const stayOnOrigin = (event: NavigationEvent): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnOrigin);
  contents.on('will-frame-navigate', stayOnOrigin);
  contents.on('will-redirect', stayOnOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** The parts of a Session the hardening sets. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** Copying a path or an error to the clipboard is the one thing the page may do. */
function isGrantedPermission(permission: string, origin: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(origin);
}

export function hardenSession(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isGrantedPermission(permission, details.requestingUrl ?? ''));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isGrantedPermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
