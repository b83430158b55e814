// The emulator's HTTP front: routing, bearer auth, the three GraphQL body forms, the OIDC
// endpoints, fault injection and (in test mode) the /__emulator/ hooks. Plain node:http.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { checkBearer } from './bearer-auth.ts';
import type { EmulatorState } from './emulator-state.ts';
import { FaultInjector } from './faults.ts';
import type { FaultOutcome, StoreThenFail } from './faults.ts';
import { executeGraphql } from './graphql-api.ts';
import type { GraphqlRequest } from './graphql-api.ts';
import { gatewayPage, replierFor, silentReplier } from './http-replies.ts';
import type { Replier } from './http-replies.ts';
import { readMultipartBody } from './multipart-body.ts';
import type { ReceivedFilePart } from './multipart-body.ts';
import { drainBody, readTextBody } from './request-body.ts';
import { RequestError } from './request-error.ts';
import { RateLimiter } from './rate-limit.ts';
import { handleTestHook } from './test-hooks.ts';

export interface HttpServerOptions {
  host: string;
  port: number;
  testMode: boolean;
  maxUploadBytes: number;
  introspection: boolean;
  unauthorizedStatus: number;
  uploadTempDir: string;
}

export interface RunningHttpServer {
  origin: string;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  close(): Promise<void>;
}

