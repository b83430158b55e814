// Watches over writes to the history. When the disk under it fails (full, read-only, locked),
// the guard records why, probes until writes work again, and lets waiting writers retry, so the
// queue pauses instead of losing what it was about to record.
import type { Message } from '../../contract/messages/message.ts';
import { renderMessage } from '../../contract/messages/render-message.ts';
import type { Logger } from '../logging/logger.ts';

/** The history cannot be written; `reason` says why, as a Message (`message` is its English). */
export class StorageUnavailableError extends Error {
  readonly reason: Message;
  constructor(reason: Message) {
    super(renderMessage(reason, 'en'));
    this.name = 'StorageUnavailableError';
    this.reason = reason;
  }
}

export interface StorageGuardOptions {
  /** A small real write: succeeds once the database accepts writes again. */
  probe: () => void;
  /** What a storage fault is, or null when the error is something else (a bug). */
  describe: (error: unknown) => Message | null;
  recheckMs: number;
  logger: Logger;
  /** Called when the guard enters or leaves the fault state. */
  onChange: (fault: Message | null) => void;
}

/**
 * Guards every write to the history against a failing disk. While a fault lasts, writes are
 * refused with StorageUnavailableError and the guard probes every `recheckMs` until they work.
 */
export interface StorageGuard {
  /** What is wrong with the storage now; null while writes work. */
  fault(): Message | null;
  /**
   * Runs a write now and returns its result. Throws StorageUnavailableError while a fault lasts
   * or when this write hits one (which starts the fault); any other error is rethrown as is.
   */
  write<T>(operation: () => T): T;
  /**
   * Runs a write that must not be lost (a uuid just received): waits out a fault and retries.
   * Rejects only with a non-storage error, or with `signal`'s reason once it aborts.
   */
  persist<T>(operation: () => T, signal?: AbortSignal): Promise<T>;
  /** Resolves once writes work (at once when they do); rejects with `signal`'s reason on abort. */
  whenWritable(signal?: AbortSignal): Promise<void>;
  /** Stops probing; waiting writers stay waiting. */
  close(): void;
}

export function createStorageGuard(options: StorageGuardOptions): StorageGuard {
  let fault: Message | null = null;
  let probeTimer: NodeJS.Timeout | null = null;
  let waiters: (() => void)[] = [];

  function recovered(): void {
    fault = null;
    if (probeTimer) clearInterval(probeTimer);
    probeTimer = null;
    options.logger.info('The history database accepts writes again; the queue resumes');
    const released = waiters;
    waiters = [];
    for (const release of released) release();
    options.onChange(null);
  }

  function enterFault(reason: Message, error: unknown): void {
    if (fault !== null) return;
    fault = reason;
    options.logger.error('The history database cannot be written; the queue is paused', {
      reason: renderMessage(reason, 'en'),
      error: error instanceof Error ? error.message : String(error),
    });
    probeTimer = setInterval(() => {
      try {
        options.probe();
        recovered();
      } catch {
        // Still failing: the next probe tries again.
      }
    }, options.recheckMs);
    options.onChange(reason);
  }

  const guard = {
    fault(): Message | null {
      return fault;
    },

    /** Runs a write now; a storage fault pauses the queue and is rethrown as such. */
    write<T>(operation: () => T): T {
      if (fault !== null) throw new StorageUnavailableError(fault);
      try {
        return operation();
      } catch (error) {
        const reason = options.describe(error);
        if (reason === null) throw error;
        enterFault(reason, error);
        throw new StorageUnavailableError(reason);
      }
    },

    /** Runs a write that must not be lost (a uuid just received): waits out a fault and retries. */
    async persist<T>(operation: () => T, signal?: AbortSignal): Promise<T> {
      for (;;) {
        try {
          return guard.write(operation);
        } catch (error) {
          if (!(error instanceof StorageUnavailableError)) throw error;
          await guard.whenWritable(signal);
        }
      }
    },

    whenWritable(signal?: AbortSignal): Promise<void> {
      if (fault === null) return Promise.resolve();
      return new Promise((resolve, reject) => {
        signal?.throwIfAborted();
        const release = () => resolve();
        waiters.push(release);
        signal?.addEventListener(
          'abort',
          () => {
            waiters = waiters.filter((waiter) => waiter !== release);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },

    close(): void {
      if (probeTimer) clearInterval(probeTimer);
      probeTimer = null;
    },
  };
  return guard;
}
