// How a browser-mode page proves it is the user's: the printed link carries a single-use code in
// its fragment; the page takes it out of the address bar (and so out of history) at once, trades
// it once for a session, and keeps that session in sessionStorage, which only pages of this exact
// origin (port included) can read, unlike cookies, which every port of 127.0.0.1 receives.
import { msg } from '../../src-main/contract/messages/message.ts';
import { ApiError } from '../../src-main/contract/api-contract.ts';

/** Kept in sessionStorage: the tab survives a reload, other tabs need their own link. */
const STORAGE_KEY = 'clearfacts-bridge-session';
const LINK_PATTERN = /^#link=([A-Za-z0-9_-]{16,})$/;

/** The page's session with the bridge. */
export interface BridgeSession {
  /**
   * The value of the x-clearfacts-session header. Rejects with ApiError `auth` when the link was
   * already used or is wrong, or when the page was opened without a link and has no session.
   */
  header(): Promise<string>;
}

/** What the session needs of the page: its address, its history and its sessionStorage. */
export interface BridgeSessionHost {
  location: { hash: string; pathname: string; search: string };
  history: { replaceState(data: unknown, unused: string, url: string): void };
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

export function createBridgeSession(
  host: BridgeSessionHost,
  baseUrl: string,
  doFetch: typeof globalThis.fetch,
): BridgeSession {
  const code = LINK_PATTERN.exec(host.location.hash)?.[1] ?? null;
  if (code !== null) {
    // Before anything else: the used link must not stay in the address bar or in history.
    host.history.replaceState(null, '', `${host.location.pathname}${host.location.search}`);
  }
  const session = code === null ? fromStorage() : exchange(code).then(remember);
  // A rejection is reported to each caller of header(); none is left unhandled meanwhile.
  session.catch(() => {});

  function fromStorage(): Promise<string> {
    const stored = host.sessionStorage.getItem(STORAGE_KEY);
    return stored === null
      ? Promise.reject(new ApiError('auth', msg('bridge_link_needed')))
      : Promise.resolve(stored);
  }

  async function exchange(linkCode: string): Promise<string> {
    const response = await doFetch(`${baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'x-clearfacts-link': linkCode },
    });
    if (response.status === 403) throw new ApiError('auth', msg('bridge_link_used'));
    const body = (await response.json()) as { session?: unknown };
    if (!response.ok || typeof body.session !== 'string') {
      throw new ApiError('unavailable', msg('uploader_unreachable'), `HTTP ${response.status}`);
    }
    return body.session;
  }

  function remember(value: string): string {
    host.sessionStorage.setItem(STORAGE_KEY, value);
    return value;
  }

  return { header: () => session };
}
