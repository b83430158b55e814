// The Clearfacts API emulator: a real GraphQL server (schema.graphql, graphql-js) behind the
// documented HTTP surface, with seeded data, scopes, content validation, fault injection and
// test hooks. Tests, the CLI, the demo and the benchmark all start it through startEmulator().
import { tmpdir } from 'node:os';
import { EmulatorState } from './emulator-state.ts';
import {
  DEFAULT_DOCUMENT_FAILURE,
  type DocumentLifecycle,
  type DocumentStageOverride,
} from './document-lifecycle.ts';
import type {
  DocumentField,
  DocumentRequest,
  PhantomDocument,
  ReceivedUpload,
} from './emulator-state.ts';
import type { FaultPlan } from './faults.ts';
import type { RateLimit } from './rate-limit.ts';
import { startHttpServer } from './http-server.ts';
import { buildSeed } from './seed.ts';
import type { SeedData } from './seed.ts';
import { DEFAULT_DEMO_TOKEN } from './tokens.ts';

export { ALL_SCOPES, DEFAULT_DEMO_TOKEN } from './tokens.ts';
export { seedData, buildSeed } from './seed.ts';
export type {
  SeedAdministration,
  SeedCategory,
  SeedData,
  SeedJournal,
  SeedCustomer,
} from './seed.ts';
export type {
  DocumentField,
  DocumentRequest,
  PhantomDocument,
  ReceivedUpload,
} from './emulator-state.ts';
export type {
  DocumentLifecycle,
  DocumentStage,
  DocumentStageOverride,
} from './document-lifecycle.ts';
export type { RateLimit } from './rate-limit.ts';
export type { FaultPlan } from './faults.ts';
export { hasValidCheckDigits, companyNumberFrom } from './company-number.ts';

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Serves /__emulator/ hooks; on by default. */
  testMode?: boolean;
  /** Largest accepted file part; default 20 MiB. */
  maxUploadBytes?: number;
  /** The live API has introspection off, so the default is off. */
  introspection?: boolean;
  /** A fixed 80-character token with every scope; default DEFAULT_DEMO_TOKEN. */
  demoToken?: string;
  /** Generated administrations added after the seeded ones (UI scale). */
  extraAdministrations?: number;
  /** HTTP status for a missing, unknown or revoked token (the live one is unconfirmed): 401. */
  unauthorizedStatus?: number;
  /** Where the per-instance temp folder for in-flight uploads is made; default os.tmpdir(). */
  uploadTempDir?: string;
  /** How fast documents move from received to processed to paid (see document-lifecycle.ts). */
  documentLifecycle?: DocumentLifecycle;
  /** At most this many POST /graphql per window, else 429 with Retry-After; default none. */
  rateLimit?: RateLimit;
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** origin + '/graphql' */
  readonly graphqlUrl: string;
  readonly demoToken: string;
  /** The data this instance serves (the default seed plus any extra administrations). */
  readonly seed: SeedData;
  uploads(): ReceivedUpload[];
  /** Mutations that arrived without a file part (see PhantomDocument). */
  phantoms(): PhantomDocument[];
  onUpload(listener: (upload: ReceivedUpload) => void): () => void;
  addToken(scopes: string[], options?: { username?: string }): string;
  revokeToken(token: string): void;
  /** Replaces how fast documents move on their own. */
  setDocumentLifecycle(lifecycle: DocumentLifecycle): void;
  /** Sets one document's stage (and document date) until reset. */
  setDocumentStage(override: DocumentStageOverride): void;
  /** Clearfacts no longer knows the document: `document(id)` answers "not found". */
  forgetDocument(uuid: string): void;
  /**
   * `document(id)` fails on this document alone with a GraphQL error on its alias that is not
   * "not found" (default DEFAULT_DOCUMENT_FAILURE); with `field`, only that field fails (null in
   * the answer, the error's path naming it); null: it answers again.
   */
  failDocument(uuid: string, message?: string | null, field?: DocumentField): void;
  /** Every request that asked for documents, with the ids it asked for. */
  documentRequests(): DocumentRequest[];
  /** Replaces the rate limit (null: none). */
  setRateLimit(limit: RateLimit): void;
  /** How many requests the rate limit refused since it was last set. */
  rateLimited(): number;
  /**
   * Replaces the fault plan; setFaults({}) turns faults off. Requests waiting out the old plan's
   * latency go on at once under the new one.
   */
  setFaults(plan: FaultPlan): void;
  /** How many requests are waiting out `latencyMs` now: a test holds an upload in flight with it. */
  requestsWaitingOutLatency(): number;
  /** Back to the seed: uploads, added tokens, revocations, faults and edits forgotten. */
  reset(): void;
  /** Stops listening and destroys every connection, hung ones included. */
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = buildSeed({ extraAdministrations: options.extraAdministrations ?? 0 });
  const demoToken = options.demoToken ?? DEFAULT_DEMO_TOKEN;
  const state = new EmulatorState(seed, demoToken);
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  if (!Number.isInteger(maxUploadBytes) || maxUploadBytes < 1) {
    throw new Error('maxUploadBytes must be a positive whole number of bytes');
  }
  const server = await startHttpServer(state, {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    testMode: options.testMode ?? true,
    maxUploadBytes,
    introspection: options.introspection ?? false,
    unauthorizedStatus: options.unauthorizedStatus ?? 401,
    uploadTempDir: options.uploadTempDir ?? tmpdir(),
  });
  if (options.documentLifecycle !== undefined) state.lifecycle = options.documentLifecycle;
  if (options.rateLimit !== undefined) server.rateLimiter.set(options.rateLimit);
  const known = (uuid: string, found: boolean): void => {
    if (!found) throw new Error(`the emulator holds no upload ${uuid}`);
  };
  return {
    origin: server.origin,
    graphqlUrl: `${server.origin}/graphql`,
    demoToken,
    seed,
    uploads: () => state.uploads(),
    phantoms: () => state.phantoms(),
    onUpload: (listener) => state.onUpload(listener),
    addToken: (scopes, tokenOptions) => state.tokens.add(scopes, tokenOptions?.username),
    revokeToken: (token) => state.tokens.revoke(token),
    setDocumentLifecycle: (lifecycle) => {
      state.lifecycle = lifecycle;
    },
    setDocumentStage: (override) => known(override.uuid, state.setDocumentStage(override)),
    forgetDocument: (uuid) => known(uuid, state.forgetDocument(uuid)),
    failDocument: (uuid, message = DEFAULT_DOCUMENT_FAILURE, field) =>
      known(uuid, state.failDocument(uuid, message, field)),
    documentRequests: () => state.documentRequests(),
    setRateLimit: (limit) => server.rateLimiter.set(limit),
    rateLimited: () => server.rateLimiter.refused,
    setFaults: (plan) => server.faults.set(plan),
    requestsWaitingOutLatency: () => server.faults.waitingOutLatency,
    reset: () => {
      state.reset();
      server.faults.clear();
      server.rateLimiter.set(null);
    },
    close: () => server.close(),
  };
}
