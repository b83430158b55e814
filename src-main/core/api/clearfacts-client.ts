// The Clearfacts API as core sees it. Implemented in clearfacts-graphql-client.ts; tests and the
// queue depend only on this interface.
import type {
  Administration,
  ArchiveCategories,
  CompanyNumber,
  Scope,
  UserInfo,
} from '../../contract/domain.ts';
import type { Message } from '../../contract/messages/message.ts';
import { renderMessage } from '../../contract/messages/render-message.ts';
import type { RecordedVersion } from '../store/file-version.ts';
import type { DocumentLookup } from './document-lookup.ts';

/**
 * auth: no token, or Clearfacts does not accept it (401/403, unknown or revoked): pause everything.
 * missing_scope: pause what needs it. refused: Clearfacts said no to this file or request (type,
 * size, unknown administration or category), final. transient: safe to try again later (a query's
 * network error, 5xx or timeout; 429; an upload's 503 with Retry-After; any upload failure before
 * its body left; a file that changed while being sent). ambiguous: the whole upload may have
 * reached the server and the answer does not prove it stored nothing (5xx, reset, timeout, a
 * cut-off or unreadable answer, no uuid): with no idempotency key it must not be re-sent without
 * the user. The rule is written out in docs/architecture.md ("The ambiguity rule").
 */
export type ApiFailureKind = 'auth' | 'missing_scope' | 'refused' | 'transient' | 'ambiguous';

/**
 * Every failure of a Clearfacts call is one of these; the queue decides from `kind` alone.
 * `userMessage` is what the user is told; `message` is its English rendering, for logs.
 */
