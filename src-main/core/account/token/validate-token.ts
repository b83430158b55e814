// The one place a token entering a store is checked and registered for redaction, and where a
// token typed on the command line is registered before anything can echo it.
import { existsSync } from 'node:fs';
import { ApiToken } from './api-token.ts';
import { registerSecret } from '../../logging/secret-redactor.ts';
import type { Message } from '../../../contract/messages/message.ts';
import { TokenStoreError } from './token-store.ts';

/**
 * The trimmed token, registered with the redactor; a TokenStoreError saying `malformed` (a code
 * naming where the token came from: typed, the keyring, a file's path, a variable) when it is not
 * a token. `givenWithProcess`: the candidate came with the process (an environment variable, the
 * file one names), so a malformed one is `given_token_unusable` rather than `invalid_token`.
 */
export function acceptToken(
  candidate: string,
  malformed: Message,
  givenWithProcess = false,
): string {
  // Registered before validation: even a malformed token must never reach a log line.
  registerSecret(candidate.trim());
  const parsed = ApiToken.safeParse(candidate);
  if (!parsed.success) {
    throw new TokenStoreError(
      givenWithProcess ? 'given_token_unusable' : 'invalid_token',
      malformed,
    );
  }
  return parsed.data;
}

/**
 * Near an 80-character personal access token in length: a token pasted with a character too many
 * or too few still is one, unless it reads as a path (readsAsPath).
 */
const NEAR_TOKEN = /^[\x21-\x7e]{64,96}$/;

/**
 * Whether a near-token string is rather a path that does not exist (yet): rooted (`/`, `~`, `.`,
 * `\\`, a drive letter) or ending in a file extension. A mere `/` or `\` inside is no sign of a
 * path: a personal access token may hold both, and one typed with a character too many was then
 * echoed whole by commander.
 */
function readsAsPath(candidate: string): boolean {
  if (!/[\\/]/.test(candidate)) return false;
  return /^(?:[/~.\\]|[A-Za-z]:[\\/])/.test(candidate) || /\.[A-Za-z0-9]{1,5}$/.test(candidate);
}

/** The strings in one command-line argument a token could be: itself, after dashes or `=`. */
function candidatesIn(argument: string): string[] {
  const withoutDashes = argument.replace(/^-+/, '');
  const afterEquals = withoutDashes.includes('=')
    ? withoutDashes.slice(withoutDashes.indexOf('=') + 1)
    : null;
  return [argument, withoutDashes, ...(afterEquals === null ? [] : [afterEquals])];
}

/**
 * Registers with the redactor every command-line argument that looks like a token, so a token
 * typed where none belongs (`token set <token>`, a stray word) is not echoed back by an error
 * such as commander's "too many arguments … got 1: <token>". An argument naming an existing file
 * or folder is a path, not a token, and stays readable in messages.
 */
export function registerTypedTokens(args: readonly string[]): void {
  for (const argument of args) {
    for (const candidate of candidatesIn(argument)) {
      const tokenShaped =
        ApiToken.safeParse(candidate).success ||
        (NEAR_TOKEN.test(candidate) && !readsAsPath(candidate));
      if (tokenShaped && !existsSync(candidate)) registerSecret(candidate);
    }
  }
}
