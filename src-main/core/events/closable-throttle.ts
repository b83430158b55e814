// One pending run at a time, at most every `spacingMs`, that stops for good at close. The engine
// closes the history after its event emitters and its stages go on reporting changes while they
// stop; a run after that would read a closed database and throw from a timer, ending the process.

/** A throttled action that can be closed. */
export interface ClosableThrottle {
  /** Runs the action `spacingMs` from now unless a run is already pending; nothing after close. */
  request(): void;
  /** Cancels a pending run; requests after it are ignored. */
  close(): void;
}

/**
 * Throttles `action` to one run per `spacingMs` (ms) after the first request of a quiet spell.
 * `action` runs on a timer: whatever it throws is not caught here, so it must not throw once its
 * sources are closed — which is why close() exists.
 */
export function createClosableThrottle(action: () => void, spacingMs: number): ClosableThrottle {
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  return {
    request(): void {
      if (closed) return;
      timer ??= setTimeout(() => {
        timer = null;
        action();
      }, spacingMs);
    },
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
