// Turns whatever went wrong in a Clearfacts call (an HTTP status, GraphQL errors, a network
// error, a timeout) into one ClearfactsApiError whose kind alone tells the queue what to do, with
// a sentence a user can act on. Every text passes through the redactor: a server that echoes the
// token, or a fetch that puts a header in its message, cannot leak it.
import { DEFAULT_API_URL, Scope } from '../../contract/domain.ts';
import { msg, type Terms } from '../../contract/messages/message.ts';
import { redact } from '../logging/secret-redactor.ts';
import { ClearfactsApiError } from './clearfacts-client.ts';

/** What was being done: decides refused-vs-transient wording and ambiguous timeouts. */
export interface CallContext {
  call: 'query' | 'upload';
  /** The scope this operation needs, named when the server's message names none we know. */
  scope: Scope | null;
  /**
   * For uploads: the whole body may have reached the server (see body-sent-signal.ts). Then
   * only an answer that proves nothing was stored may be retried: the ambiguity rule in
   * docs/architecture.md.
   */
  mayHaveArrived?: boolean;
  /**
   * The URL asked (the GraphQL endpoint, or the userinfo endpoint beside it), named when it
   * answers as no GraphQL endpoint does (api_not_graphql).
   */
  address?: string;
}

/** An upload whose body may have reached the server, so a failure may hide a stored copy. */
function uploadMayHaveArrived(context: CallContext): boolean {
  return context.call === 'upload' && context.mayHaveArrived === true;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP-date (RFC 9110), null if absent or bad. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** An Error safe to keep as `cause`: name, code and message redacted, nested causes likewise. */
export function safeCause(error: unknown, depth = 0): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const nested =
    depth < 3 && source.cause !== undefined ? { cause: safeCause(source.cause, depth + 1) } : {};
  const copy = new Error(redact(source.message), nested);
  copy.name = source.name;
  copy.stack = redact(`${source.name}: ${source.message}`);
  if ('code' in source && typeof source.code === 'string') {
    Object.assign(copy, { code: source.code });
  }
  return copy;
}

function seconds(milliseconds: number): number {
  return Math.max(1, Math.round(milliseconds / 1000));
}

const MISSING_SCOPE = /missing scope:?\s*"?([a-z_]+)"?/i;

/** The failure GraphQL `errors` describe (HTTP 200 or not). */
export function failureFromGraphqlErrors(
  messages: string[],
  context: CallContext,
  status: number | null,
): ClearfactsApiError {
  const serverMessage = redact(messages.join(' ') || 'no reason given');
  const scopeMatch = messages.map((message) => MISSING_SCOPE.exec(message)).find(Boolean);
  if (scopeMatch) {
    const named = Scope.safeParse(scopeMatch[1]);
    const scope = named.success ? named.data : context.scope;
    return new ClearfactsApiError(
      'missing_scope',
      msg('api_missing_scope', { scope: scope ?? scopeMatch[1] ?? '' }),
      { scope, status, serverMessage },
    );
  }
  if (messages.some((message) => /internal server error/i.test(message))) {
    return new ClearfactsApiError('transient', msg('api_server_error'), { status, serverMessage });
  }
  return new ClearfactsApiError(
    'refused',
    msg('api_refused', { subject: subjectOf(context), serverMessage }),
    { status, serverMessage },
  );
}

/** The reason in an error body: GraphQL errors, an OAuth error description, or nothing. */
function reasonInBody(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed === null || typeof parsed !== 'object') return null;
    const record = parsed as Record<string, unknown>;
    if (Array.isArray(record.errors)) {
      const first: unknown = record.errors[0];
      if (first !== null && typeof first === 'object' && 'message' in first) {
        return String(first.message);
      }
    }
    if (typeof record.error_description === 'string') return record.error_description;
    if (typeof record.error === 'string') return record.error;
  } catch {
    // Not JSON: an HTML page from a gateway or a proxy, which is no reason worth repeating.
  }
  return null;
}

type EndpointAnswer = keyof Terms['endpointAnswer'];

/**
 * Statuses a GraphQL endpoint never answers for itself: the path names nothing there (404, 410)
 * or takes no POST (405). Clearfacts answers every request to https://api.clearfacts.be/graphql
 * on that one path (its developer docs: "graphQL has just one [endpoint]"), errors included.
 */
