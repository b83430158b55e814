// One job at a time for a service that keeps a worker or process (the PDF reader, the UBL schema
// validator), and the idle period after its last job that ends it: a batch arriving over seconds
// keeps one worker, and an engine whose folders are quiet carries none.

/**
 * The timer that ends an idle worker. Injected so a test can fire it by hand and see the worker
 * go, instead of sleeping through the idle period.
 */
export interface IdleTimer {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timer, unref'd: waiting to end an idle worker never keeps a CLI run alive. */
export const REAL_IDLE_TIMER: IdleTimer = {
  setTimeout: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs);
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What the queue needs to know of its service. */
export interface IdleSerialQueueOptions {
  /** Milliseconds from the last job's end to `onIdle`. */
  idleMs: number;
  timer: IdleTimer;
  /** Whether there is a worker to end; no idle period is started when there is none. */
  isRunning(): boolean;
  /** The idle period passed with no job asked for: end the worker. */
  onIdle(): void;
}

/** Runs jobs one after another; the idle period starts when none is left. */
export interface IdleSerialQueue {
  /** Runs `job` after every job asked for before it; a job asked for cancels the idle period. */
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Waits for every job asked for, then cancels the idle period (the service is closing). */
  drain(): Promise<void>;
  /**
   * Ends the idle period now (`onIdle`) when no job is asked for or running, so the worker goes
   * at once; with a job pending it does nothing, and that job's idle period runs as usual.
   */
  idleNow(): void;
}

export function createIdleSerialQueue(options: IdleSerialQueueOptions): IdleSerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  /** Jobs asked for and not yet settled; the idle period starts when this drops to zero. */
  let pending = 0;
  let idleHandle: unknown = null;

  function cancelIdle(): void {
    if (idleHandle !== null) options.timer.clearTimeout(idleHandle);
    idleHandle = null;
  }

  function scheduleIdle(): void {
    cancelIdle();
    if (!options.isRunning()) return;
    idleHandle = options.timer.setTimeout(() => {
      idleHandle = null;
      // A job may have been asked for since: it keeps the worker.
      if (pending === 0) options.onIdle();
    }, options.idleMs);
  }

  return {
    run(job) {
      pending += 1;
      cancelIdle();
      // The idle period is scheduled before the caller sees the result.
      const result = tail.then(job).finally(() => {
        pending -= 1;
        if (pending === 0) scheduleIdle();
      });
      tail = result.catch(() => undefined);
      return result;
    },
    async drain() {
      await tail;
      cancelIdle();
    },
    idleNow() {
      if (pending > 0 || !options.isRunning()) return;
      cancelIdle();
      options.onIdle();
    },
  };
}
