// Browser mode: core's API and the built renderer on a loopback HTTP port, for machines without
// the Electron runtime (`clearfacts-uploader ui`, `npm run demo`). Requests are
// POST /api/invoke/<channel>, events stream from GET /api/events (SSE frames read by a streamed
// fetch, so the session header goes along), and dropped files arrive as bytes at POST /api/files.
// The page opens a session once at POST /api/session with its link's single-use code. Everything
// sits behind the request guard.
import {
  languageOfLocale,
  msg,
  renderMessage,
  type Message,
  type MessageLanguage,
} from '../contract/messages/index.ts';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApiErrorBody, InvokeResult, StagedFiles } from '../contract/api-contract.ts';
import { dispatchInvoke, type EngineApi, type Logger } from '../core/index.ts';
import { createEventStream } from './event-stream.ts';
import {
  FILES_PATH,
  pruneStaleBatches,
  stageUploadedFiles,
  StagingRequestError,
  TooManyFilesError,
} from './file-staging.ts';
import { createRequestGuard, SESSION_PATH, type RequestGuard } from './request-guard.ts';
import { serveStaticFile } from './static-files.ts';

export interface BrowserModeOptions {
  /** The engine of this process, or one running elsewhere reached over the control channel. */
  engine: EngineApi;
  /** 0 (the default) lets the OS pick a free port. */
  port?: number;
  /** Loopback only: the bridge is never reachable from another machine. */
  host?: '127.0.0.1';
  /** The built renderer; defaults to dist/renderer of this checkout. */
  staticDir?: string;
  /** Dropped files are staged in <configDir>/dropped-files; defaults to the OS temp folder. */
  configDir?: string;
  /** Where unexpected handler errors are reported. */
  logger?: Logger;
}

export interface BrowserMode {
  /**
   * The first address to open: its fragment carries a single-use code, so print it only to the
   * user. It stops working once a page has used it.
   */
  url: string;
  /** Another single-use link to the same bridge (for `ui --link` while it runs). */
  newLink(): string;
  origin: string;
  close(): Promise<void>;
}

const HTTP_STATUS_OF_ERROR: Record<ApiErrorBody['code'], number> = {
  invalid_request: 400,
  not_signed_in: 401,
  auth: 401,
  missing_scope: 403,
  not_found: 404,
  conflict: 409,
  unsupported_in_shell: 501,
  unavailable: 503,
  internal: 500,
};

const DEFAULT_STATIC_DIR = path.resolve(import.meta.dirname, '../../dist/renderer');
const MAX_JSON_BYTES = 8 * 1024 * 1024;

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

class BodyTooLargeError extends Error {}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_JSON_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}

/** The first of the request's Accept-Language tags that we speak; English when none. */
function languageOfRequest(request: IncomingMessage): MessageLanguage {
  for (const entry of (request.headers['accept-language'] ?? '').split(',')) {
    const language = languageOfLocale(entry.split(';')[0]?.trim() ?? '');
    if (language !== null) return language;
  }
  return 'en';
}

/**
 * Refuses a request. The API answers an InvokeResult whose message the page renders in the
 * user's language; anything else (the page itself) gets the sentence as text, in the language
 * the browser asks for, since no page of ours is there to render it.
 */
