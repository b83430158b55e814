// Serves the built renderer (dist/renderer) and nothing else: a fixed folder, GET and HEAD only,
// resolved paths that must stay inside it, and a content type for every file Vite emits.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The renderer needs its own scripts and styles and our API, and may not be framed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function serveStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  staticDir: string,
  pathname: string,
): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return false;
  }
  const root = path.resolve(staticDir);
  const file = path.resolve(root, `.${relative}`);
  if (!file.startsWith(root + path.sep)) return false;
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (contentType === undefined) return false;
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) return false;

  const isHtml = contentType.startsWith('text/html');
  response.writeHead(200, {
    'content-type': contentType,
    'content-length': info.size,
    // Vite names assets by content hash; the page itself must always be asked for again.
    'cache-control': isHtml ? 'no-cache' : 'private, max-age=31536000, immutable',
    ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
  });
  if (request.method === 'HEAD') {
    response.end();
    return true;
  }
  await pipeline(createReadStream(file), response);
  return true;
}