const JsonGraphqlBody = z.object({
  query: z.string({ error: 'The body needs a "query" string.' }),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

function contentTypeOf(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function isUploadRequest(request: IncomingMessage, pathname: string): boolean {
  return (
    request.method === 'POST' &&
    pathname === '/graphql' &&
    contentTypeOf(request) === 'multipart/form-data'
  );
}

function parseVariables(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined || text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'The "variables" part is not valid JSON.');
  }
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new RequestError(400, 'The "variables" part must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function parseJsonGraphqlBody(text: string): GraphqlRequest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'The body is not valid JSON.');
  }
  const parsed = JsonGraphqlBody.safeParse(value);
  if (!parsed.success) {
    throw new RequestError(400, parsed.error.issues.map((issue) => issue.message).join(' '));
  }
  return {
    query: parsed.data.query,
    variables: parsed.data.variables ?? null,
    operationName: parsed.data.operationName ?? null,
  };
}

export async function startHttpServer(
  state: EmulatorState,
  options: HttpServerOptions,
): Promise<RunningHttpServer> {
  const faults = new FaultInjector();
  const rateLimiter = new RateLimiter();
  let requestCount = 0;
  const tempDir = await mkdtemp(path.join(options.uploadTempDir, 'clearfacts-emulator-'));
  const closing = new AbortController();
  let origin = '';

  const openIdConfiguration = (): Record<string, unknown> => ({
    issuer: origin,
    authorization_endpoint: `${origin}/oauth2-server/authorize`,
    token_endpoint: `${origin}/oauth2-server/token`,
    userinfo_endpoint: `${origin}/oauth2-server/userinfo`,
    jwks_uri: `${origin}/oauth2-server/jwks.json`,
    response_types_supported: ['code', 'token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'profile', 'email'],
  });

  async function graphqlRequestFrom(
    request: IncomingMessage,
  ): Promise<{ graphql: GraphqlRequest; file: ReceivedFilePart | null }> {
    const contentType = contentTypeOf(request);
    if (contentType === 'application/json') {
      return { graphql: parseJsonGraphqlBody(await readTextBody(request)), file: null };
    }
    if (contentType === 'application/graphql') {
      const query = await readTextBody(request);
      return { graphql: { query, variables: null, operationName: null }, file: null };
    }
    if (contentType === 'multipart/form-data') {
      const body = await readMultipartBody(request, {
        tempDir,
        maxFileBytes: options.maxUploadBytes,
      });
      const query = body.fields.get('query');
      if (query === undefined) {
        if (body.file !== null) await rm(body.file.path, { force: true });
        throw new RequestError(400, 'The form has no "query" part.');
      }
      try {
        const variables = parseVariables(body.fields.get('variables'));
        return {
          graphql: { query, variables, operationName: body.fields.get('operationName') ?? null },
          file: body.file,
        };
      } catch (error) {
        if (body.file !== null) await rm(body.file.path, { force: true });
        throw error;
      }
    }
    await drainBody(request);
    throw new RequestError(
      415,
      `Unsupported Content-Type "${contentType}": send application/json, application/graphql ` +
        'or multipart/form-data.',
    );
  }

  /**
   * @param holdMs how long a fully received request waits before it is executed (hang then
   * store: the client may have given up by then, the upload is stored all the same)
   */
  async function serveGraphql(request: IncomingMessage, reply: Replier, holdMs = 0): Promise<void> {
    const auth = checkBearer(request, state.tokens);
    if (!auth.ok) {
      await drainBody(request);
      reply.json(options.unauthorizedStatus, auth.body, { 'WWW-Authenticate': auth.challenge });
      return;
    }
    let file: ReceivedFilePart | null = null;
    try {
      const parsed = await graphqlRequestFrom(request);
      file = parsed.file;
      if (holdMs > 0) await delay(holdMs, undefined, { signal: closing.signal });
      const body = await executeGraphql(
        parsed.graphql,
        {
          state,
          token: auth.token,
          file,
          maxUploadBytes: options.maxUploadBytes,
          requestNumber: (requestCount += 1),
        },
        { introspection: options.introspection },
      );
      // Deleted before answering: once a client has its answer, no copy of the file remains.
      if (file !== null) await rm(file.path, { force: true });
      file = null;
      reply.json(200, body);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      reply.json(error.status, { errors: [{ message: error.message }] });
    } finally {
      if (file !== null) await rm(file.path, { force: true });
    }
  }

  function serveUserInfo(request: IncomingMessage, reply: Replier): void {
    const auth = checkBearer(request, state.tokens);
    if (!auth.ok) {
      reply.json(options.unauthorizedStatus, auth.body, { 'WWW-Authenticate': auth.challenge });
      return;
    }
    const { username, scopes } = auth.token;
    const user = state.seed.user;
    const known = username === user.username;
    reply.json(200, {
      sub: username,
      username,
      email: username,
      ...(scopes.has('profile')
        ? {
            name: known ? `${user.givenName} ${user.familyName}` : username,
            given_name: known ? user.givenName : null,
            family_name: known ? user.familyName : null,
            preferred_username: username,
            locale: user.locale,
          }
        : {}),
    });
  }

  async function route(
    request: IncomingMessage,
    pathname: string,
    reply: Replier,
    holdMs = 0,
  ): Promise<void> {
    const method = request.method ?? 'GET';
    if (pathname === '/graphql') {
      if (method === 'POST') return serveGraphql(request, reply, holdMs);
      request.resume();
      reply.json(
        405,
        { errors: [{ message: 'The GraphQL endpoint only accepts POST.' }] },
        {
          Allow: 'POST',
        },
      );
      return;
    }
    request.resume();
    if (method === 'GET' && pathname === '/.well-known/openid-configuration') {
      reply.json(200, openIdConfiguration());
      return;
    }
    if (method === 'GET' && pathname === '/oauth2-server/userinfo') {
      serveUserInfo(request, reply);
      return;
    }
    reply.json(404, { error: 'not_found', error_description: `No route ${method} ${pathname}.` });
  }

  /** Destroys the connection once part of the body has arrived: a reset mid-upload. */
  function resetMidBody(request: IncomingMessage): void {
    const declared = Number(request.headers['content-length']);
    const cutAfter = Number.isFinite(declared) && declared > 1 ? Math.floor(declared / 2) : 1;
    let received = 0;
    const cut = (): void => {
      request.socket.destroy();
    };
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= cutAfter) cut();
    });
    request.on('end', cut);
  }

  /** Does all the work (the upload is stored), then answers as `how` says instead of with it. */
  async function storeThenFail(
    how: StoreThenFail,
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
    reply: Replier,
  ): Promise<void> {
    let answer: string | null = null;
    const capture: Replier = {
      json: (_status, body) => {
        answer = JSON.stringify(body);
      },
      html: () => undefined,
      empty: () => undefined,
    };
    await route(request, pathname, capture);
    switch (how) {
      case '504':
        reply.html(504, gatewayPage(504));
        return;
      case '500':
        reply.json(500, { errors: [{ message: 'Internal server error' }] });
        return;
      case 'reset':
        request.socket.destroy();
        return;
      case 'cut-off': {
        const body = Buffer.from(answer ?? '{}');
        response.writeHead(200, {
          'Content-Type': 'application/json',
          'Content-Length': String(body.length),
        });
        response.write(body.subarray(0, Math.floor(body.length / 2)), () => {
          request.socket.destroy();
        });
        return;
      }
    }
  }

  async function applyFault(
    outcome: FaultOutcome,
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
    reply: Replier,
  ): Promise<void> {
    switch (outcome.kind) {
      case 'none':
        return route(request, pathname, reply);
      case 'error':
        await drainBody(request);
        if (outcome.status === 500) {
          reply.json(500, { errors: [{ message: 'Internal server error' }] });
        } else {
          reply.html(
            outcome.status,
            gatewayPage(outcome.status),
            outcome.retryAfterSeconds === null
              ? {}
              : { 'Retry-After': String(outcome.retryAfterSeconds) },
          );
        }
        return;
      case 'rate-limit':
        await drainBody(request);
        reply.html(429, gatewayPage(429), { 'Retry-After': String(outcome.retryAfterSeconds) });
        return;
      case 'reset':
        resetMidBody(request);
        return;
      case 'hang':
        // before-processing: the body is never read; after-processing: all work is done (the
        // upload is stored) and the answer is never written. close() ends both.
        if (outcome.stage === 'after-processing') await route(request, pathname, silentReplier);
        return;
      case 'store-then-fail':
        await storeThenFail(outcome.how, request, response, pathname, reply);
        return;
      case 'hang-then-store':
        await route(request, pathname, reply, outcome.delayMs);
        return;
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = replierFor(response);
    const pathname = new URL(request.url ?? '/', 'http://emulator.invalid').pathname;
    if (pathname.startsWith('/__emulator/')) {
      if (options.testMode) {
        await handleTestHook(request, pathname, reply, { state, faults, rateLimiter });
        return;
      }
      request.resume();
      reply.json(404, { error: 'not_found', error_description: `No route ${pathname}.` });
      return;
    }
    if (pathname === '/graphql' && request.method === 'POST') {
      const admission = rateLimiter.admit(Date.now());
      if (!admission.admitted) {
        await drainBody(request);
        reply.html(429, gatewayPage(429), {
          'Retry-After': String(admission.retryAfterSeconds),
        });
        return;
      }
    }
    if (!faults.affects(isUploadRequest(request, pathname))) {
      await route(request, pathname, reply);
      return;
    }
    const latency = faults.latencyMs();
    if (latency > 0) {
      faults.waitingOutLatency += 1;
      try {
        await delay(latency, undefined, {
          signal: AbortSignal.any([closing.signal, faults.replacedSignal]),
        });
      } catch (error) {
        // A new plan ends the wait; closing ends the request.
        if (closing.signal.aborted) throw error;
      } finally {
        faults.waitingOutLatency -= 1;
      }
    }
    await applyFault(faults.decide(), request, response, pathname, reply);
  }

  const sockets = new Set<Socket>();
  // requestTimeout 0: Node would otherwise answer a hung upload with 408 after five minutes.
  const server: Server = createServer({ requestTimeout: 0 }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A client that went away mid-request is normal life for a server, not an error.
      if (closing.signal.aborted || request.socket.destroyed) return;
      console.error('clearfacts emulator: request failed:', error);
      replierFor(response).json(500, { errors: [{ message: 'Internal server error' }] });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostForUrl}:${address.port}`;

  return {
    origin,
    faults,
    rateLimiter,
    async close() {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await closed;
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