function sendRefusal(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  message: Message,
  api: boolean,
) {
  if (api) {
    const body: InvokeResult = { ok: false, error: { code: 'invalid_request', message } };
    sendJson(response, status, body);
    return;
  }
  const language = languageOfRequest(request);
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-language': language,
  });
  response.end(`${renderMessage(message, language)}\n`);
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserMode> {
  const { engine, logger } = options;
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(
      `the app is not built (no index.html in ${staticDir}): run "npm run build:renderer" first`,
    );
  }
  const stagingDir = path.join(
    options.configDir ?? path.join(tmpdir(), 'clearfacts-uploader'),
    'dropped-files',
  );
  await mkdir(stagingDir, { recursive: true, mode: 0o700 });
  await pruneStaleBatches(stagingDir);

  const events = createEventStream();
  const unsubscribe = engine.subscribe((channel, payload) => events.publish(channel, payload));
  const reportUnexpected = (error: unknown, where: string) =>
    logger?.error('browser mode request failed', {
      where,
      error: error instanceof Error ? error.message : String(error),
    });

  // Assigned once the server listens: the guard needs the port the OS picked.
  let guard: RequestGuard | null = null;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname.startsWith('/api/');
    if (guard === null) {
      sendRefusal(request, response, 503, msg('bridge_starting'), isApi);
      return;
    }
    const verdict = guard.check(request);
    if (verdict.kind === 'refuse') {
      sendRefusal(request, response, verdict.status, verdict.reason, isApi);
      return;
    }
    if (url.pathname === SESSION_PATH && request.method === 'POST') {
      request.resume();
      const redemption = guard.redeem(request);
      if (redemption.kind === 'refused') {
        sendRefusal(request, response, 403, redemption.reason, true);
        return;
      }
      sendJson(response, 200, { session: redemption.session });
      return;
    }

    if (url.pathname.startsWith('/api/invoke/') && request.method === 'POST') {
      const contentType = request.headers['content-type'] ?? '';
      if (!contentType.toLowerCase().startsWith('application/json')) {
        sendRefusal(
          request,
          response,
          415,
          msg('bridge_not_json_type', { path: url.pathname }),
          true,
        );
        return;
      }
      let body: unknown;
      try {
        body = await readJsonBody(request);
      } catch (error) {
        const tooLarge = error instanceof BodyTooLargeError;
        const refusal = tooLarge
          ? msg('bridge_body_too_large', { path: url.pathname, maxBytes: MAX_JSON_BYTES })
          : msg('bridge_body_not_json', { path: url.pathname });
        sendRefusal(request, response, tooLarge ? 413 : 400, refusal, true);
        return;
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      } catch {
        const refusal = msg('bridge_channel_name_invalid', { path: url.pathname });
        sendRefusal(request, response, 400, refusal, true);
        return;
      }
      const result = await dispatchInvoke(engine.handlers, channel, body, reportUnexpected);
      sendJson(response, result.ok ? 200 : HTTP_STATUS_OF_ERROR[result.error.code], result);
      return;
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      events.attach(request, response);
      return;
    }
    if (url.pathname === FILES_PATH && request.method === 'POST') {
      try {
        const settings = await engine.handlers['settings.get']({});
        const files = await stageUploadedFiles(request, stagingDir, settings.maxUploadBytes);
        const body: StagedFiles = { files };
        sendJson(response, 200, body);
      } catch (error) {
        if (!(error instanceof StagingRequestError)) {
          reportUnexpected(error, FILES_PATH);
          sendRefusal(request, response, 500, msg('staging_failed', { path: FILES_PATH }), true);
          return;
        }
        if (error.cause !== undefined) reportUnexpected(error.cause, FILES_PATH);
        const status = error instanceof TooManyFilesError ? 413 : 400;
        sendRefusal(request, response, status, error.userMessage, true);
      }
      return;
    }
    if (isApi) {
      const refusal = msg('bridge_no_route', {
        method: request.method ?? '',
        path: url.pathname,
      });
      sendRefusal(request, response, 404, refusal, true);
      return;
    }
    if (!(await serveStaticFile(request, response, staticDir, url.pathname))) {
      sendRefusal(request, response, 404, msg('bridge_not_found', { path: url.pathname }), false);
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      reportUnexpected(error, request.url ?? '');
      if (!response.headersSent) sendRefusal(request, response, 500, msg('internal'), false);
      else response.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const ready = createRequestGuard(port);
  guard = ready;
  const origin = `http://${host}:${port}`;
  // The fragment is never sent to a server nor in a Referer; the page removes it from history.
  const newLink = () => `${origin}/#link=${ready.mintLinkCode()}`;

  return {
    url: newLink(),
    newLink,
    origin,
    async close() {
      unsubscribe();
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
