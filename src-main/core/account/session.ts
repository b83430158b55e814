// The signed-in state: the token (kept in memory, registered with the redactor, never written
// anywhere but the token store), who it belongs to and which scopes it has. While Clearfacts
// refuses the token, or none is set, the session looks at the token store now and then, so a
// `clearfacts-uploader token set` run beside the engine resumes it.
import { msg, type Message } from '../../contract/messages/message.ts';
import { ApiError } from '../../contract/api-contract.ts';
import {
  apiOrigin,
  DEFAULT_API_URL,
  type Scope,
  type SessionInfo,
  type TokenStorageInfo,
  type UserInfo,
} from '../../contract/domain.ts';
import { ClearfactsApiError, type ClearfactsClient } from '../api/clearfacts-client.ts';
import type { Logger } from '../logging/logger.ts';
import { ApiToken } from './token/api-token.ts';
import { TOKEN_ENVIRONMENT_VARIABLE } from './token/env-token-store.ts';
import { registerSecret } from '../logging/secret-redactor.ts';
import type { TokenOrigins } from './token/token-origins.ts';
import { TokenStoreError, type TokenStore } from './token/token-store.ts';

export const NO_TOKEN_REASON = msg('no_token');

/**
 * Why nothing is sent while Clearfacts refuses the token; the session alone decides that. A token
 * from CLEARFACTS_TOKEN overrides any stored one, so the advice is to change the variable, never
 * `token set` (issue #12).
 */
export function authHoldReason(source: TokenStorageInfo['backend'] | null = null): Message {
  return source === 'environment'
    ? msg('token_refused_hold_env', { variable: TOKEN_ENVIRONMENT_VARIABLE })
    : msg('token_refused_hold');
}

export interface SessionOptions {
  tokenStore: TokenStore;
  /**
   * A client for the API address in use now, authenticating with what `getToken` gives for that
   * address (the session's token, or one being tried; null sends nothing).
   */
  clientFor: (getToken: (apiUrl: string) => Promise<string | null>) => ClearfactsClient;
  /** The API address in use now (the settings', or the one the process was started with). */
  apiUrl: () => string;
  /** The address the process was started with (--api-url, CLEARFACTS_API_URL), if any. */
  launchApiUrl?: string;
  /** Which origin each token was entered for. */
  tokenOrigins: TokenOrigins;
  demoToken?: string;
  logger: Logger;
  /** How often the token store is read again while no usable token is known. */
  recheckMs: number;
  /** A reason while nothing can be sent for lack of a usable token; null once there is one. */
  onTokenUsable: (holdReason: Message | null) => void;
  /** Another token (or none) is in use now: what the old one could see may differ. */
  onTokenChanged: () => void;
  /**
   * What asking the API address showed: api_not_graphql (naming the address and its answer)
   * when it answered as no GraphQL endpoint does, null when its reads were answered normally or
   * the address changed. Optional: nobody listens by default.
   */
  onAddressChecked?: (problem: Message | null) => void;
  onChanged: (info: SessionInfo) => void;
}

/**
 * The signed-in state. Reports through SessionOptions' callbacks; methods that answer a contract
 * request throw ApiError, or what the Clearfacts client throws when Clearfacts cannot be reached.
 */
