// Turns whatever went wrong in a Clearfacts call (an HTTP status, GraphQL errors, a network
// error, a timeout) into one ClearfactsApiError whose kind alone tells the queue what to do, with
// a sentence a user can act on. Every text passes through the redactor: a server that echoes the
// token, or a fetch that puts a header in its message, cannot leak it.
import { Scope } from '../../contract/domain.ts';
import { redact } from '../logging/secret-redactor.ts';
import { ClearfactsApiError } from './clearfacts-client.ts';

/** What was being done: decides refused-vs-transient wording and ambiguous timeouts. */
export interface CallContext {
  call: 'query' | 'upload';
  /** The scope this operation needs, named when the server's message names none we know. */
  scope: Scope | null;
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

function seconds(milliseconds: number): string {
  return `${Math.max(1, Math.round(milliseconds / 1000))} s`;
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
      `The token lacks the "${scope ?? scopeMatch[1]}" scope Clearfacts requires for this. Create a token with that scope in Clearfacts (profile menu, Integrations) and set it here.`,
      { scope, status, serverMessage },
    );
  }
  if (messages.some((message) => /internal server error/i.test(message))) {
    return new ClearfactsApiError(
      'transient',
      'Clearfacts reported an internal server error; this is tried again later.',
      { status, serverMessage },
    );
  }
  return new ClearfactsApiError(
    'refused',
    context.call === 'upload'
      ? `Clearfacts refused the file: ${serverMessage}`
      : `Clearfacts refused the request: ${serverMessage}`,
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

/** The failure an HTTP status other than 2xx means. */
export function failureFromStatus(
  status: number,
  headers: Headers,
  body: string,
  context: CallContext,
): ClearfactsApiError {
  const reason = reasonInBody(body);
  const serverMessage = reason === null ? null : redact(reason);
  const because = serverMessage === null ? '' : `: ${serverMessage}`;
  if (status === 401 || status === 403) {
    return new ClearfactsApiError(
      'auth',
      `Clearfacts did not accept the token (HTTP ${status}${because}). It is unknown, revoked or mistyped: set a new personal access token.`,
      { status, serverMessage },
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'));
    return new ClearfactsApiError(
      'transient',
      `Clearfacts asked to slow down (HTTP 429)${retryAfterMs === null ? '' : `; trying again in ${seconds(retryAfterMs)}`}.`,
      { status, retryAfterMs, serverMessage },
    );
  }
  if (status >= 500 || status === 408) {
    return new ClearfactsApiError(
      'transient',
      `Clearfacts is temporarily unavailable (HTTP ${status}); this is tried again later.`,
      { status, retryAfterMs: parseRetryAfter(headers.get('retry-after')), serverMessage },
    );
  }
  if (serverMessage !== null && MISSING_SCOPE.test(serverMessage)) {
    return failureFromGraphqlErrors([serverMessage], context, status);
  }
  const what = context.call === 'upload' ? 'the file' : 'the request';
  return new ClearfactsApiError(
    'refused',
    status === 413
      ? `Clearfacts refused ${what} as too large (HTTP 413${because}).`
      : `Clearfacts refused ${what} (HTTP ${status}${because}).`,
    { status, serverMessage },
  );
}

const NETWORK_PHRASES: Record<string, string> = {
  ECONNRESET: 'the connection was reset',
  ECONNREFUSED: 'the connection was refused',
  ECONNABORTED: 'the connection was aborted',
  EPIPE: 'the connection was closed while sending',
  UND_ERR_SOCKET: 'the connection was closed',
  UND_ERR_CLOSED: 'the connection was closed',
  ENOTFOUND: 'the server name could not be resolved',
  EAI_AGAIN: 'the server name could not be resolved',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  EHOSTUNREACH: 'the server cannot be reached',
  ENETUNREACH: 'there is no network',
  ENETDOWN: 'there is no network',
};

function networkCode(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return null;
}

/** The innermost message: fetch wraps the useful one ("fetch failed" → the real reason). */
function innermostMessage(error: Error): string {
  let current: Error = error;
  for (let depth = 0; current.cause instanceof Error && depth < 5; depth += 1)
    current = current.cause;
  return current.message;
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
  /** The request was handed to fetch, so the server may have received all of it. */
  requestSent: boolean;
  timeoutMs: number;
}

/** The failure a thrown error (network, abort, timeout, unreadable file) means. */
export function failureFromThrown(error: unknown, context: ThrownContext): ClearfactsApiError {
  if (error instanceof ClearfactsApiError) return error;
  const cause = safeCause(error);
  if (context.timedOut || context.callerAborted) {
    const waited = context.callerAborted
      ? 'The upload was stopped before Clearfacts answered'
      : `Clearfacts did not answer within ${seconds(context.timeoutMs)}`;
    if (context.call === 'upload' && context.requestSent) {
      return new ClearfactsApiError(
        'ambiguous',
        `${waited}, after the file was sent: it may or may not have been stored. Check Clearfacts before sending it again.`,
        { cause },
      );
    }
    return new ClearfactsApiError(
      'transient',
      context.callerAborted ? 'The request was stopped.' : `${waited}; this is tried again later.`,
      { cause },
    );
  }
  if (isNamed(error, 'NotReadableError')) {
    return new ClearfactsApiError(
      'transient',
      'The file changed or became unreadable while it was being sent; it is checked again.',
      { cause },
    );
  }
  const code = networkCode(error);
  const phrase = code === null ? null : (NETWORK_PHRASES[code] ?? null);
  return new ClearfactsApiError(
    'transient',
    `Could not reach Clearfacts (${phrase ?? innermostMessage(cause)}). Check the internet connection; this is tried again later.`,
    { cause },
  );
}
