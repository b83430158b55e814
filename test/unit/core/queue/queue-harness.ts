// A real queue over a real SQLite history in a temp folder, with a scripted Clearfacts client and
// scripted checks, so each test can make one send fail in one precise way.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  Administration,
  AfterUpload,
  Destination,
  FileState,
  UploadSource,
} from '../../../../src-main/contract/domain.ts';
import {
  ClearfactsApiError,
  type ClearfactsClient,
  type UploadedFile,
  type UploadRequest,
} from '../../../../src-main/core/api/clearfacts-client.ts';
import type { DocumentCheck } from '../../../../src-main/core/documents/document-check.ts';
import { authHoldReason } from '../../../../src-main/core/account/session.ts';
import { createUploadQueue } from '../../../../src-main/core/queue/upload-queue.ts';
import type { Splitter } from '../../../../src-main/core/queue/split-step.ts';
import type { SplitResult } from '../../../../src-main/core/split/split-protocol.ts';
import type { FileRecord } from '../../../../src-main/core/store/file-record.ts';
import { openHistoryDatabase } from '../../../../src-main/core/store/history-database.ts';
import { createHistoryRepository } from '../../../../src-main/core/store/history-repository.ts';
import { describeStorageFault } from '../../../../src-main/core/store/storage-fault.ts';
import { createStorageGuard } from '../../../../src-main/core/store/storage-guard.ts';
import { createRecordingLogger } from '../../../support/recording-logger.ts';
import { createWaitList } from '../../../support/waiting.ts';
import { unwrapEnvelope } from '../../../../src-main/core/documents/e-invoice/unwrap-envelope.ts';

/**
 * A `page`-mode verdict on a batch of `pages` pages: one part a page, whose stand-in bytes name
 * the `batch` and the page (so parts of two batches are no duplicates of each other).
 */
export function splitPageByPage(pages: number, batch = 1): SplitResult {
  return {
    outcome: 'split',
    pages,
    separatorPages: [],
    parts: Array.from({ length: pages }, (_, index) => ({
      firstPage: index + 1,
      lastPage: index + 1,
      sheet: null,
      bytes: new TextEncoder().encode(`batch ${batch} page ${index + 1}`),
    })),
    blankPages: null,
  };
}

export interface SentFile {
  fileName: string;
  companyNumber: string;
  kind: string;
  categoryId: string | null;
  bytes: string;
}

type Step = (request: UploadRequest) => Promise<UploadedFile>;