export interface Session {
  /** Whether a usable token is set, whose it is, its scopes, and where it is stored. */
  info(): SessionInfo;
  /** Why the session is not signed in: no token, or one entered for another API origin. */
  notSignedInReason(): Message;
  /**
   * What the API client sends to `apiUrl`: null while no token is set, and when the token was
   * not entered for that address's origin (it never travels anywhere else).
   */
  getToken(apiUrl: string): Promise<string | null>;
  /** Reads the stored token once; commands that do not run the engine need it too. */
  load(): Promise<void>;
  /** For the engine: holds the queue while no token is set, and learns who the token is. */
  start(): Promise<void>;
  /**
   * Asks Clearfacts again who the token in use belongs to and what it may do.
   * Throws ApiError `not_signed_in` without a token, `auth` when Clearfacts refuses it (the
   * queue is then held), and what the client throws when Clearfacts cannot be reached.
   */
  verify(): Promise<SessionInfo>;
  /** The queue was told the token is refused: hold, and watch the store for a new one. */
  tokenRefused(): void;
  /**
   * Checks a token with Clearfacts, then stores and uses it. Throws ApiError `invalid_request`
   * for something that is not a token, `auth` when Clearfacts refuses it, and TokenStoreError
   * when it cannot be stored.
   */
  signIn(candidate: string): Promise<SessionInfo>;
  /** Signs in with the emulator's demo token; ApiError `unavailable` when there is none. */
  signInDemo(): Promise<SessionInfo>;
  /** Clears the stored token (TokenStoreError when it cannot) and holds the queue. */
  signOut(): Promise<SessionInfo>;
  /**
   * What a real upload's answer said about the scope it needed: delivered (granted) or refused
   * with "Missing scope" (not granted). The only way the upload scopes are learned.
   */
  noteUploadScope(scope: UploadScope, granted: boolean): void;
  /**
   * The API address may have changed: a token not entered for the new origin is held back (the
   * queue is held with the reason) until it is entered again there.
   */
  addressChanged(): void;
  /** Stops watching the token store. */
  close(): void;
}

/** The scopes only a real upload can confirm: no harmless call tells them. */
export const UPLOAD_SCOPES = ['upload_document', 'archive_actions'] as const;
export type UploadScope = (typeof UPLOAD_SCOPES)[number];

