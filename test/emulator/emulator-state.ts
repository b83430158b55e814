// Everything the emulator remembers between requests: the seed, the tokens, the mutable parts
// of the accountant (associates, app info) and what was uploaded. `reset()` returns to the seed.
import {
  stageAt,
  type DocumentLifecycle,
  type DocumentStage,
  type DocumentStageOverride,
} from './document-lifecycle.ts';
import type { SeedAdministration, SeedAssociate, SeedData } from './seed.ts';
import { TokenRegistry } from './tokens.ts';

export interface ReceivedUpload {
  uuid: string;
  companyNumber: string;
  kind: 'invoice' | 'archive';
  invoiceType: 'PURCHASE' | 'SALE' | 'VARIOUS' | null;
  archiveType: 'VARIOUS' | 'PERMANENT' | null;
  categoryId: string | null;
  filename: string;
  sha256: string;
  bytes: number;
  pages: number;
  comment: string | null;
  journal: string | null;
  /** For XML: the root element's local name and the invoice number (cbc:ID) received. */
  xml: { root: string; invoiceNumber: string | null } | null;
  receivedAt: string;
}

export interface AppInfo {
  vatnumber: string;
  imageUrl: string | null;
  emailaddress: string | null;
  badge: { text: string | null; textColor: string | null; color: string | null } | null;
  icon: { type: string | null; color: string | null } | null;
}

/**
 * An upload mutation that arrived without a file part. Nobody knows what the live service does
 * with one (an empty document in a customer's inbox is possible), so the emulator keeps each,
 * whatever it answered, and tests assert the client never sends one.
 */
export interface PhantomDocument {
  /** Every mutation of the schema: none but an upload with its file may reach the service. */
  mutation: 'uploadFile' | 'uploadArchiveFile' | 'addAssociate' | 'editAssociate';
  /** The arguments as sent (company number, filename, type, …). */
  variables: Record<string, unknown>;
  receivedAt: string;
}

/** One GraphQL request that asked for documents: when, and which ids (aliases included). */
export interface DocumentRequest {
  at: number;
  ids: string[];
}

/** What `document(id)` knows of an upload now. */
export interface DocumentView {
  upload: ReceivedUpload;
  stage: DocumentStage;
  /** The document date once processed (YYYY-MM-DD), else null. */
  date: string | null;
}

export type UploadListener = (upload: ReceivedUpload) => void;

export type AdministrationAccess =
  | { status: 'accessible'; administration: SeedAdministration }
  | { status: 'inaccessible' }
  | { status: 'unknown' };

/** A field of `document(id)`'s answer the emulator can fail alone. */
export type DocumentField = 'date' | 'paymentState';

/** How `document(id)` fails on one document: whole (field null), or one field of it. */
export interface DocumentFailure {
  message: string;
  field: DocumentField | null;
}

export class EmulatorState {
  readonly seed: SeedData;
  readonly tokens: TokenRegistry;
  readonly #byCompanyNumber = new Map<string, SeedAdministration>();
  readonly #uploads: ReceivedUpload[] = [];
  readonly #uploadsByUuid = new Map<string, ReceivedUpload>();
  readonly #phantoms: PhantomDocument[] = [];
  readonly #listeners = new Set<UploadListener>();
  readonly #stageOverrides = new Map<string, DocumentStageOverride>();
  readonly #forgotten = new Set<string>();
  readonly #documentFailures = new Map<string, DocumentFailure>();
  readonly #documentRequests = new Map<number, DocumentRequest>();
  associates: SeedAssociate[] = [];
  readonly appInfo = new Map<string, AppInfo>();
  lifecycle: DocumentLifecycle = {};

  constructor(seed: SeedData, demoToken: string) {
    this.seed = seed;
    this.tokens = new TokenRegistry(demoToken, seed.user.username);
    for (const administration of seed.administrations) {
      this.#byCompanyNumber.set(administration.companyNumber, administration);
    }
    this.reset();
  }

  reset(): void {
    this.tokens.reset();
    this.#uploads.length = 0;
    this.#uploadsByUuid.clear();
    this.#phantoms.length = 0;
    this.associates = structuredClone(this.seed.associates);
    this.appInfo.clear();
    this.lifecycle = {};
    this.#stageOverrides.clear();
    this.#forgotten.clear();
    this.#documentFailures.clear();
    this.#documentRequests.clear();
  }

