// The one worker thread a service keeps (the PDF reader, the batch splitter): started on first
// use, announced ready by its first message, unref'd so an idle worker never keeps a CLI run
// alive, and replaced by a fresh one after it is stopped.
import { Worker } from 'node:worker_threads';

/** Starting a worker (loading pdf.js, zxing's WASM) may take this long on a slow, busy machine. */
const START_DEADLINE_MS = 60_000;

/** A worker thread being started. */
export interface StartedWorker {
  thread: Worker;
  /**
   * True once the worker sent the message that says it is ready; false if it failed, exited or
   * stayed silent for START_DEADLINE_MS.
   */
  ready: Promise<boolean>;
}

/** How to start the service's worker. */
export interface WorkerSlotOptions {
  /** The worker module. */
  url: URL;
  /** V8 heap cap of the worker, in MiB (`resourceLimits.maxOldGenerationSizeMb`). */
  heapMb: number;
  /** Whether a message from the worker is its "ready" announcement. */
  isReady(message: unknown): boolean;
  /** What the worker reads as its `workerData` (cloned; a SharedArrayBuffer is shared). */
  workerData?: unknown;
}

/** Holds at most one worker thread. */
export interface WorkerSlot {
  /** The worker, started now if there is none. */
  acquire(): StartedWorker;
  /** Ends `thread` (the slot empties if it holds it); a later acquire starts a new one. */
  stop(thread: Worker): Promise<void>;
  /** Ends the worker the slot holds, if any. */
  stopCurrent(): Promise<void>;
  /** Whether the slot holds a worker now. */
  isRunning(): boolean;
}

function start(options: WorkerSlotOptions): StartedWorker {
  const thread = new Worker(options.url, {
    resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
    workerData: options.workerData,
  });
  // Idle, the worker must not keep a CLI run alive; work under way holds the process by its timers.
  thread.unref();
  const ready = new Promise<boolean>((resolve) => {
    const deadline = setTimeout(() => done(false), START_DEADLINE_MS);
    const onMessage = (message: unknown) => {
      if (options.isReady(message)) done(true);
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

/** An empty slot; the first acquire starts the worker. */
export function createWorkerSlot(options: WorkerSlotOptions): WorkerSlot {
  let worker: StartedWorker | null = null;
  async function stop(thread: Worker): Promise<void> {
    if (worker?.thread === thread) worker = null;
    await thread.terminate();
  }
  return {
    acquire: () => (worker ??= start(options)),
    stop,
    stopCurrent: async () => {
      if (worker !== null) await stop(worker.thread);
    },
    isRunning: () => worker !== null,
  };
}

/** The module next to `moduleUrl` named `name`: `.ts` when run from source, `.js` when built. */
export function siblingModuleUrl(moduleUrl: string, name: string): URL {
  const extension = moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, moduleUrl);
}

/**
 * Bytes a postMessage transfer can move: the view itself when it owns its whole ArrayBuffer, else
 * a copy that does. The caller's view is emptied by the transfer.
 */
export function transferableBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  ) {
    return new Uint8Array(bytes.buffer);
  }
  return new Uint8Array(bytes);
}
