// Fans core's events out to every transport. History changes are gathered for a short window and
// sent as one `history.changed` (the latest version of each row, in the order they changed), so
// a batch of 2,000 files costs the UI a few dozen messages, not tens of thousands.
import type { EventChannel, EventListener, EventOf } from '../../contract/api-contract.ts';
import type { HistoryEntry } from '../../contract/domain.ts';
import type { Logger } from '../logging/logger.ts';

export interface EventHubOptions {
  logger: Logger;
  /** How long history changes are gathered before they are sent. */
  batchWindowMs?: number;
  /** Called just before a batch of history changes goes out (status follows history). */
  beforeFlush?: () => void;
}

export function createEventHub(options: EventHubOptions) {
  const listeners = new Set<EventListener>();
  const pending = new Map<number, HistoryEntry>();
  let flushTimer: NodeJS.Timeout | null = null;

  function emit<E extends EventChannel>(channel: E, payload: EventOf<E>): void {
    for (const listener of listeners) {
      try {
        listener(channel, payload);
      } catch (error) {
        // One broken subscriber (a closed window) must not stop the others or the engine.
        options.logger.error('An event listener failed', { channel, error: String(error) });
      }
    }
  }

  function flush(): void {
    flushTimer = null;
    options.beforeFlush?.();
    if (pending.size === 0) return;
    const entries = [...pending.values()];
    pending.clear();
    emit('history.changed', { entries });
  }

  return {
    subscribe(listener: EventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    emit,

    historyChanged(entry: HistoryEntry): void {
      // Re-inserting keeps the order of the latest change.
      pending.delete(entry.id);
      pending.set(entry.id, entry);
      flushTimer ??= setTimeout(flush, options.batchWindowMs ?? 50);
    },

    /** Sends what is gathered now (before stopping, so no change is dropped). */
    flush(): void {
      if (flushTimer) clearTimeout(flushTimer);
      flush();
    },

    close(): void {
      if (flushTimer) clearTimeout(flushTimer);
      flushTimer = null;
      pending.clear();
      listeners.clear();
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