  /** The document as `document(id)` sees it, or undefined when unknown or forgotten. */
  documentView(uuid: string, now: number): DocumentView | undefined {
    const key = uuid.toUpperCase();
    const upload = this.#uploadsByUuid.get(key);
    if (upload === undefined || this.#forgotten.has(key)) return undefined;
    const override = this.#stageOverrides.get(key);
    const stage = override?.stage ?? stageAt(this.lifecycle, now - Date.parse(upload.receivedAt));
    const date = stage === 'received' ? null : (override?.date ?? upload.receivedAt.slice(0, 10));
    return { upload: { ...upload }, stage, date };
  }

  /** Sets a document's stage until reset; false when no such upload exists. */
  setDocumentStage(override: DocumentStageOverride): boolean {
    const key = override.uuid.toUpperCase();
    if (!this.#uploadsByUuid.has(key)) return false;
    this.#stageOverrides.set(key, { ...override });
    return true;
  }

  /** Clearfacts no longer knows the document (deleted there); false when no such upload exists. */
  forgetDocument(uuid: string): boolean {
    const key = uuid.toUpperCase();
    if (!this.#uploadsByUuid.has(key)) return false;
    this.#forgotten.add(key);
    return true;
  }

  /**
   * Makes `document(id)` fail on this document alone with `message` (a GraphQL error on its
   * alias, the others in the request still answered), or only its `field` (the document answered
   * with that field null and an error whose path names it: GraphQL's partial result), or answer
   * again when `message` is null; false when no such upload exists.
   */
  failDocument(uuid: string, message: string | null, field?: DocumentField): boolean {
    const key = uuid.toUpperCase();
    if (!this.#uploadsByUuid.has(key)) return false;
    if (message === null) this.#documentFailures.delete(key);
    else this.#documentFailures.set(key, { message, field: field ?? null });
    return true;
  }

  /** How `document(id)` fails on this document, or undefined when it answers. */
  documentFailure(uuid: string): DocumentFailure | undefined {
    return this.#documentFailures.get(uuid.toUpperCase());
  }

  /** Notes that request number `request` asked for document `id`. */
  noteDocumentLookup(request: number, id: string, at: number): void {
    const entry = this.#documentRequests.get(request);
    if (entry === undefined) this.#documentRequests.set(request, { at, ids: [id] });
    else entry.ids.push(id);
  }

  /** Every request that asked for documents, in arrival order. */
  documentRequests(): DocumentRequest[] {
    return [...this.#documentRequests.values()].map((entry) => ({ ...entry, ids: [...entry.ids] }));
  }

  /** Every seeded user sees the same administrations; the inaccessible one is nobody's. */
  administrationAccess(companyNumber: string): AdministrationAccess {
    const administration = this.#byCompanyNumber.get(companyNumber);
    if (administration !== undefined) return { status: 'accessible', administration };
    if (companyNumber === this.seed.inaccessibleAdministration.companyNumber) {
      return { status: 'inaccessible' };
    }
    return { status: 'unknown' };
  }

  record(upload: ReceivedUpload): void {
    this.#uploads.push(upload);
    this.#uploadsByUuid.set(upload.uuid.toUpperCase(), upload);
    for (const listener of this.#listeners) {
      // A listener's bug must not turn a stored upload into a failed answer.
      try {
        listener({ ...upload });
      } catch (error) {
        console.error('clearfacts emulator: an onUpload listener threw:', error);
      }
    }
  }

  recordPhantom(phantom: PhantomDocument): void {
    this.#phantoms.push(phantom);
  }

  /** Every upload mutation received without a file, refused or not. */
  phantoms(): PhantomDocument[] {
    return this.#phantoms.map((phantom) => structuredClone(phantom));
  }

  uploads(): ReceivedUpload[] {
    return this.#uploads.map((upload) => ({ ...upload }));
  }

  upload(uuid: string): ReceivedUpload | undefined {
    return this.#uploadsByUuid.get(uuid.toUpperCase());
  }

  onUpload(listener: UploadListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
