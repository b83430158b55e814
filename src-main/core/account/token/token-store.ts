// Where the personal access token lives. The desktop shell stores it with safeStorage; headless
// runs read CLEARFACTS_TOKEN, the OS keyring, or (only with the user's consent) a 0600 file.
import type { TokenStorageInfo } from '../../../contract/domain.ts';

export interface TokenStore {
  /**
   * True when the token comes with the process itself (CLEARFACTS_TOKEN, CLEARFACTS_TOKEN_FILE,
   * a run's memory): whoever started the process chose it together with the API address it was
   * started with. A stored token (keyring, file, safeStorage) goes only where it was entered.
   */
  readonly givenWithProcess?: boolean;
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
  info(): TokenStorageInfo;
}

/**
 * read_only: the token comes from somewhere this app must not change (the environment).
 * consent_required: only a plain file is left and the user has not agreed to it.
 * unavailable: the storage itself failed (keyring locked, disk error).
 * invalid_token: what was given or found is not a Clearfacts token.
 */
export type TokenStoreFailure = 'read_only' | 'consent_required' | 'unavailable' | 'invalid_token';

/** A token store's refusal, with a sentence the CLI or UI can show as it is. */
export class TokenStoreError extends Error {
  readonly failure: TokenStoreFailure;
  constructor(failure: TokenStoreFailure, message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'TokenStoreError';
    this.failure = failure;
  }
}
