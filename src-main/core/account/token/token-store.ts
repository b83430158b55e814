// Where the personal access token lives. The desktop shell stores it with safeStorage; headless
// runs read CLEARFACTS_TOKEN, the OS keyring, or (only with the user's consent) a 0600 file.
import type { TokenStorageInfo } from '../../../contract/domain.ts';
import type { Message } from '../../../contract/messages/message.ts';
import { englishOf } from '../../../contract/messages/render-message.ts';

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
 * given_token_unusable: the token given with the process (CLEARFACTS_TOKEN, the file
 *   CLEARFACTS_TOKEN_FILE names) is missing, unreadable or not a token: an authentication problem
 *   that only whoever set the variable can mend, so `token set` is no advice for it.
 */
export type TokenStoreFailure =
  'read_only' | 'consent_required' | 'unavailable' | 'invalid_token' | 'given_token_unusable';

/**
 * A token store's refusal as a message code (`userMessage`, naming the path or the variable) that
 * every surface renders in the user's language; `message` is its English rendering, for logs.
 */
export class TokenStoreError extends Error {
  readonly failure: TokenStoreFailure;
  readonly userMessage: Message;
  constructor(failure: TokenStoreFailure, userMessage: Message, options: { cause?: unknown } = {}) {
    super(englishOf(userMessage), options.cause === undefined ? {} : { cause: options.cause });
    this.name = 'TokenStoreError';
    this.failure = failure;
    this.userMessage = userMessage;
  }
}