export class ClearfactsApiError extends Error {
  readonly kind: ApiFailureKind;
  /** For missing_scope: the scope Clearfacts asked for. */
  readonly scope: Scope | null;
  /** For transient failures the server asked us to wait (429 Retry-After), in ms. */
  readonly retryAfterMs: number | null;
  /** HTTP status when there was one. */
  readonly status: number | null;
  /** Clearfacts' own words (redacted), for a refusal's detail; null when it gave none. */
  readonly serverMessage: string | null;
  /** The file changed under the upload, which stopped before its body was complete. */
  readonly fileChanged: boolean;
  /**
   * The address answered, but not as a GraphQL endpoint (a 404, a web page, JSON without `data`
   * or `errors`: api_not_graphql), or cannot be answered at all (a port fetch blocks, endless
   * redirects): the API address is wrong, so asking again soon cannot help.
   */
  readonly wrongEndpoint: boolean;
  readonly userMessage: Message;
  constructor(
    kind: ApiFailureKind,
    userMessage: Message,
    details: {
      scope?: Scope | null;
      retryAfterMs?: number | null;
      status?: number | null;
      serverMessage?: string | null;
      fileChanged?: boolean;
      wrongEndpoint?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(renderMessage(userMessage, 'en'), { cause: details.cause });
    this.name = 'ClearfactsApiError';
    this.userMessage = userMessage;
    this.kind = kind;
    this.scope = details.scope ?? null;
    this.retryAfterMs = details.retryAfterMs ?? null;
    this.status = details.status ?? null;
    this.serverMessage = details.serverMessage ?? null;
    this.fileChanged = details.fileChanged ?? false;
    this.wrongEndpoint = details.wrongEndpoint ?? false;
  }
}

export interface UploadedFile {
  uuid: string;
  /** As Clearfacts counted them; 0 when its answer left the count out. */
  amountOfPages: number;
  /** The file's bytes the body handed to fetch (the multipart framing not counted). */
  sentBytes: number;
}

export interface UploadRequest {
  /** The file on disk; it is streamed, never read whole into memory. */
  path: string;
  /** The name Clearfacts shows. */
  fileName: string;
  /**
   * The Content-Type of the file part, when the caller already knows it (the queue's check
   * sniffed it); left out, the client sniffs the file's head itself.
   */
  mediaType?: string;
  companyNumber: CompanyNumber;
  signal?: AbortSignal;
  /**
   * The version of the file that was checked (size, mtime, ctime, inode): a file that differs
   * when it is opened, or changes while it is sent, is not sent (FileChangedWhileSendingError,
   * sorted as a transient failure with `fileChanged`).
   */
  expected?: RecordedVersion;
  /**
   * Told each time the body hands file bytes to fetch: bytes handed on so far and the file's
   * size (bytes). Called often (every 64 KiB); the caller throttles.
   */
  onProgress?: (sentBytes: number, totalBytes: number) => void;
}

/**
 * Every method rejects with ClearfactsApiError, with one exception: an upload whose file cannot
 * be opened rejects with the file system's own error (code ENOENT, EACCES, …) before anything is
 * sent, since that is not Clearfacts' doing. Queries retry transient failures a few times
 * (honouring Retry-After) before rejecting; uploads never retry here: the durable queue does.
 */
export interface ClearfactsClient {
  /** The token's user, from the OIDC userinfo endpoint beside the API. */
  userInfo(signal?: AbortSignal): Promise<UserInfo>;
  /**
   * Which of the read scopes the app needs this token has (`read_administrations`,
   * `archive_read`). Inferred from reads only, since the API lists no scopes: a one-item
   * administrations page and an administration's categories, each missing only when Clearfacts
   * answers "Missing scope". Never sends a mutation: what the live service does with an upload
   * that carries no file is unknown, so the upload scopes are learned from the first real upload.
   */
  readScopes(signal?: AbortSignal): Promise<Scope[]>;
  /**
   * Whether Clearfacts answers normally: one read (a one-item administrations page), never a
   * mutation. Resolves when it answered on purpose, a refusal included (missing scope, unknown
   * token: the service is up); rejects with the transient failure otherwise.
   */
  ping(signal?: AbortSignal): Promise<void>;
  /** Every administration, all pages. */
  administrations(signal?: AbortSignal): Promise<Administration[]>;
  archiveCategories(companyNumber: CompanyNumber, signal?: AbortSignal): Promise<ArchiveCategories>;
  uploadInvoice(
    request: UploadRequest & { invoiceType: 'PURCHASE' | 'SALE' },
  ): Promise<UploadedFile>;
  uploadArchive(
    request: UploadRequest & { archiveType: 'VARIOUS' | 'PERMANENT'; categoryId: string },
  ): Promise<UploadedFile>;
  /**
   * What Clearfacts did with up to `MAX_DOCUMENTS_PER_REQUEST` delivered documents, by uuid, in
   * one aliased `document(id)` query (document-lookup.ts). One attempt, never retried here: the
   * follow-up paces itself. Every uuid gets an entry; `found: null` when it failed alone on the
   * server's side (DocumentLookupFailure).
   */
  lookUpDocuments(
    uuids: readonly string[],
    signal?: AbortSignal,
  ): Promise<Map<string, DocumentLookup>>;
}

export interface ClearfactsClientOptions {
  /** The GraphQL endpoint, e.g. https://api.clearfacts.be/graphql. */
  apiUrl: string;
  /** Asked for on every call, so a token set or cleared takes effect at once. */
  getToken: () => Promise<string | null>;
  /** Injected so the desktop shell can pass Electron's net.fetch (system proxy, OS certificates). */
  fetch: typeof globalThis.fetch;
  /**
   * How long a query may wait for its answer (default 30 s). An upload may wait this long plus
   * the time its file takes at a slow but working 64 KiB/s: fetch cannot report how much of a
   * FormData body was sent, so a stalled upload is only noticed when that allowance runs out.
   */
  timeoutMs?: number;
  /** How often a query is retried after a transient failure (default 3). */
  queryRetries?: number;
  /** The shortest wait before a query's first retry, grown exponentially with jitter (default 500 ms). */
  queryRetryDelayMs?: number;
}
