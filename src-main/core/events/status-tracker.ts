// The queue's status as the user sees it: one state with the message that explains it, counts,
// and the progress of the current batch. Emitted when it changes, at most every `throttleMs`.
import { msg, type Message } from '../../contract/messages/message.ts';
import type { FileState, StatusSnapshot } from '../../contract/domain.ts';
import { ACTIVE_STATES } from '../store/file-lifecycle.ts';
import type { QueueHolds } from '../queue/queue-holds.ts';
import type { StateCounts } from '../store/history-repository.ts';
import { createClosableThrottle } from './closable-throttle.ts';

export interface StatusTrackerOptions {
  counts: () => StateCounts;
  holds: () => Readonly<QueueHolds>;
  runningCount: () => number;
  emit: (snapshot: StatusSnapshot) => void;
  /** What the user is told of a recent rebuild of the history (open-history.ts), or null. */
  historyRebuilt?: Message | null;
  now?: () => number;
  throttleMs?: number;
}

function isActive(state: FileState | null): boolean {
  return state !== null && ACTIVE_STATES.includes(state);
}

/** The status the user sees, emitted through `emit` when it changes (throttled). */
export interface StatusTracker {
  /** The status now: one state with the message explaining it, counts and batch progress. */
  snapshot(): StatusSnapshot;
  /** Starts counting from what the history holds (after a restart, the unfinished files). */
  reset(activeNow: number): void;
  /**
   * Every write: a file entering the active states grows the batch, one leaving completes it.
   * `next` is null when the row was dropped (it then leaves the batch instead).
   */
  noteTransition(previous: FileState | null, next: FileState | null): void;
  /** Something the snapshot shows changed (a hold, the counts): emit soon. */
  changed(): void;
  /** Cancels a pending emit; changes reported after it are not emitted. */
  close(): void;
}

export function createStatusTracker(options: StatusTrackerOptions): StatusTracker {
  const now = options.now ?? Date.now;
  let activeFiles = 0;
  let batch = { done: 0, total: 0 };
  let lastEmitted = '';

  function snapshot(): StatusSnapshot {
    const counts = options.counts();
    const holds = options.holds();
    // A scan session's files (#19) wait for its quiet window as others wait to be stable.
    const pending = counts.detected + counts.waiting_stability + counts.ready + counts.bundling;
    const [missingScope, scopeReason] = [...holds.missingScopes.entries()][0] ?? [null, null];
    const base = {
      historyRebuilt: options.historyRebuilt ?? null,
      missingScope: null,
      pausedByUser: holds.pausedByUser,
      counts: {
        pending,
        uploading: counts.uploading,
        uploaded: counts.uploaded + counts.archived,
        failed: counts.failed,
        held: counts.held,
        unconfirmed: counts.unconfirmed,
        duplicate: counts.duplicate,
      },
      batch: { ...batch },
    };
    if (holds.storage !== null) return { ...base, state: 'storage_error', reason: holds.storage };
    if (holds.auth !== null) return { ...base, state: 'auth_required', reason: holds.auth };
    if (holds.pausedByUser) {
      return { ...base, state: 'paused', reason: msg('paused_by_user') };
    }
    if (missingScope !== null) {
      return { ...base, state: 'scope_missing', reason: scopeReason, missingScope };
    }
    if (holds.address !== null) {
      // The address answered, but as no GraphQL endpoint: say who answered what.
      return { ...base, state: 'offline', reason: holds.address };
    }
    if (holds.incident !== null) {
      // An outage is being waited out: sending resumes once Clearfacts answers a read.
      return {
        ...base,
        state: 'offline',
        reason: msg('outage_probing', { count: holds.incident.unconfirmed }),
      };
    }
    if (holds.offline) {
      return {
        ...base,
        state: 'offline',
        reason: msg('offline'),
      };
    }
    if (pending + counts.uploading > 0 || options.runningCount() > 0) {
      const slowed = holds.rateLimitedUntil > now();
      return {
        ...base,
        state: 'uploading',
        reason: slowed ? msg('rate_limited_until', { until: holds.rateLimitedUntil }) : null,
      };
    }
    return { ...base, state: 'idle', reason: null };
  }

  function emitNow(): void {
    const current = snapshot();
    const serialized = JSON.stringify(current);
    if (serialized === lastEmitted) return;
    lastEmitted = serialized;
    options.emit(current);
  }

  // Closed by the engine before the history it counts from: changes reported later are dropped.
  const emitThrottle = createClosableThrottle(emitNow, options.throttleMs ?? 100);
  const changed = (): void => emitThrottle.request();

  return {
    snapshot,

    /** Starts counting from what the history holds (after a restart, the unfinished files). */
    reset(activeNow: number): void {
      activeFiles = activeNow;
      batch = { done: 0, total: activeNow };
    },

    /** Every write: a file entering the queue grows the batch, one leaving it completes it. */
    noteTransition(previous: FileState | null, next: FileState | null): void {
      const was = isActive(previous);
      const is = isActive(next);
      if (!was && is) {
        if (activeFiles === 0) batch = { done: 0, total: 0 };
        activeFiles += 1;
        batch.total += 1;
      } else if (was && !is) {
        activeFiles -= 1;
        // A file forgotten (vanished before it was ready) never was part of the work.
        if (next === null) batch.total -= 1;
        else batch.done += 1;
      }
      changed();
    },

    /** Something the snapshot shows changed (a hold, the counts): emit soon. */
    changed,

    close: () => emitThrottle.close(),
  };
}
