// The token from CLEARFACTS_TOKEN: how servers, containers and scheduled tasks pass it. The
// environment belongs to whoever started the process, so this store never writes.
import type { TokenStorageInfo } from '../../../contract/domain.ts';
import { msg } from '../../../contract/messages/message.ts';
import { TokenStoreError, type TokenStore } from './token-store.ts';
import { acceptToken } from './validate-token.ts';

export const TOKEN_ENVIRONMENT_VARIABLE = 'CLEARFACTS_TOKEN';

const CHANGE_IT_THERE = msg('token_from_env_read_only', { variable: TOKEN_ENVIRONMENT_VARIABLE });

/** The variable's value when it is set and not blank. */
export function tokenFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env[TOKEN_ENVIRONMENT_VARIABLE];
  return value === undefined || value.trim() === '' ? null : value;
}

export function createEnvTokenStore(env: NodeJS.ProcessEnv = process.env): TokenStore {
  return {
    givenWithProcess: true,
    async load() {
      const value = tokenFromEnvironment(env);
      return value === null ? null : acceptToken(value, msg('env_token_malformed'), true);
    },
    save() {
      return Promise.reject(new TokenStoreError('read_only', CHANGE_IT_THERE));
    },
    clear() {
      return Promise.reject(new TokenStoreError('read_only', CHANGE_IT_THERE));
    },
    info(): TokenStorageInfo {
      return { backend: 'environment', secure: true, warning: null };
    },
  };
}