const NO_ENDPOINT_STATUSES = new Set([404, 405, 410]);

/** An HTML page (a web server's, a proxy's or a login page), never a GraphQL answer. */
function isWebPage(headers: Headers, body: string): boolean {
  return (
    /\btext\/html\b/i.test(headers.get('content-type') ?? '') || /^\s*<(!doctype|html)/i.test(body)
  );
}

/**
 * What a 2xx body is when it is no GraphQL result (GraphQL over HTTP: a JSON object with `data`
 * or `errors`), or null when it is one.
 */
export function notGraphqlAnswer(headers: Headers, body: string): EndpointAnswer | null {
  if (isWebPage(headers, body)) return 'web_page';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'not_json';
  }
  const isResult =
    parsed !== null && typeof parsed === 'object' && ('data' in parsed || 'errors' in parsed);
  return isResult ? null : 'not_graphql';
}

/**
 * The failure of an address that answered, but not as a GraphQL endpoint: the API address is
 * wrong (the emulator's origin without `/graphql`, a web page). Transient for the queue (the
 * address may be fixed while files wait), never retried at once, and named with the address,
 * the status and the answer, with Clearfacts' own endpoint as the example.
 */
export function notGraphqlEndpoint(
  address: string,
  status: number,
  endpointAnswer: EndpointAnswer,
): ClearfactsApiError {
  return new ClearfactsApiError(
    'transient',
    msg('api_not_graphql', { address, status, endpointAnswer, example: DEFAULT_API_URL }),
    { status, wrongEndpoint: true },
  );
}

/** The failure an HTTP status other than 2xx means. */
export function failureFromStatus(
  status: number,
  headers: Headers,
  body: string,
  context: CallContext,
): ClearfactsApiError {
  const reason = reasonInBody(body);
  const serverMessage = reason === null ? null : redact(reason);
  if (status === 401 || status === 403) {
    const refusal =
      serverMessage === null
        ? msg('api_token_refused', { status })
        : msg('api_token_refused_said', { status, serverMessage });
    return new ClearfactsApiError('auth', refusal, {
      status,
      serverMessage,
    });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    return new ClearfactsApiError(
      'transient',
      retryAfterMs === null
        ? msg('api_rate_limited')
        : msg('api_rate_limited_for', { seconds: seconds(retryAfterMs) }),
      { status, retryAfterMs, serverMessage },
    );
  }
  if (status >= 500 || status === 408) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    // RFC 9110 §15.6.4: a 503 with Retry-After is the server refusing work for now, and §15.5.9:
    // a 408 means it did not receive the whole request. Any other 5xx after the body left may
    // come from a gateway that lost the answer of a server that stored the file.
    const provesNothingStored = status === 408 || (status === 503 && retryAfterMs !== null);
    if (uploadMayHaveArrived(context) && !provesNothingStored) {
      return new ClearfactsApiError('ambiguous', msg('api_status_after_send', { status }), {
        status,
        serverMessage,
      });
    }
    return new ClearfactsApiError('transient', msg('api_unavailable_status', { status }), {
      status,
      retryAfterMs,
      serverMessage,
    });
  }
  if (context.address !== undefined) {
    if (NO_ENDPOINT_STATUSES.has(status)) {
      return notGraphqlEndpoint(context.address, status, 'not_found');
    }
    if (isWebPage(headers, body)) return notGraphqlEndpoint(context.address, status, 'web_page');
  }
  if (serverMessage !== null && MISSING_SCOPE.test(serverMessage)) {
    return failureFromGraphqlErrors([serverMessage], context, status);
  }
  const subject = subjectOf(context);
  return new ClearfactsApiError(
    'refused',
    status === 413
      ? msg('api_refused_too_large', { subject })
      : msg('api_refused_status', { subject, status }),
    { status, serverMessage },
  );
}

type NetworkProblem = keyof Terms['networkProblem'];

const NETWORK_PROBLEMS: Record<string, NetworkProblem> = {
  ECONNRESET: 'reset',
  ECONNREFUSED: 'refused',
  ECONNABORTED: 'aborted',
  EPIPE: 'closed_while_sending',
  UND_ERR_SOCKET: 'closed',
  UND_ERR_CLOSED: 'closed',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'no_network',
  ENETDOWN: 'no_network',
};

