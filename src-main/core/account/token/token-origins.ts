// Which API origin each token was entered for, as the gh CLI keeps a token per host: a token is
// sent only to the origin it was verified with, so a changed API address (settings, --api-url,
// CLEARFACTS_API_URL, or a page that reached settings.update) never receives it until the user
// enters it again there. The file is keyed by a SHA-256 fingerprint, never the token itself.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writePrivateFileAtomically } from './private-file.ts';

export const TOKEN_ORIGINS_FILE_NAME = 'token-origins.json';

/** fingerprint (hex SHA-256 of the token) → origin (`https://api.clearfacts.be`). */
const TokenOriginsFile = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string());

/** Where each token may be sent; see the module comment. */
export interface TokenOrigins {
  /** The origin `token` was entered for, or null when it never was (with this config folder). */
  originOf(token: string): string | null;
  /** Records that `token` was verified with `origin`; replaces an earlier origin. */
  bind(token: string, origin: string): Promise<void>;
}

function fingerprint(token: string): string {
  return createHash('sha256').update(token.trim()).digest('hex');
}

/**
 * The bindings in `<configDir>/token-origins.json` (0600). Read at every question, so a
 * `token set` in another process is seen by a running engine. An unreadable or damaged file
 * binds nothing: every stored token must then be entered again, which is the safe side.
 */
export function createTokenOrigins(configDir: string): TokenOrigins {
  const filePath = path.join(configDir, TOKEN_ORIGINS_FILE_NAME);

  function read(): Record<string, string> {
    try {
      const parsed = TokenOriginsFile.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  return {
    originOf: (token) => read()[fingerprint(token)] ?? null,
    async bind(token, origin) {
      const bindings = { ...read(), [fingerprint(token)]: origin };
      await writePrivateFileAtomically(filePath, `${JSON.stringify(bindings, null, 2)}\n`);
    },
  };
}
