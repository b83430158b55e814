// The token read from the file named by CLEARFACTS_TOKEN_FILE: the habit of Docker secrets
// (/run/secrets/...) and systemd credentials (systemd.exec(5), LoadCredential= and
// $CREDENTIALS_DIRECTORY), which keep a secret out of the environment and out of `ps e`. The file
// belongs to whoever set the variable, so this store never writes it.
import { readFile } from 'node:fs/promises';
import type { TokenStorageInfo } from '../../../contract/domain.ts';
import { msg } from '../../../contract/messages/message.ts';
import { TokenStoreError, type TokenStore } from './token-store.ts';
import { acceptToken } from './validate-token.ts';

export const TOKEN_FILE_ENVIRONMENT_VARIABLE = 'CLEARFACTS_TOKEN_FILE';

const CHANGE_IT_THERE = `The token comes from the file named by the ${TOKEN_FILE_ENVIRONMENT_VARIABLE} environment variable: write the new token into that file, or unset ${TOKEN_FILE_ENVIRONMENT_VARIABLE} where it is set (service definition, container, shell profile).`;

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
      let content: string;
      try {
        content = await readFile(filePath, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'an error';
        throw new TokenStoreError(
          'given_token_unusable',
          `${TOKEN_FILE_ENVIRONMENT_VARIABLE} names ${filePath}, which cannot be read (${code}).`,
          {
            cause: error,
            userMessage: msg('token_file_env_unreadable', { filePath, errorCode: code }),
          },
        );
      }
      return acceptToken(
        content,
        `The file ${filePath} (${TOKEN_FILE_ENVIRONMENT_VARIABLE})`,
        msg('token_file_env_malformed', { filePath }),
      );
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
