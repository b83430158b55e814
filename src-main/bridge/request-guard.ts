// Who may talk to the loopback bridge. Any web page the user has open can send requests to
// 127.0.0.1, a DNS-rebinding page can make them look same-origin, and any other service on
// 127.0.0.1 receives every cookie set for that host (RFC 6265 §8.5: cookies do not isolate by
// port). So the bridge keeps nothing in a cookie: the printed link carries a single-use code in
// its fragment (never sent to a server, never in a Referer), the page exchanges it once for a
// session it keeps in its own sessionStorage (isolated by origin, port included) and sends as a
// header. A custom header also forces a CORS preflight, which the bridge never grants.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { msg, type Message } from '../contract/messages/message.ts';

/** The header the page sends the link's code in, once, to open a session. */
export const LINK_HEADER = 'x-clearfacts-link';
/** The header that carries the page's session on every API request. */
export const SESSION_HEADER = 'x-clearfacts-session';
/** Where the page exchanges the link's code for a session. */
export const SESSION_PATH = '/api/session';

/** Allowed, or refused with the HTTP status and why (a message naming the host, origin or path). */
export type GuardVerdict =
  { kind: 'allow' } | { kind: 'refuse'; status: 403 | 421; reason: Message };

/** The outcome of exchanging a link's code: a new session, or why not. */
export type Redemption =
  { kind: 'session'; session: string } | { kind: 'refused'; reason: Message };

export interface RequestGuard {
  /** A fresh single-use code for a link; earlier unused codes stay valid until used. */
  mintLinkCode(): string;
  /** Exchanges a link's code for a session; a used or unknown code is refused. */
  redeem(request: IncomingMessage): Redemption;
  /** Host, Origin and Sec-Fetch-Site for everything; the session header for the API. */
  check(request: IncomingMessage): GuardVerdict;
}

/** 256 random bits, base64url: a link code or a session. */
export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Looks a secret up by its digest, so no comparison leaks anything in timing. */
function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

export function createRequestGuard(port: number): RequestGuard {
  const ownHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const ownOrigins = new Set([...ownHosts].map((host) => `http://${host}`));
  const unusedCodes = new Set<string>();
  const usedCodes = new Set<string>();
  const sessions = new Set<string>();

  function check(request: IncomingMessage): GuardVerdict {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!ownHosts.has(host)) {
      return {
        kind: 'refuse',
        status: 421,
        reason: msg('bridge_host_refused', { host }),
      };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin.toLowerCase())) {
      return { kind: 'refuse', status: 403, reason: msg('bridge_origin_refused', { origin }) };
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    // The page itself (the public app bundle) needs no session; everything it can do does.
    if (!url.pathname.startsWith('/api/')) return { kind: 'allow' };
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') {
      return {
        kind: 'refuse',
        status: 403,
        reason: msg('bridge_not_from_app', { path: url.pathname }),
      };
    }
    if (url.pathname === SESSION_PATH) return { kind: 'allow' };
    const session = headerValue(request, SESSION_HEADER);
    if (session === undefined) {
      return {
        kind: 'refuse',
        status: 403,
        reason: msg('bridge_session_missing', { path: url.pathname }),
      };
    }
    if (!sessions.has(digest(session))) {
      return {
        kind: 'refuse',
        status: 403,
        reason: msg('bridge_session_unknown', { path: url.pathname }),
      };
    }
    return { kind: 'allow' };
  }

  return {
    mintLinkCode() {
      const code = createSecret();
      unusedCodes.add(digest(code));
      return code;
    },
    redeem(request) {
      const code = headerValue(request, LINK_HEADER);
      if (code === undefined) return { kind: 'refused', reason: msg('bridge_link_needed') };
      const key = digest(code);
      // A used and a wrong code get the same answer: telling them apart helps only a guesser.
      if (usedCodes.has(key) || !unusedCodes.delete(key)) {
        return { kind: 'refused', reason: msg('bridge_link_used') };
      }
      usedCodes.add(key);
      const session = createSecret();
      sessions.add(digest(session));
      return { kind: 'session', session };
    },
    check,
  };
}
