// The renderer is served from app://clearfacts/ instead of file://: a real origin the IPC sender
// check and the Content-Security-Policy can name, and no access to the rest of the disk. The
// handler serves only files inside the built renderer folder and refuses anything else.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'clearfacts';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Registered before `ready`: standard (relative URLs, origin), secure (like https), fetchable. */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/**
 * Everything the renderer needs comes from its own origin: no inline script, no eval, no remote
 * resource, no framing, no form posts. Images may be data:/blob: (file previews, icons).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The URL of a renderer route, e.g. `appUrl('drop')` → `app://clearfacts/index.html#/drop`. */
export function appUrl(route = ''): string {
  return `${APP_ORIGIN}/index.html#/${route}`;
}

/** True for URLs of our own origin (and nothing that merely contains it). */
export function isAppUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

/**
 * The file under `rootDir` a request names, or null when it names anything outside it:
 * `..` segments, encoded separators (`%2f`, `%5c`), absolute Windows paths, NUL bytes.
 */
export function resolveInside(rootDir: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.slice(1);
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  const inside = path.relative(root, resolved);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return resolved;
}

/** The `protocol.handle('app', …)` handler serving the built renderer from `rootDir`. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refusal(405, 'Only GET and HEAD are served.');
    }
    if (!isAppUrl(request.url)) return refusal(404, 'Unknown host.');
    const filePath = resolveInside(rootDir, request.url);
    if (filePath === null) return refusal(403, 'Outside the application folder.');
    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch {
      return refusal(404, 'Not found.');
    }
    const contentType =
      CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      },
    });
  };
}