export function createSession(options: SessionOptions): Session {
  const { tokenStore, logger } = options;
  let token: string | null = null;
  let rejectedToken: string | null = null;
  let user: UserInfo | null = null;
  let scopes: Scope[] = [];
  /** Upload scopes a real upload's answer settled, for the token in use. */
  const uploadScopes = new Map<UploadScope, boolean>();
  let recheckTimer: NodeJS.Timeout | null = null;
  let closed = false;
  let loaded: Promise<void> | null = null;
  /**
   * Why the token given with the process (CLEARFACTS_TOKEN_FILE, CLEARFACTS_TOKEN) could not be
   * used at the last look: said instead of "no token is set", whose advice (`token set`) cannot
   * help while it is given that way. Null when the last look found no such problem.
   */
  let givenTokenProblem: Message | null = null;

  function noTokenReason(): Message {
    return givenTokenProblem ?? NO_TOKEN_REASON;
  }
  /** Whether the token is held back because it was entered for another origin. */
  let heldForOrigin = false;

  /**
   * Where `candidate` may be sent: the origin it was entered for; else, for a token given with
   * the process, the address the process was started with; else Clearfacts itself.
   */
  function allowedOrigin(candidate: string): string {
    const launch =
      tokenStore.givenWithProcess === true
        ? (options.launchApiUrl ?? DEFAULT_API_URL)
        : DEFAULT_API_URL;
    return options.tokenOrigins.originOf(candidate) ?? apiOrigin(launch);
  }

  function sendableTo(candidate: string, apiUrl: string): boolean {
    return allowedOrigin(candidate) === apiOrigin(apiUrl);
  }

  function sendableHere(candidate: string): boolean {
    return sendableTo(candidate, options.apiUrl());
  }

  function otherOriginReason(candidate: string): Message {
    return msg('token_for_other_api', {
      tokenOrigin: allowedOrigin(candidate),
      apiOrigin: apiOrigin(options.apiUrl()),
    });
  }

  /** Nothing is sent: the token belongs to another origin until it is entered again here. */
  function holdForOrigin(candidate: string): void {
    heldForOrigin = true;
    user = null;
    scopes = [];
    startRecheck();
    options.onTokenUsable(otherOriginReason(candidate));
    changed();
  }

  /** Reads the stored token once; commands that do not run the engine need it too. */
  function load(): Promise<void> {
    loaded ??= loadStoredToken().then((stored) => {
      token ??= stored;
    });
    return loaded;
  }

  function info(): SessionInfo {
    return {
      signedIn: token !== null && token !== rejectedToken && sendableHere(token),
      user,
      scopes: [...scopes, ...UPLOAD_SCOPES.filter((scope) => uploadScopes.get(scope) === true)],
      uncheckedScopes: UPLOAD_SCOPES.filter((scope) => !uploadScopes.has(scope)),
      apiUrl: options.apiUrl(),
      apiUrlFromLaunch: options.launchApiUrl !== undefined,
      demoAvailable: options.demoToken !== undefined,
      tokenStorage: tokenStore.info(),
    };
  }

  function changed(): void {
    options.onChanged(info());
  }

  function useToken(next: string | null): void {
    if (next === token) return;
    token = next;
    uploadScopes.clear();
    options.onTokenChanged();
  }

  async function loadStoredToken(): Promise<string | null> {
    try {
      const stored = await tokenStore.load();
      if (stored !== null) registerSecret(stored);
      givenTokenProblem = null;
      return stored;
    } catch (error) {
      givenTokenProblem =
        error instanceof TokenStoreError && error.failure === 'given_token_unusable'
          ? error.userMessage
          : null;
      logger.warn('The stored token cannot be read', {
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }

  /**
   * Who the token belongs to and what it may do; null when Clearfacts refuses it. `entering`:
   * the user gives the token for the address in use now; otherwise it goes only where it may.
   */
  async function identify(
    candidate: string,
    entering = false,
  ): Promise<{ user: UserInfo; scopes: Scope[] } | null> {
    const client = options.clientFor((apiUrl) =>
      Promise.resolve(entering || sendableTo(candidate, apiUrl) ? candidate : null),
    );
    try {
      const identity = await client.userInfo();
      // The reads are the session's only GraphQL calls: a wrong address shows here (the real
      // userinfo endpoint is on another host), and is no reason to list no scopes silently.
      const granted = await client.readScopes().then(
        (readable) => {
          options.onAddressChecked?.(null);
          return readable;
        },
        (error: unknown) => {
          if (error instanceof ClearfactsApiError && error.wrongEndpoint) throw error;
          return [];
        },
      );
      return { user: identity, scopes: granted };
    } catch (error) {
      if (error instanceof ClearfactsApiError && error.kind === 'auth') return null;
      if (error instanceof ClearfactsApiError && error.wrongEndpoint) {
        options.onAddressChecked?.(error.userMessage);
      }
      throw error;
    }
  }

  function stopRecheck(): void {
    if (recheckTimer) clearInterval(recheckTimer);
    recheckTimer = null;
  }

  function startRecheck(): void {
    if (recheckTimer || closed) return;
    recheckTimer = setInterval(() => {
      void lookForNewToken();
    }, options.recheckMs);
  }

  async function lookForNewToken(): Promise<void> {
    const stored = await loadStoredToken();
    if (stored === null || stored === rejectedToken || closed) return;
    if (stored === token && rejectedToken === null && !heldForOrigin) return;
    // Still held back when it was not entered for this address (another process may bind it).
    if (stored === token && heldForOrigin && !sendableHere(stored)) return;
    await adopt(stored);
  }

  /** Takes a stored token into use; an unreachable Clearfacts is no reason to refuse it. */
  async function adopt(candidate: string): Promise<void> {
    useToken(candidate);
    if (!sendableHere(candidate)) {
      holdForOrigin(candidate);
      return;
    }
    heldForOrigin = false;
    try {
      const identity = await identify(candidate);
      // The engine may have stopped while Clearfacts answered: nothing is left to tell.
      if (closed) return;
      if (identity === null) {
        markRejected();
        return;
      }
      ({ user, scopes } = identity);
    } catch (error) {
      logger.info('Clearfacts could not be asked who the token belongs to; using it anyway', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    rejectedToken = null;
    stopRecheck();
    options.onTokenUsable(null);
    changed();
  }

  function markRejected(): void {
    rejectedToken = token;
    user = null;
    scopes = [];
    startRecheck();
    options.onTokenUsable(authHoldReason(tokenStore.info().backend));
    changed();
  }

  async function signIn(candidate: string): Promise<SessionInfo> {
    registerSecret(candidate.trim());
    const parsed = ApiToken.safeParse(candidate);
    if (!parsed.success) {
      throw new ApiError('invalid_request', msg('token_malformed'));
    }
    // Entering the token is what binds it to the address it is checked with.
    const origin = apiOrigin(options.apiUrl());
    const identity = await identify(parsed.data, true);
    if (identity === null) {
      throw new ApiError('auth', msg('token_not_accepted'));
    }
    await options.tokenOrigins.bind(parsed.data, origin);
    await tokenStore.save(parsed.data);
    useToken(parsed.data);
    ({ user, scopes } = identity);
    rejectedToken = null;
    heldForOrigin = false;
    stopRecheck();
    logger.info('Signed in', { username: user.username });
    options.onTokenUsable(null);
    changed();
    return info();
  }

  return {
    info,

    notSignedInReason(): Message {
      if (token === null) return noTokenReason();
      if (!sendableHere(token)) return otherOriginReason(token);
      return token === rejectedToken
        ? authHoldReason(tokenStore.info().backend)
        : msg('not_signed_in');
    },

    async getToken(apiUrl): Promise<string | null> {
      await load();
      return token !== null && sendableTo(token, apiUrl) ? token : null;
    },

    load,

    /** For the engine: holds the queue while no token is set, and learns who the token is. */
    async start(): Promise<void> {
      await load();
      if (token === null) {
        options.onTokenUsable(noTokenReason());
        startRecheck();
        return;
      }
      if (!sendableHere(token)) {
        holdForOrigin(token);
        return;
      }
      options.onTokenUsable(null);
      // Who it is can wait: sending starts at once, a refusal will hold the queue anyway.
      void adopt(token);
    },

    /**
     * Asks Clearfacts again who the token in use belongs to and what it may do.
     * Throws ApiError `not_signed_in` without a token, `auth` when Clearfacts refuses it (the
     * queue is then held), and what the client throws when Clearfacts cannot be reached.
     */
    async verify(): Promise<SessionInfo> {
      await load();
      if (token === null) throw new ApiError('not_signed_in', noTokenReason());
      if (!sendableHere(token)) {
        throw new ApiError('auth', otherOriginReason(token));
      }
      const identity = await identify(token);
      if (identity === null) {
        markRejected();
        throw new ApiError('auth', msg('stored_token_not_accepted'));
      }
      ({ user, scopes } = identity);
      if (rejectedToken !== null) {
        rejectedToken = null;
        stopRecheck();
        options.onTokenUsable(null);
      }
      changed();
      return info();
    },

    /** The queue was told the token is refused: hold, and watch the store for a new one. */
    tokenRefused(): void {
      // A token held back for its origin was never sent: Clearfacts did not refuse it.
      if (token !== null && rejectedToken !== token && !heldForOrigin) markRejected();
    },

    signIn,

    async signInDemo(): Promise<SessionInfo> {
      if (options.demoToken === undefined) {
        throw new ApiError('unavailable', msg('demo_unavailable'));
      }
      return signIn(options.demoToken);
    },

    async signOut(): Promise<SessionInfo> {
      await tokenStore.clear();
      useToken(null);
      rejectedToken = null;
      heldForOrigin = false;
      user = null;
      scopes = [];
      logger.info('Signed out');
      options.onTokenUsable(NO_TOKEN_REASON);
      startRecheck();
      changed();
      return info();
    },

    noteUploadScope(scope, granted): void {
      if (token === null || uploadScopes.get(scope) === granted) return;
      uploadScopes.set(scope, granted);
      // The fix is a token with the scope, often stored by another process (`token set` beside
      // a running `watch`): look for it as for a refused token, until one is taken into use.
      if (!granted) startRecheck();
      changed();
    },

    addressChanged(): void {
      if (closed || token === null) {
        changed();
        return;
      }
      // What the old address answered says nothing of the new one, which is asked at once.
      options.onAddressChecked?.(null);
      if (sendableHere(token)) {
        void adopt(token);
      } else {
        holdForOrigin(token);
      }
    },

    close(): void {
      closed = true;
      stopRecheck();
    },
  };
}
