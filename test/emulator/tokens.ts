// Personal access tokens as Clearfacts issues them: exactly 80 ASCII characters, never expiring,
// each with the scopes its creator ticked. Revocation is immediate.
import { randomBytes } from 'node:crypto';

/** Every scope in the developer docs' scope table. */
export const ALL_SCOPES: readonly string[] = Object.freeze([
  'openid',
  'email',
  'profile',
  'accountant',
  'statistics',
  'read_administrations',
  'associate_read',
  'associate_actions',
  'journal_read',
  'contact_read',
  'upload_document',
  'archive_read',
  'archive_actions',
  'archive',
]);

/** The token `npm run emulator` prints and the demo uses: every scope, never changes. */
export const DEFAULT_DEMO_TOKEN =
  'cfdemo7Qm2xV9kLr4TzW8nHp3JsYc6BdFg1RtUe5AoKi0NvXwZqMyLh2GjSb7PaDfC3EuIr9OtWl4VnX';

const TOKEN_LENGTH = 80;
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface TokenRecord {
  token: string;
  username: string;
  scopes: ReadonlySet<string>;
  revoked: boolean;
}

export type TokenLookup =
  { status: 'valid'; record: TokenRecord } | { status: 'unknown' } | { status: 'revoked' };

function newTokenValue(): string {
  const bytes = randomBytes(TOKEN_LENGTH);
  let token = '';
  for (const byte of bytes) token += TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length];
  return token;
}

export function assertPersonalTokenShape(token: string): void {
  if (token.length !== TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new Error('a personal access token is exactly 80 printable ASCII characters');
  }
}

export function assertKnownScopes(scopes: readonly string[]): void {
  const unknown = scopes.filter((scope) => !ALL_SCOPES.includes(scope));
  if (unknown.length > 0) {
    throw new Error(`unknown scope(s): ${unknown.join(', ')}; known: ${ALL_SCOPES.join(', ')}`);
  }
}

export class TokenRegistry {
  readonly #tokens = new Map<string, TokenRecord>();
  readonly #demoToken: string;
  readonly #defaultUsername: string;

  constructor(demoToken: string, defaultUsername: string) {
    assertPersonalTokenShape(demoToken);
    this.#demoToken = demoToken;
    this.#defaultUsername = defaultUsername;
    this.reset();
  }

  /** Back to the demo token alone, un-revoked. */
  reset(): void {
    this.#tokens.clear();
    this.#tokens.set(this.#demoToken, {
      token: this.#demoToken,
      username: this.#defaultUsername,
      scopes: new Set(ALL_SCOPES),
      revoked: false,
    });
  }

  add(scopes: readonly string[], username: string = this.#defaultUsername): string {
    assertKnownScopes(scopes);
    const token = newTokenValue();
    this.#tokens.set(token, { token, username, scopes: new Set(scopes), revoked: false });
    return token;
  }

  revoke(token: string): void {
    const record = this.#tokens.get(token);
    if (record === undefined) throw new Error('no such token');
    record.revoked = true;
  }

  lookup(token: string): TokenLookup {
    const record = this.#tokens.get(token);
    if (record === undefined) return { status: 'unknown' };
    if (record.revoked) return { status: 'revoked' };
    return { status: 'valid', record };
  }
}
