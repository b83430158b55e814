// The token read from the file named by CLEARFACTS_TOKEN_FILE: the habit of Docker secrets
// (/run/secrets/...) and systemd credentials (systemd.exec(5), LoadCredential= and
// $CREDENTIALS_DIRECTORY), which keep a secret out of the environment and out of `ps e`. The file
// belongs to whoever set the variable, so this store never writes it.
import { open, stat } from 'node:fs/promises';
import type { TokenStorageInfo } from '../../../contract/domain.ts';
import { msg } from '../../../contract/messages/message.ts';
import { TokenStoreError, type TokenStore } from './token-store.ts';
import { acceptToken } from './validate-token.ts';

export const TOKEN_FILE_ENVIRONMENT_VARIABLE = 'CLEARFACTS_TOKEN_FILE';

const CHANGE_IT_THERE = msg('token_from_env_file_read_only', {
  variable: TOKEN_FILE_ENVIRONMENT_VARIABLE,
});

/**
 * More than any token with blanks around it (an 80-character personal access token; an OpenID
 * Connect JWT, a few KB). A larger file, or one that is no regular file (a pipe, /dev/zero), is
 * not read: the variable points at the wrong file, and reading it whole would cost its size.
 */
const MAX_TOKEN_FILE_BYTES = 64 * 1024;

/** The file's text when it is a regular file of at most MAX_TOKEN_FILE_BYTES, else null. */
async function readSmallFile(filePath: string): Promise<string | null> {
  const stats = await stat(filePath);
  if (!stats.isFile() || stats.size > MAX_TOKEN_FILE_BYTES) return null;
  const handle = await open(filePath, 'r');
  try {
    // One byte more than allowed tells a file that grew since the stat.
    const buffer = Buffer.alloc(MAX_TOKEN_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return bytesRead > MAX_TOKEN_FILE_BYTES ? null : buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The path in CLEARFACTS_TOKEN_FILE when it is set and not blank. */
export function tokenFilePathFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env[TOKEN_FILE_ENVIRONMENT_VARIABLE];
  return value === undefined || value.trim() === '' ? null : value;
}

/**
 * A read-only store over the file at `CLEARFACTS_TOKEN_FILE`. `load()` gives the file's token,
 * trimmed (a trailing newline or CRLF is no part of it); it throws a TokenStoreError
 * 'given_token_unusable' naming the path when the file cannot be read or what it holds is not a
 * token (the content is never quoted).
 */
export function createTokenFileEnvStore(env: NodeJS.ProcessEnv = process.env): TokenStore {
  return {
    givenWithProcess: true,
    async load() {
      const filePath = tokenFilePathFromEnvironment(env);
      if (filePath === null) return null;
      let content: string | null;
      try {
        content = await readSmallFile(filePath);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'an error';
        throw new TokenStoreError(
          'given_token_unusable',
          msg('token_file_env_unreadable', { filePath, errorCode: code }),
          { cause: error },
        );
      }
      if (content === null) {
        throw new TokenStoreError(
          'given_token_unusable',
          msg('token_file_env_malformed', { filePath }),
        );
      }
      return acceptToken(content, msg('token_file_env_malformed', { filePath }), true);
    },
    save() {
      return Promise.reject(new TokenStoreError('read_only', CHANGE_IT_THERE));
    },
    clear() {
      return Promise.reject(new TokenStoreError('read_only', CHANGE_IT_THERE));
    },
    info(): TokenStorageInfo {
      return { backend: 'token file', secure: true, warning: null };
    },
  };
}
