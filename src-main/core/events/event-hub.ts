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

/** Core's contract events, fanned out to every subscribed transport. */
export interface EventHub {
  /** Adds a listener for every event; returns the function that removes it. */
  subscribe(listener: EventListener): () => void;
  /** Sends an event now. A listener that throws is logged and skipped, never rethrown. */
  emit<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
  /** Gathers a changed history row; sent within `batchWindowMs` as one `history.changed`. */
  historyChanged(entry: HistoryEntry): void;
  /** Sends what is gathered now (before stopping, so no change is dropped). */
  flush(): void;
  /** Drops gathered changes and every listener. */
  close(): void;
}

export function createEventHub(options: EventHubOptions): EventHub {
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
