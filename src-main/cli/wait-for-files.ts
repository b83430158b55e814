// Follows a set of files through the running engine until each one has an outcome, or until the
// queue is blocked in a way only the user can fix (no token, a missing scope, a failing disk).
import type { HistoryEntry, StatusSnapshot } from '../contract/domain.ts';
import { ACTIVE_STATES, type Engine } from '../core/index.ts';

const BLOCKING: readonly StatusSnapshot['state'][] = [
  'auth_required',
  'scope_missing',
  'storage_error',
];

export interface WaitOutcome {
  finished: HistoryEntry[];
  /** Set when the queue stopped for a reason the user must fix; the rest stays queued. */
  blocked: StatusSnapshot | null;
}

export function isFinished(entry: HistoryEntry): boolean {
  return !ACTIVE_STATES.includes(entry.state);
}

export async function waitForFiles(
  engine: Engine,
  ids: readonly number[],
  onFinished: (entry: HistoryEntry) => void,
  onProgress: (entry: HistoryEntry) => void = () => {},
): Promise<WaitOutcome> {
  const waiting = new Set(ids);
  const finished: HistoryEntry[] = [];
  let resolveBlocked: (status: StatusSnapshot) => void = () => {};
  let resolveDone: () => void = () => {};
  const blocked = new Promise<StatusSnapshot>((resolve) => (resolveBlocked = resolve));
  const done = new Promise<void>((resolve) => (resolveDone = resolve));

  function take(entry: HistoryEntry): void {
    if (!waiting.has(entry.id)) return;
    if (!isFinished(entry)) {
      onProgress(entry);
      return;
    }
    waiting.delete(entry.id);
    finished.push(entry);
    onFinished(entry);
    if (waiting.size === 0) resolveDone();
  }

  const unsubscribe = engine.subscribe((channel, payload) => {
    if (channel === 'history.changed') {
      for (const entry of (payload as { entries: HistoryEntry[] }).entries) take(entry);
    } else if (channel === 'status') {
      const status = payload as StatusSnapshot;
      if (BLOCKING.includes(status.state)) resolveBlocked(status);
    }
  });
  try {
    // Files may have finished before the subscription, or be blocked already.
    const { rows } = await engine.handlers['history.query']({
      filter: {},
      offset: 0,
      limit: 1_000,
    });
    for (const row of rows) take(row);
    const status = await engine.handlers['status.get']({});
    if (BLOCKING.includes(status.state)) resolveBlocked(status);
    if (waiting.size === 0) return { finished, blocked: null };
    const outcome = await Promise.race([done.then(() => null), blocked]);
    return { finished, blocked: outcome };
  } finally {
    unsubscribe();
  }
}
