// Waiting in tests. A test waits for the code under test to report something (an event, a
// callback, a process line), never for the clock; a deadline only turns a hang into a failure
// that names what never came, instead of a suite that sits there until its global timeout.

// Taken at load: a test that mocks the timers (node:test's mock.timers) must not freeze deadlines.
const {
  setTimeout: realSetTimeout,
  clearTimeout: realClearTimeout,
  setInterval: realSetInterval,
  clearInterval: realClearInterval,
} = globalThis;

/** Long enough for a loaded 2-core machine; only reached when something is really stuck. */
export const WAIT_DEADLINE_MS = 120_000;

export interface WaitOptions {
  /** How long before the wait fails; WAIT_DEADLINE_MS by default. */
  timeoutMs?: number;
  /** What the test saw so far (the latest status, the rows), added to the failure. */
  detail?: () => string;
}

function failure(sentence: string, detail: (() => string) | undefined): Error {
  return new Error(detail === undefined ? sentence : `${sentence}; ${detail()}`);
}

function timedOut(what: string, timeoutMs: number, detail?: () => string): Error {
  return failure(`timed out after ${timeoutMs} ms waiting for ${what}`, detail);
}

/**
 * Settles as `work` does, or rejects naming `what` once the deadline passes. For a single promise
 * (a process exit, an upload arriving); conditions re-checked at events use a WaitList.
 */
export function withDeadline<T>(
  what: string,
  work: Promise<T>,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? WAIT_DEADLINE_MS;
  let timer: ReturnType<typeof realSetTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = realSetTimeout(() => reject(timedOut(what, timeoutMs, options.detail)), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => realClearTimeout(timer));
}

/** Conditions that the owner re-checks whenever the code under test reports something. */
export interface WaitList {
  /**
   * Resolves with the first value other than undefined that `probe` returns, now or at a later
   * `wake()`; rejects when `probe` throws, at `abandon`, or when the deadline passes.
   */
  until<T>(what: string, probe: () => T | undefined, options?: WaitOptions): Promise<T>;
  /** Something happened: re-check every pending wait. */
  wake(): void;
  /**
   * Nothing more can happen (the process ended): every pending wait fails with `reason`, what it
   * waited for and its detail.
   */
  abandon(reason: string): void;
  /**
   * Drops every pending wait without settling it, with its deadline: for a harness being closed,
   * so a wait the test gave up on (the loser of a race) does not keep the process alive.
   */
  cancel(): void;
}

interface PendingWait {
  what: string;
  detail: (() => string) | undefined;
  /** Settles the wait and returns true when its condition holds. */
  check(): boolean;
  fail(error: unknown): void;
  timer: ReturnType<typeof realSetTimeout>;
}

export interface WaitListOptions {
  /**
   * Also re-check every this many ms while a wait is pending: for conditions on state that no
   * event announces (a folder on disk, what the emulator received). Events only by default.
   */
  recheckMs?: number;
}

export function createWaitList(listOptions: WaitListOptions = {}): WaitList {
  const pending = new Set<PendingWait>();
  let recheck: ReturnType<typeof realSetInterval> | undefined;

  function settle(wait: PendingWait): void {
    pending.delete(wait);
    realClearTimeout(wait.timer);
    if (pending.size === 0 && recheck !== undefined) {
      realClearInterval(recheck);
      recheck = undefined;
    }
  }

  function wake(): void {
    for (const wait of [...pending]) {
      try {
        wait.check();
      } catch (error) {
        wait.fail(error);
      }
    }
  }

  return {
    until<T>(what: string, probe: () => T | undefined, options: WaitOptions = {}): Promise<T> {
      try {
        const now = probe();
        if (now !== undefined) return Promise.resolve(now);
      } catch (error) {
        return Promise.reject(error);
      }
      const timeoutMs = options.timeoutMs ?? WAIT_DEADLINE_MS;
      return new Promise<T>((resolve, reject) => {
        const wait: PendingWait = {
          what,
          detail: options.detail,
          check() {
            const found = probe();
            if (found === undefined) return false;
            settle(wait);
            resolve(found);
            return true;
          },
          fail(error) {
            settle(wait);
            reject(error);
          },
          timer: realSetTimeout(
            () => wait.fail(timedOut(what, timeoutMs, options.detail)),
            timeoutMs,
          ),
        };
        pending.add(wait);
        if (listOptions.recheckMs !== undefined) {
          recheck ??= realSetInterval(wake, listOptions.recheckMs);
        }
      });
    },
    wake,
    abandon(reason) {
      for (const wait of [...pending]) {
        wait.fail(failure(`${reason} before ${wait.what}`, wait.detail));
      }
    },
    cancel() {
      for (const wait of [...pending]) settle(wait);
    },
  };
}
