// Everything the emulator remembers between requests: the seed, the tokens, the mutable parts
// of the accountant (associates, app info) and what was uploaded. `reset()` returns to the seed.
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
  mutation: 'uploadFile' | 'uploadArchiveFile';
  /** The arguments as sent (company number, filename, type, …). */
  variables: Record<string, unknown>;
  receivedAt: string;
}

export type UploadListener = (upload: ReceivedUpload) => void;

export type AdministrationAccess =
  | { status: 'accessible'; administration: SeedAdministration }
  | { status: 'inaccessible' }
  | { status: 'unknown' };

export class EmulatorState {
  readonly seed: SeedData;
  readonly tokens: TokenRegistry;
  readonly #byCompanyNumber = new Map<string, SeedAdministration>();
  readonly #uploads: ReceivedUpload[] = [];
  readonly #uploadsByUuid = new Map<string, ReceivedUpload>();
  readonly #phantoms: PhantomDocument[] = [];
  readonly #listeners = new Set<UploadListener>();
  associates: SeedAssociate[] = [];
  readonly appInfo = new Map<string, AppInfo>();

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
