// The split worker gives way to other folders' files (issue #17: "a 200-page batch does not block
// other folders' uploads"). Below the engine's priority (thread-priority.ts) it still shares the
// machine's caches, memory bandwidth and, on 2 cores, V8's helper threads with the thread checking
// a small file: in the bench, a file in another folder then took 3 to 25 ms longer at the p95.
// So while such a file is being checked or sent (tens of milliseconds), the worker waits at its
// next page instead. The count lives in shared memory: the worker is busy decoding pages and
// would read a message only after the batch.
import { z } from 'zod';

/**
 * The most the worker waits at one page, in ms. Files that keep arriving (an accountant's drop of
 * a thousand) must not stop a batch: with this cap, a 200-page batch is at most 50 s slower,
 * far within the split's 10-minute budget (split-service.ts).
 */
export const MAX_GIVE_WAY_MS_PER_PAGE = 250;

/** The main thread's side: how many files the worker gives way to are being checked or sent. */
export interface GiveWaySignal {
  /** One Int32 with that count, shared with the split worker (in its workerData). */
  readonly memory: SharedArrayBuffer;
  /**
   * Such a file's check began; the returned function says its send ended (a second call does
   * nothing). The queue calls it for every file that is neither a batch to split nor its part.
   */
  otherFileBegan(): () => void;
  /**
   * The main thread's own wait, for work it does for a batch beside other files (reading the
   * cut parts back in the check's worker, which checks those files too): resolves once no such
   * file is under way, or after `maxWaitMs`, with how long it waited (ms).
   */
  noOtherFile(maxWaitMs: number): Promise<number>;
}

/** A count of zero: the worker runs freely until a file begins. */
export function createGiveWaySignal(): GiveWaySignal {
  const memory = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const count = new Int32Array(memory);
  /** The main thread's waits, woken when the count falls to zero. */
  const waiting = new Set<() => void>();
  return {
    memory,
    otherFileBegan() {
      Atomics.add(count, 0, 1);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        Atomics.sub(count, 0, 1);
        Atomics.notify(count, 0);
        if (Atomics.load(count, 0) > 0) return;
        for (const wake of waiting) wake();
      };
    },
    noOtherFile(maxWaitMs) {
      if (Atomics.load(count, 0) <= 0) return Promise.resolve(0);
      const start = performance.now();
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiting.delete(wake);
          resolve(performance.now() - start);
        };
        const timer = setTimeout(wake, maxWaitMs);
        waiting.add(wake);
      });
    },
  };
}

/** What the split worker gets as its workerData: the shared count and the cap per page (ms). */
export const GiveWayData = z.object({
  memory: z.instanceof(SharedArrayBuffer),
  maxWaitMs: z.number().min(0),
});
export type GiveWayData = z.infer<typeof GiveWayData>;

/**
 * The worker's side: blocks the calling thread (Atomics.wait, woken at once when the count
 * changes) while other files are being checked or sent, for at most `maxWaitMs`. Returns how
 * long it waited, in ms (0 when no such file was under way).
 */
export function waitForOtherFiles({ memory, maxWaitMs }: GiveWayData): number {
  const count = new Int32Array(memory);
  if (Atomics.load(count, 0) <= 0) return 0;
  const start = performance.now();
  for (;;) {
    const running = Atomics.load(count, 0);
    const waited = performance.now() - start;
    if (running <= 0 || waited >= maxWaitMs) return waited;
    Atomics.wait(count, 0, running, maxWaitMs - waited);
  }
}
