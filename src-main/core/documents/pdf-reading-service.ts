// One worker thread that reads PDFs for the check, one file at a time, under a time and a memory
// budget per file. Over budget, the worker is ended (which frees everything the file made it
// allocate), the file gets its own refusal, and a fresh worker takes the next one: the engine
// never waits on one file for longer than the time budget. The worker (pdf.js loaded, about
// 70 MB resident) starts with the first PDF and ends after an idle period, so an engine that
// watches quiet folders, or only receives e-invoices and images, does not carry it.
import { PdfReadReply, type PdfReading } from './pdf-reading.ts';
import { createIdleSerialQueue, REAL_IDLE_TIMER, type IdleTimer } from './idle-serial-queue.ts';
import { createWorkerSlot, siblingModuleUrl, transferableBytes } from './worker-slot.ts';

/** Per-file limits. Milliseconds and bytes. */
export interface PdfReadingBudget {
  timeMs: number;
  /**
   * The worker's V8 heap plus its external memory. `resourceLimits` caps only the heap, and
   * pdf.js keeps the file and every decoded stream in ArrayBuffers, which V8 counts as external
   * memory; so the service also polls the worker's heap statistics, which include both.
   */
  memoryBytes: number;
  /** How often memory is polled while a file is read. */
  pollMs: number;
}

export const DEFAULT_PDF_READING_BUDGET: PdfReadingBudget = {
  timeMs: 20_000,
  memoryBytes: 512 * 1024 * 1024,
  pollMs: 25,
};

/** When the worker starts and stops. */
export interface PdfReaderLifetime {
  /**
   * How long the worker stays after its last file. A batch of PDFs arrives over seconds (the
   * stability window, a scanner's pace), so a minute keeps one worker for the whole batch.
   */
  idleMs: number;
  /**
   * `release` keeps the worker while files arrive this close together: two file reads (parts do
   * not count) started within this many ms say other folders are busy, and ending the worker
   * then makes their next file wait for a new one to start, about half a second (issue #17: a
   * batch being split must not slow other folders' files). Ten seconds is a stability window
   * plus a scanner's pace for a short stack, so the scanner's own next batch does not count.
   */
  busyWithinMs: number;
  timer: IdleTimer;
  /** The clock `busyWithinMs` is measured on, in ms. */
  now(): number;
}

export const DEFAULT_PDF_READER_LIFETIME: PdfReaderLifetime = {
  idleMs: 60_000,
  busyWithinMs: 10_000,
  timer: REAL_IDLE_TIMER,
  now: () => performance.now(),
};

/**
 * V8 cannot even create an isolate with a tiny heap (a fatal error that ends the process), so
 * the heap cap, a backstop to the polled budget, never goes below this.
 */
const MIN_HEAP_MB = 128;

export type OverBudget = { outcome: 'over_budget'; resource: 'time' | 'memory'; limit: number };

/**
 * The worker failed in a way no budget explains (it did not start, or it crashed). Nothing says
 * the file caused it, so it is not a refusal: the send step's failure policy retries or fails the
 * file like any local read error.
 */
export class PdfReaderStoppedError extends Error {
  constructor(why: string) {
    super(`The PDF reader (a worker thread) stopped: ${why}.`);
    this.name = 'PdfReaderStoppedError';
  }
}

/** Reads PDFs in the worker; rejects only with PdfReaderStoppedError, never for a file. */
export interface PdfReadingService {
  /**
   * Reads the bytes, which are transferred to the worker (the caller's view is emptied). `what`
   * says whether they are a file from a folder or a part cut from a batch (see `release`).
   */
  read(bytes: Uint8Array, what?: 'file' | 'part'): Promise<PdfReading | OverBudget>;
  /** Ends the worker; a later read starts a new one. */
  close(): Promise<void>;
  /**
   * Ends the worker now if no file is being read or waits to be, and no two files were read
   * within `busyWithinMs` (else it ends after its idle period, as usual); a later read starts a
   * new one. For a caller about to need the memory.
   */
  release(): void;
  /** Whether a worker thread is alive now: from the first read until the idle period ends. */
  isRunning(): boolean;
}

