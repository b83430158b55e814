// One long-lived worker thread that splits scanned batches, one at a time, under a time budget
// per batch (the pattern of documents/pdf-reading-service.ts). Whatever goes wrong with the
// worker, the answer is a verdict: "send it whole, because …". A batch is never held back or
// lost because splitting failed.
import { Worker } from 'node:worker_threads';
import type { SplitMode } from '../../contract/domain.ts';
import { SplitReply, type SplitResult } from './split-protocol.ts';

/** Starting the worker (pdf.js and zxing's WASM) may take this long on a slow, busy machine. */
const START_DEADLINE_MS = 60_000;

export interface SplitServiceOptions {
  /**
   * The most one batch may take, in ms. A 200-page 300 dpi batch takes about a minute on a slow
   * machine; past the budget the worker is ended and the batch is sent whole.
   */
  timeMs: number;
  /** V8 heap cap of the worker in MiB (pdf.js and canvases keep most bytes outside it). */
  heapMb: number;
}

export const DEFAULT_SPLIT_SERVICE_OPTIONS: SplitServiceOptions = {
  timeMs: 600_000,
  heapMb: 512,
};

/** Splits batches in the worker; never rejects. */
export interface SplitService {
  /** Splits the bytes (transferred to the worker: the caller's view is emptied) in `mode`. */
  split(bytes: Uint8Array, mode: SplitMode): Promise<SplitResult>;
  /** Ends the worker at once (a split under way answers `splitter_stopped`); a later split starts a new one. */
  close(): Promise<void>;
}

function workerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./split-worker${extension}`, import.meta.url);
}

function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  ) {
    return new Uint8Array(bytes.buffer);
  }
  return new Uint8Array(bytes);
}

const stopped = (detail: string): SplitResult => ({
  outcome: 'whole',
  pages: null,
  reason: { why: 'splitter_stopped', detail },
});

export function createSplitService(
  options: SplitServiceOptions = DEFAULT_SPLIT_SERVICE_OPTIONS,
): SplitService {
  let worker: { thread: Worker; ready: Promise<boolean> } | null = null;
  let nextId = 1;
  let tail: Promise<unknown> = Promise.resolve();

  function start(): { thread: Worker; ready: Promise<boolean> } {
    const thread = new Worker(workerUrl(), {
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
    });
    // Idle, the worker must not keep a CLI run alive.
    thread.unref();
    const ready = new Promise<boolean>((resolve) => {
      const deadline = setTimeout(() => done(false), START_DEADLINE_MS);
      const onMessage = (message: unknown) => {
        const parsed = SplitReply.safeParse(message);
        if (parsed.success && 'ready' in parsed.data) done(true);
      };
      const onEnd = () => done(false);
      function done(started: boolean) {
        clearTimeout(deadline);
        thread.off('message', onMessage);
        thread.off('error', onEnd);
        thread.off('exit', onEnd);
        resolve(started);
      }
      thread.on('message', onMessage);
      thread.on('error', onEnd);
      thread.on('exit', onEnd);
    });
    return { thread, ready };
  }

  async function stop(which: Worker): Promise<void> {
    if (worker?.thread === which) worker = null;
    await which.terminate();
  }

  async function splitOne(bytes: Uint8Array, mode: SplitMode): Promise<SplitResult> {
    const started = (worker ??= start());
    const current = started.thread;
    if (!(await started.ready)) {
      await stop(current);
      return stopped('the split worker did not start');
    }
    const id = nextId++;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: SplitResult, restart: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('error', onError);
        current.off('exit', onExit);
        if (restart) void stop(current).finally(() => resolve(result));
        else resolve(result);
      };
      const onMessage = (message: unknown) => {
        const reply = SplitReply.safeParse(message);
        if (reply.success && 'id' in reply.data && reply.data.id === id) {
          finish(reply.data.result, false);
        }
      };
      const onError = (error: Error) => finish(stopped(error.message), true);
      const onExit = (code: number) => finish(stopped(`exit code ${code}`), true);
      const timer = setTimeout(
        () =>
          finish(
            {
              outcome: 'whole',
              pages: null,
              reason: { why: 'over_budget', limitMs: options.timeMs },
            },
            true,
          ),
        options.timeMs,
      );
      current.on('message', onMessage);
      current.on('error', onError);
      current.on('exit', onExit);
      const owned = ownBuffer(bytes);
      current.postMessage({ id, bytes: owned, mode }, [owned.buffer]);
    });
  }

  return {
    split(bytes, mode) {
      const result = tail.then(() => splitOne(bytes, mode));
      tail = result.catch(() => undefined);
      return result;
    },
    async close() {
      // A batch being split answers "splitter stopped"; the queue, stopping too, writes nothing.
      if (worker !== null) await stop(worker.thread);
      await tail;
    },
  };
}
