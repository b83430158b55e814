// Who may talk to the loopback bridge. Any web page the user has open can send requests to
// 127.0.0.1, and a DNS-rebinding page can even make them look same-origin, so every request must
// carry the per-run secret (first in the printed URL, then in an HttpOnly cookie), name our own
// Host, and come from our own Origin when the browser says where it comes from.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type GuardVerdict =
  | { kind: 'allow' }
  /** The URL carried the right secret: set the cookie and redirect to the same URL without it. */
  | { kind: 'accept-secret'; location: string }
  | { kind: 'refuse'; status: 403 | 421; reason: string };

export interface RequestGuard {
  readonly secret: string;
  readonly cookieName: string;
  /** The Set-Cookie header value that keeps the secret for the rest of the browser session. */
  readonly cookie: string;
  check(request: IncomingMessage): GuardVerdict;
}

export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares through fixed-length digests, so neither the length nor a prefix leaks in timing. */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (!cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

export function createRequestGuard(port: number, secret: string): RequestGuard {
  const ownHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const ownOrigins = new Set([...ownHosts].map((host) => `http://${host}`));
  // Cookies are not isolated by port: the name carries it so two runs never overwrite each other.
  const cookieName = `clearfacts_uploader_${port}`;
  const cookie = `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/`;

  function check(request: IncomingMessage): GuardVerdict {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!ownHosts.has(host)) {
      return {
        kind: 'refuse',
        status: 421,
        reason: `this server does not answer for host "${host}"`,
      };
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !ownOrigins.has(origin.toLowerCase())) {
      return { kind: 'refuse', status: 403, reason: `requests from ${origin} are not allowed` };
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    const fetchSite = request.headers['sec-fetch-site'];
    // Pages on another port of 127.0.0.1 count as same-site and would carry our cookie.
    if (
      url.pathname.startsWith('/api/') &&
      fetchSite !== undefined &&
      fetchSite !== 'same-origin'
    ) {
      return { kind: 'refuse', status: 403, reason: 'API requests must come from the app itself' };
    }
    const fromUrl = url.searchParams.get('secret');
    if (fromUrl !== null) {
      if (!secretsMatch(fromUrl, secret)) {
        return { kind: 'refuse', status: 403, reason: 'the secret in the link is wrong' };
      }
      url.searchParams.delete('secret');
      return { kind: 'accept-secret', location: `${url.pathname}${url.search}` };
    }
    const fromCookie = parseCookies(request.headers.cookie).get(cookieName);
    if (fromCookie === undefined) {
      return { kind: 'refuse', status: 403, reason: 'the secret is missing' };
    }
    if (!secretsMatch(fromCookie, secret)) {
      return { kind: 'refuse', status: 403, reason: 'the secret is wrong' };
    }
    return { kind: 'allow' };
  }

  return { secret, cookieName, cookie, check };
}