/** A service with no worker yet; the first read starts one. */
export function createPdfReadingService(
  budget: PdfReadingBudget = DEFAULT_PDF_READING_BUDGET,
  lifetime: PdfReaderLifetime = DEFAULT_PDF_READER_LIFETIME,
): PdfReadingService {
  const slot = createWorkerSlot({
    url: siblingModuleUrl(import.meta.url, 'pdf-reading-worker'),
    heapMb: Math.max(MIN_HEAP_MB, Math.ceil(budget.memoryBytes / 2 ** 20)),
    isReady: (message) => {
      const parsed = PdfReadReply.safeParse(message);
      return parsed.success && 'ready' in parsed.data;
    },
  });
  let nextId = 1;
  /** When the file read before the latest one started (lifetime.now), and the latest. */
  let previousFileReadAt: number | null = null;
  let latestFileReadAt: number | null = null;
  /** One file at a time: the budgets are per file, and the worker is one thread anyway. */
  const queue = createIdleSerialQueue({
    idleMs: lifetime.idleMs,
    timer: lifetime.timer,
    isRunning: () => slot.isRunning(),
    onIdle: () => void slot.stopCurrent(),
  });

  async function readOne(bytes: Uint8Array): Promise<PdfReading | OverBudget> {
    const started = slot.acquire();
    const current = started.thread;
    if (!(await started.ready)) {
      await slot.stop(current);
      throw new PdfReaderStoppedError('it did not start');
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (
        result: PdfReading | OverBudget | PdfReaderStoppedError,
        restart: boolean,
      ) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
        const settle = () => (result instanceof Error ? reject(result) : resolve(result));
        if (restart) void slot.stop(current).finally(settle);
        else settle();
      };
      const onMessage = (message: unknown) => {
        const reply = PdfReadReply.safeParse(message);
        if (reply.success && 'id' in reply.data && reply.data.id === id) {
          finish(reply.data.reading, false);
        }
      };
      // resourceLimits ends the worker with ERR_WORKER_OUT_OF_MEMORY when the heap is full.
      const onError = (error: Error) =>
        finish(
          'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { outcome: 'over_budget', resource: 'memory', limit: budget.memoryBytes }
            : new PdfReaderStoppedError(error.message),
          true,
        );
      const onExit = (code: number) => finish(new PdfReaderStoppedError(`exit code ${code}`), true);
      const timer = setTimeout(
        () => finish({ outcome: 'over_budget', resource: 'time', limit: budget.timeMs }, true),
        budget.timeMs,
      );
      const poll = setInterval(() => {
        current
          .getHeapStatistics()
          .then((heap) => {
            if (heap.used_heap_size + heap.external_memory > budget.memoryBytes) {
              finish(
                { outcome: 'over_budget', resource: 'memory', limit: budget.memoryBytes },
                true,
              );
            }
          })
          // The worker ended between two polls: its exit is reported by the exit handler.
          .catch(() => undefined);
      }, budget.pollMs);
      current.on('message', onMessage);
      current.on('error', onError);
      current.on('exit', onExit);
      const owned = transferableBytes(bytes);
      current.postMessage({ id, bytes: owned }, [owned.buffer]);
    });
  }

  return {
    read: (bytes, what = 'file') => {
      if (what === 'file') {
        previousFileReadAt = latestFileReadAt;
        latestFileReadAt = lifetime.now();
      }
      return queue.run(() => readOne(bytes));
    },
    async close() {
      await queue.drain();
      await slot.stopCurrent();
    },
    release: () => {
      const busy =
        previousFileReadAt !== null && lifetime.now() - previousFileReadAt <= lifetime.busyWithinMs;
      if (!busy) queue.idleNow();
    },
    isRunning: () => slot.isRunning(),
  };
}
