// Where the queue delivers a checked file, as the queue needs it. The queue owns this interface so
// it never depends on one service's client: Clearfacts is the first destination, and a second
// one (Exact Online is likely next) only has to satisfy it. The composition root passes the
// Clearfacts client's uploads and its error sorting (engine.ts).
import type { CompanyNumber, Scope } from '../../contract/domain.ts';
import type { Message } from '../../contract/messages/message.ts';
import type { RecordedVersion } from '../store/file-version.ts';

/**
 * How a failed delivery is treated. auth: the destination refuses the token (pause everything).
 * missing_scope: the token lacks a permission (pause what needs it). refused: the destination
 * said no to this file, final. transient: safe to try again later (network, 5xx, 429).
 * ambiguous: the whole file was handed over and no answer came: it may have arrived, and it is
 * never sent again without the user.
 */
export type DeliveryFailureKind = 'auth' | 'missing_scope' | 'refused' | 'transient' | 'ambiguous';

/** A delivery failure, sorted by the destination; the queue decides from `kind` alone. */
export interface DeliveryFailure {
  readonly kind: DeliveryFailureKind;
  /** What the user is told. */
  readonly userMessage: Message;
  /** Its English rendering (redacted), for logs and the failure's technical detail. */
  readonly message: string;
  /** For missing_scope: the scope the destination asked for, when it said. */
  readonly scope: Scope | null;
  /** For transient failures the destination asked us to wait (429 Retry-After), in ms. */
  readonly retryAfterMs: number | null;
  /** The HTTP status when there was one; null means the destination could not be reached. */
  readonly status: number | null;
  /** The destination's own words (redacted), for a refusal's detail; null when it gave none. */
  readonly serverMessage: string | null;
  /**
   * The file changed while it was being sent and the upload stopped before its body was complete
   * (kind `transient`): nothing arrived, and the new version must pass the gate again.
   */
  readonly fileChanged?: boolean;
  /**
   * The destination's address answered as no API endpoint does (kind `transient`,
   * api_not_graphql): the address is wrong, so the file waits, never given up on, until it is
   * fixed, and the queue says why.
   */
  readonly wrongEndpoint?: boolean;
}

/** One file to deliver. */
export interface DeliveryRequest {
  /** The file on disk (the converted PDF for an image); streamed, never read whole. */
  path: string;
  /** The name the destination shows. */
  fileName: string;
  /** The Content-Type the queue's check sniffed. */
  mediaType?: string;
  /** The administration it goes to. */
  companyNumber: CompanyNumber;
  /** Aborted when the file changed or the app stops; the upload is then called off. */
  signal?: AbortSignal;
  /** The checked version (size, mtime, ctime, inode); a file that differs is not sent. */
  expected?: RecordedVersion;
  /** Told as the body hands file bytes on: bytes handed on so far, the file's size (bytes). */
  onProgress?: (sentBytes: number, totalBytes: number) => void;
}

/** What the destination answered for a delivered file. */
export interface DeliveredFile {
  /** The destination's id for the document. */
  uuid: string;
  /** Pages as the destination counted them; 0 when its answer left the count out. */
  amountOfPages: number;
  /**
   * The document's bytes the request carried, as counted leaving the file; left out by a
   * destination that does not count them (the queue then keeps the size it planned to send).
   */
  sentBytes?: number;
}

/**
 * A destination for documents. Uploads never retry on their own (the durable queue does); they
 * reject with an error `failureOf` sorts, or with the file system's own error (ENOENT, EACCES,
 * …) when the file cannot be opened before anything is sent.
 */
export interface DocumentDestination {
  /** Delivers a purchase or sales invoice. */
  uploadInvoice(
    request: DeliveryRequest & { invoiceType: 'PURCHASE' | 'SALE' },
  ): Promise<DeliveredFile>;
  /** Delivers an archive document into one archive category. */
  uploadArchive(
    request: DeliveryRequest & { archiveType: 'VARIOUS' | 'PERMANENT'; categoryId: string },
  ): Promise<DeliveredFile>;
  /** The sorted failure an upload rejected with; null for any other error (local, or a bug). */
  failureOf(error: unknown): DeliveryFailure | null;
  /**
   * Asks the destination something that reads and changes nothing (never a mutation). Resolves
   * when it answered normally (any answer it gives on purpose, a refusal included); rejects
   * when it could not be reached or failed (5xx, timeout, a broken answer).
   */
  probe(signal: AbortSignal): Promise<void>;
}
