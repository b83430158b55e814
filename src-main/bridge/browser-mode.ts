// Browser mode: core's API and the built renderer on a loopback HTTP port, for machines without
// the Electron runtime (`clearfacts-uploader ui`, `npm run demo`). Requests are
// POST /api/invoke/<channel>, events stream from GET /api/events (SSE frames read by a streamed
// fetch, so the session header goes along), and dropped files arrive as bytes at POST /api/files.
// The page opens a session once at POST /api/session with its link's single-use code. Everything
// sits behind the request guard.
import { msg } from '../contract/messages/message.ts';
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

function sendRefusal(response: ServerResponse, status: number, message: string, api: boolean) {
  if (api) {
    const body: InvokeResult = {
      ok: false,
      error: { code: 'invalid_request', message: msg('request_rejected', { problem: message }) },
    };
    sendJson(response, status, body);
    return;
  }
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${message}\n`);
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
      sendRefusal(response, 503, 'the app is starting', isApi);
      return;
    }
    const verdict = guard.check(request);
    if (verdict.kind === 'refuse') {
      sendRefusal(response, verdict.status, `Refused: ${verdict.reason}.`, isApi);
      return;
    }
    if (url.pathname === SESSION_PATH && request.method === 'POST') {
      request.resume();
      const redemption = guard.redeem(request);
      if (redemption.kind === 'refused') {
        sendRefusal(response, 403, `Refused: ${redemption.reason}.`, true);
        return;
      }
      sendJson(response, 200, { session: redemption.session });
      return;
    }

    if (url.pathname.startsWith('/api/invoke/') && request.method === 'POST') {
      const contentType = request.headers['content-type'] ?? '';
      if (!contentType.toLowerCase().startsWith('application/json')) {
        sendRefusal(response, 415, 'Refused: requests must be application/json.', true);
        return;
      }
      let body: unknown;
      try {
        body = await readJsonBody(request);
      } catch (error) {
        const tooLarge = error instanceof BodyTooLargeError;
        sendRefusal(
          response,
          tooLarge ? 413 : 400,
          tooLarge ? 'Refused: the request is too large.' : 'Refused: the body is not JSON.',
          true,
        );
        return;
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      } catch {
        sendRefusal(response, 400, 'Refused: the channel name is not valid.', true);
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
    if (url.pathname === '/api/files' && request.method === 'POST') {
      try {
        const settings = await engine.handlers['settings.get']({});
        const files = await stageUploadedFiles(request, stagingDir, settings.maxUploadBytes);
        const body: StagedFiles = { files };
        sendJson(response, 200, body);
      } catch (error) {
        if (error instanceof TooManyFilesError) {
          const body: InvokeResult = {
            ok: false,
            error: { code: 'invalid_request', message: error.userMessage },
          };
          sendJson(response, 413, body);
          return;
        }
        if (!(error instanceof StagingRequestError)) reportUnexpected(error, '/api/files');
        const message = error instanceof StagingRequestError ? error.message : 'staging failed';
        sendRefusal(response, 400, `Refused: ${message}.`, true);
      }
      return;
    }
    if (isApi) {
      sendRefusal(response, 404, `Refused: there is no ${request.method} ${url.pathname}.`, true);
      return;
    }
    if (!(await serveStaticFile(request, response, staticDir, url.pathname))) {
      sendRefusal(response, 404, 'Not found.', false);
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      reportUnexpected(error, request.url ?? '');
      if (!response.headersSent) sendRefusal(response, 500, 'Internal error.', false);
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
