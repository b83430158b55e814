// One process-wide list of secrets that must never be written anywhere. Every logger and every
// error path passes text through redact(); token stores register each token they load or save,
// so a token is redacted from the moment the process knows it. The patterns catch tokens that
// were never registered (a token pasted into a message, a header echoed in an error).

const REPLACEMENT = '[REDACTED]';
/** Shorter strings would redact ordinary words; real tokens are 80 characters or JWTs. */
const MIN_SECRET_LENGTH = 8;
/**
 * A run this long copied out of a registered secret is redacted too: a message that cut the token
 * (a width limit, a line wrap, a truncated header) still gives away most of it. 12 characters of
 * an 80-character token are never ordinary text by chance.
 */
const PIECE_LENGTH = 12;

const registered = new Set<string>();
/** Every PIECE_LENGTH-long window of every registered secret. */
const pieces = new Set<string>();

const BEARER = /\b(Bearer)\s+[^\s"',;]+/gi;
const JWT_LIKE = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/g;
/** An 80-character run of token characters standing alone, like a personal access token. */
const TOKEN_LIKE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{80}(?![A-Za-z0-9_-])/g;

/** Remember a secret so redact() removes it, also in its JSON- and URL-escaped forms. */
export function registerSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) return;
  for (const form of [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
    registered.add(form);
    for (let start = 0; start + PIECE_LENGTH <= form.length; start += 1) {
      pieces.add(form.slice(start, start + PIECE_LENGTH));
    }
  }
}

/** Text with every run that is made of windows of a registered secret replaced once. */
function redactPieces(text: string): string {
  if (pieces.size === 0 || text.length < PIECE_LENGTH) return text;
  // covered[i] is true when character i lies inside a window copied from a secret.
  const covered = new Uint8Array(text.length);
  let found = false;
  for (let start = 0; start + PIECE_LENGTH <= text.length; start += 1) {
    if (pieces.has(text.slice(start, start + PIECE_LENGTH))) {
      covered.fill(1, start, start + PIECE_LENGTH);
      found = true;
    }
  }
  if (!found) return text;
  let result = '';
  for (let index = 0; index < text.length; index += 1) {
    if (covered[index] === 0) result += text[index];
    else if (index === 0 || covered[index - 1] === 0) result += REPLACEMENT;
  }
  return result;
}

/**
 * Replace every registered secret and every run of 12 or more characters copied from one, every
 * `Bearer <token>` and every token-like run in text.
 */
export function redact(text: string): string {
  let result = text;
  // Longest first, so a secret that contains another is removed whole.
  for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
    if (result.includes(secret)) result = result.split(secret).join(REPLACEMENT);
  }
  return redactPieces(result)
    .replace(BEARER, `$1 ${REPLACEMENT}`)
    .replace(JWT_LIKE, REPLACEMENT)
    .replace(TOKEN_LIKE, REPLACEMENT);
}

/**
 * A deep copy of a value with every string redacted, ready to serialise. Errors become plain
 * objects (name, message, stack, code, cause) because their own fields are not enumerable and a
 * serialiser would otherwise drop the message or print it unredacted.
 */
export function redactValue(value: unknown): unknown {
  return redactWithin(value, new WeakSet());
}

function redactWithin(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, seen);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => redactWithin(item, seen));
  if (value instanceof Map) return redactWithin(Object.fromEntries(value), seen);
  if (value instanceof Set) return redactWithin([...value], seen);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `[${value.byteLength} bytes]`;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactWithin(item, seen);
  return copy;
}

function redactError(error: Error, seen: WeakSet<object>): Record<string, unknown> {
  const plain: Record<string, unknown> = {
    name: error.name,
    message: redact(error.message),
  };
  if (error.stack !== undefined) plain.stack = redact(error.stack);
  for (const [key, item] of Object.entries(error)) plain[key] = redactWithin(item, seen);
  if (error.cause !== undefined) plain.cause = redactWithin(error.cause, seen);
  if (error instanceof AggregateError) plain.errors = redactWithin(error.errors, seen);
  return plain;
}
