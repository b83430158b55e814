// How many files may be past their check at once (deduplicated, converted, sending). The queue
// starts one file more than that, so the next file's check (CPU: hash, type, page count) runs
// while the others upload instead of after them; it then waits here, still `ready` in the
// history, because nothing of it is written until it holds a slot.

/** Gives the slot back; calling it twice gives back one slot. */
export type ReleaseSlot = () => void;

export interface UploadSlots {
  /** A slot, or null when the signal aborted first (the caller then records nothing sent). */
  acquire(signal: AbortSignal): Promise<ReleaseSlot | null>;
}

/** `limit` is asked on every grant, so a changed concurrency setting applies at once. */
export function createUploadSlots(limit: () => number): UploadSlots {
  let inUse = 0;
  const waiters: ((release: ReleaseSlot) => void)[] = [];

  function grant(): ReleaseSlot {
    inUse += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inUse -= 1;
      drain();
    };
  }

  function drain(): void {
    while (inUse < limit()) {
      const next = waiters.shift();
      if (next === undefined) return;
      next(grant());
    }
  }

  return {
    acquire(signal) {
      if (signal.aborted) return Promise.resolve(null);
      return new Promise((resolve) => {
        const waiter = (release: ReleaseSlot) => {
          signal.removeEventListener('abort', onAbort);
          resolve(release);
        };
        const onAbort = () => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          resolve(null);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
        drain();
      });
    },
  };
}
