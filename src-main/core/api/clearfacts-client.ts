// The Clearfacts API as core sees it. Implemented in clearfacts-graphql-client.ts; tests and the
// queue depend only on this interface.
import type {
  Administration,
  ArchiveCategories,
  CompanyNumber,
  Scope,
  UserInfo,
} from '../../contract/domain.ts';

/**
 * auth: token unknown or revoked, pause everything. missing_scope: pause what needs it.
 * refused: Clearfacts said no to this file, final. transient: safe to try again later.
 * ambiguous: the whole upload was handed over and no answer came (timeout): it may have been
 * stored, and with no idempotency key it must not be re-sent without the user.
 */
export type ApiFailureKind = 'auth' | 'missing_scope' | 'refused' | 'transient' | 'ambiguous';

/** Every failure of a Clearfacts call is one of these; the queue decides from `kind` alone. */
export class ClearfactsApiError extends Error {
  readonly kind: ApiFailureKind;
  /** For missing_scope: the scope Clearfacts asked for. */
  readonly scope: Scope | null;
  /** For transient failures the server asked us to wait (429 Retry-After), in ms. */
  readonly retryAfterMs: number | null;
  /** HTTP status when there was one. */
  readonly status: number | null;
  constructor(
    kind: ApiFailureKind,
    message: string,
    details: {
      scope?: Scope | null;
      retryAfterMs?: number | null;
      status?: number | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'ClearfactsApiError';
    this.kind = kind;
    this.scope = details.scope ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.status = details.status ?? null;
  }
}

export interface UploadedFile {
  uuid: string;
  amountOfPages: number;
}

export interface UploadRequest {
  /** The file on disk; it is streamed, never read whole into memory. */
  path: string;
  /** The name Clearfacts shows. */
  fileName: string;
  companyNumber: CompanyNumber;
  signal?: AbortSignal;
}

export interface ClearfactsClient {
  userInfo(signal?: AbortSignal): Promise<UserInfo>;
  /** Which of the scopes the app needs this token has (probed: the API has no scope listing). */
  probeScopes(signal?: AbortSignal): Promise<Scope[]>;
  /** Every administration, all pages. */
  administrations(signal?: AbortSignal): Promise<Administration[]>;
  archiveCategories(companyNumber: CompanyNumber, signal?: AbortSignal): Promise<ArchiveCategories>;
  uploadInvoice(
    request: UploadRequest & { invoiceType: 'PURCHASE' | 'SALE' },
  ): Promise<UploadedFile>;
  uploadArchive(
    request: UploadRequest & { archiveType: 'VARIOUS' | 'PERMANENT'; categoryId: string },
  ): Promise<UploadedFile>;
}

export interface ClearfactsClientOptions {
  /** The GraphQL endpoint, e.g. https://api.clearfacts.be/graphql. */
  apiUrl: string;
  /** Asked for on every call, so a token set or cleared takes effect at once. */
  getToken: () => Promise<string | null>;
  /** Injected so the desktop shell can pass Electron's net.fetch (system proxy, OS certificates). */
  fetch: typeof globalThis.fetch;
  /** Per-request timeout for queries, and for an upload the time allowed without progress. */
  timeoutMs?: number;
}