/**
 * Fetch's network errors that carry no code, by their fixed words (undici's `makeNetworkError`;
 * the Fetch standard names the steps: "bad port" for a port of its blocked list, such as 9 or
 * 6000, and a redirect chain over 20). Their English words were shown as they are.
 */
const FETCH_NETWORK_ERRORS: Record<string, NetworkProblem> = {
  'bad port': 'blocked_port',
  'redirect count exceeded': 'too_many_redirects',
};

/** What a failure without a code means, when fetch said it in words of its own. */
function fetchNetworkProblem(error: Error): NetworkProblem | undefined {
  return FETCH_NETWORK_ERRORS[innermostMessage(error)];
}

/**
 * Failures that happen before any byte can reach a server (no connection was ever made): they
 * prove nothing was stored even where the body-sent signal is missing.
 */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);

/** The innermost message: fetch wraps the useful one ("fetch failed" → the real reason). */
function innermostMessage(error: Error): string {
  let current: Error = error;
  for (let depth = 0; current.cause instanceof Error && depth < 5; depth += 1) {
    current = current.cause;
  }
  return current.message;
}

function subjectOf(context: CallContext): 'file' | 'request' {
  return context.call === 'upload' ? 'file' : 'request';
}

function networkCode(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return null;
}

function isNamed(error: unknown, name: string): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (current.name === name) return true;
    current = current.cause;
  }
  return false;
}

export interface ThrownContext extends CallContext {
  /** Our own timeout fired (not the caller's signal). */
  timedOut: boolean;
  /** The caller's signal aborted the call. */
  callerAborted: boolean;
  /**
   * The server may have received the whole request: undici reported the body sent, or the
   * request was handed to a fetch that cannot report it.
   */
  requestSent: boolean;
  timeoutMs: number;
}

/** The failure a thrown error (network, abort, timeout, unreadable file) means. */
export function failureFromThrown(error: unknown, context: ThrownContext): ClearfactsApiError {
  if (error instanceof ClearfactsApiError) return error;
  const cause = safeCause(error);
  if (context.timedOut || context.callerAborted) {
    const waited = seconds(context.timeoutMs);
    if (context.call === 'upload' && context.requestSent) {
      return new ClearfactsApiError(
        'ambiguous',
        context.callerAborted
          ? msg('api_aborted_after_send')
          : msg('api_timeout_after_send', { seconds: waited }),
        { cause },
      );
    }
    return new ClearfactsApiError(
      'transient',
      context.callerAborted ? msg('api_request_stopped') : msg('api_timeout', { seconds: waited }),
      { cause },
    );
  }
  if (isNamed(error, 'NotReadableError') || isNamed(error, 'FileChangedWhileSendingError')) {
    // The body stopped before its last byte (multipart-file-body.ts): nothing can be stored.
    return new ClearfactsApiError('transient', msg('api_file_changed_while_sending'), {
      cause,
      fileChanged: true,
    });
  }
  const code = networkCode(error);
  const networkProblem = code === null ? fetchNetworkProblem(cause) : NETWORK_PROBLEMS[code];
  // Fetch refuses a blocked port before it connects.
  const neverConnected = NEVER_CONNECTED.has(code ?? '') || networkProblem === 'blocked_port';
  if (context.call === 'upload' && context.requestSent && !neverConnected) {
    return new ClearfactsApiError(
      'ambiguous',
      networkProblem === undefined
        ? msg('api_network_after_send_said', { problem: innermostMessage(cause) })
        : msg('api_network_after_send', { networkProblem }),
      { cause },
    );
  }
  return new ClearfactsApiError(
    'transient',
    networkProblem === undefined
      ? msg('api_network_said', { problem: innermostMessage(cause) })
      : msg('api_network', { networkProblem }),
    // A port fetch never connects to, or an address that redirects to itself, gives the same
    // answer however often it is asked: the address is wrong, as for api_not_graphql.
    {
      cause,
      wrongEndpoint: networkProblem === 'blocked_port' || networkProblem === 'too_many_redirects',
    },
  );
}