export function createHarness(
  t: { after: (fn: () => unknown) => void },
  options: {
    concurrency?: number;
    afterUpload?: AfterUpload;
    /** What e-invoice routing sees as reachable; none known when left out. */
    administrations?: Administration[];
    /** The split stage; left out, no row of these tests has a split mode. */
    splitter?: Splitter;
    /** The history's and the queue's clock (epoch ms); the real one when left out. */
    now?: () => number;
    /** What the queue tells the split stage when another file begins; nothing when left out. */
    otherFileBegan?: () => () => void;
    /** What a part's send waits for first; nothing when left out. */
    beforePartSend?: () => Promise<unknown>;
  } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfu-queue-'));
  const watchRoot = path.join(dir, 'watched');
  const stagingDir = path.join(dir, 'staging');
  mkdirSync(watchRoot);
  mkdirSync(stagingDir);
  const db = openHistoryDatabase(path.join(dir, 'history.sqlite'));
  const repository = createHistoryRepository(db, options.now);
  const logger = createRecordingLogger();
  const settings = {
    concurrency: options.concurrency ?? 2,
    afterUpload: options.afterUpload ?? 'move',
    maxUploadBytes: 1_000_000,
    stabilityWindowMs: 2_000,
  };

  const sent: SentFile[] = [];
  const scripts = new Map<string, Step[]>();
  let inFlight = 0;
  let maxInFlight = 0;
  let uuidCounter = 0;
  const checkOverrides = new Map<string, Partial<DocumentCheck>>();
  const transitions: { id: number; from: FileState; to: FileState }[] = [];
  /** Every record as it was written, for the waits on a file reaching a state. */
  const writes: FileRecord[] = [];
  const waits = createWaitList();
  /** Every probe of the destination, with how many uploads had started before it. */
  const probeCalls: { at: number; uploadsSoFar: number }[] = [];
  const probeSteps: (() => Promise<void>)[] = [];
  let uploadCalls = 0;

  /** The first write of file `id` in `state` from index `from` of `writes` on. */
  function writeOf(id: number, state: FileState, from: number): Promise<FileRecord> {
    let next = from;
    return waits.until(`file ${id} written as ${state}`, () => {
      for (; next < writes.length; next += 1) {
        const record = writes[next] as FileRecord;
        if (record.id === id && record.state === state) return record;
      }
      return undefined;
    });
  }

  async function upload(request: UploadRequest, kind: string, categoryId: string | null) {
    const step =
      scripts.get(path.basename(request.path))?.shift() ?? scripts.get(request.fileName)?.shift();
    inFlight += 1;
    uploadCalls += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (step) return await step(request);
      await new Promise((resolve) => setImmediate(resolve));
      const bytes = readFileSync(request.path, 'utf8');
      sent.push({
        fileName: request.fileName,
        companyNumber: request.companyNumber,
        kind,
        categoryId,
        bytes,
      });
      uuidCounter += 1;
      return {
        uuid: `uuid-${uuidCounter}`,
        amountOfPages: 1,
        sentBytes: statSync(request.path).size,
      };
    } finally {
      inFlight -= 1;
    }
  }

  const client: ClearfactsClient = {
    userInfo: () => Promise.resolve({ username: 'u', email: null, name: null }),
    readScopes: () => Promise.resolve([]),
    ping: () => Promise.resolve(),
    administrations: () => Promise.resolve([]),
    archiveCategories: () => Promise.resolve({ various: [], permanent: [] }),
    uploadInvoice: (request) => upload(request, request.invoiceType, null),
    uploadArchive: (request) => upload(request, request.archiveType, request.categoryId),
    lookUpDocuments: () => Promise.resolve(new Map()),
  };

  const storage = createStorageGuard({
    probe: () => repository.probeWrite(),
    describe: (error) => describeStorageFault(error, 'history.sqlite'),
    recheckMs: 20,
    logger,
    onChange: (fault) => queue.setStorageFault(fault),
  });

  const queue = createUploadQueue({
    repository,
    storage,
    documents: {
      async check(filePath) {
        const stats = statSync(filePath);
        const content = readFileSync(filePath);
        return {
          kind: 'pdf',
          sizeBytes: stats.size,
          mtimeMs: stats.mtimeMs,
          ctimeMs: stats.ctimeMs,
          ino: stats.ino,
          sha256: createHash('sha256').update(content).digest('hex'),
          pages: 1,
          failure: null,
          willConvert: false,
          prefixBytes: 0,
          sentSha256: null,
          ...checkOverrides.get(path.basename(filePath)),
        };
      },
      async convertToPdf(input, output) {
        writeFileSync(output, `converted:${readFileSync(input, 'utf8')}`);
      },
      async stripPrefix(input, output, prefixBytes) {
        const stripped = readFileSync(input).subarray(prefixBytes);
        writeFileSync(output, stripped);
        return createHash('sha256').update(stripped).digest('hex');
      },
      unwrapEnvelope,
      async hash(filePath) {
        return createHash('sha256').update(readFileSync(filePath)).digest('hex');
      },
    },
    destination: {
      uploadInvoice: (request) => client.uploadInvoice(request),
      uploadArchive: (request) => client.uploadArchive(request),
      failureOf: (error) => (error instanceof ClearfactsApiError ? error : null),
      probe: () => {
        probeCalls.push({ at: Date.now(), uploadsSoFar: uploadCalls });
        const step = probeSteps.shift();
        return step ? step() : Promise.resolve();
      },
    },
    settings: () => settings,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    stagingDir,
    partsDir: path.join(dir, 'parts'),
    blankPagesDir: path.join(dir, 'blank-pages'),
    splitter:
      options.splitter ??
      (() => Promise.reject(new Error('these tests queue no batch with a split mode'))),
    onInserted: (record) => {
      writes.push(record);
      waits.wake();
    },
    logger,
    sweepIntervalMs: 50,
    onTransition: ({ previous, record }) => {
      transitions.push({ id: record.id, from: previous, to: record.state });
      writes.push(record);
      waits.wake();
      queue.lookForWork();
    },
    onHoldsChanged: () => waits.wake(),
    reachableAdministrations: () => Promise.resolve(options.administrations ?? null),
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.otherFileBegan === undefined ? {} : { otherFileBegan: options.otherFileBegan }),
    ...(options.beforePartSend === undefined ? {} : { beforePartSend: options.beforePartSend }),
    // The session's part: a refused token holds the queue.
    onTokenRefused: () => queue.setAuthHold(authHoldReason()),
  });

  t.after(async () => {
    waits.cancel();
    await queue.stop(100);
    storage.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    /** Resolves once the queue's holds satisfy `predicate`. */
    untilHolds: (label: string, predicate: (holds: typeof queue.holds) => boolean) =>
      waits.until(label, () => (predicate(queue.holds) ? true : undefined)),
    dir,
    watchRoot,
    stagingDir,
    db,
    repository,
    logger,
    settings,
    queue,
    storage,
    sent,
    transitions,
    maxInFlight: () => maxInFlight,
    /** How many uploads were started, failed ones included. */
    uploadCalls: () => uploadCalls,
    probeCalls,
    /** The next probes of Clearfacts do these, in order; later ones answer normally. */
    scriptProbes(...steps: (() => Promise<void>)[]) {
      probeSteps.push(...steps);
    },
    /** The next sends of the file named `name` do these, in order; later ones succeed. */
    script(name: string, ...steps: Step[]) {
      scripts.set(name, steps);
    },
    overrideCheck(name: string, check: Partial<DocumentCheck>) {
      checkOverrides.set(name, check);
    },
    /** Writes a file into the watched folder and queues it as ready. */
    addFile(
      name: string,
      content = `content of ${name}`,
      extra: { destination?: Destination; companyNumber?: string; source?: UploadSource } = {},
    ): FileRecord {
      const filePath = path.join(watchRoot, name);
      writeFileSync(filePath, content);
      const stats = statSync(filePath);
      const source = extra.source ?? 'watch';
      return repository.insert({
        path: filePath,
        fileName: name,
        folderId: source === 'watch' ? 'folder-1' : null,
        watchRoot: source === 'watch' ? watchRoot : null,
        source,
        companyNumber: extra.companyNumber ?? '0123456789',
        destination: extra.destination ?? { type: 'purchase' },
        state: 'ready',
        sizeBytes: stats.size,
        mtimeMs: stats.mtimeMs,
      });
    },
    /** Writes a scanned batch into the watched folder and queues it as ready to split by pages. */
    addBatch(name: string, content = `a scanned batch ${name}`): FileRecord {
      const filePath = path.join(watchRoot, name);
      writeFileSync(filePath, content);
      const stats = statSync(filePath);
      return repository.insert({
        path: filePath,
        fileName: name,
        folderId: 'folder-1',
        watchRoot,
        source: 'watch',
        companyNumber: '0123456789',
        destination: { type: 'purchase' },
        state: 'ready',
        sizeBytes: stats.size,
        mtimeMs: stats.mtimeMs,
        splitMode: 'page',
      });
    },
    /** Resolves when file `id` is written in `state` (or already is). */
    reach(id: number, state: FileState): Promise<FileRecord> {
      const current = repository.get(id);
      if (current?.state === state) return Promise.resolve(current);
      return writeOf(id, state, writes.length);
    },
    /** Resolves at the next write of file `id` in `state`, whatever it is now. */
    nextWrite(id: number, state: FileState): Promise<FileRecord> {
      return writeOf(id, state, writes.length);
    },
  };
}
