// Follows a set of files through the running engine until each one has an outcome, or until the
// queue is blocked in a way only the user can fix (no token, a missing scope, a failing disk), or
// until the engine, when it runs in another process, goes away.
import type { HistoryEntry, StatusSnapshot } from '../contract/domain.ts';
import type { ControlEndMessage } from '../contract/messages/message.ts';
import { ACTIVE_STATES, type EngineApi } from '../core/index.ts';

const BLOCKING: readonly StatusSnapshot['state'][] = [
  'auth_required',
  'scope_missing',
  'storage_error',
];

export interface WaitOutcome {
  finished: HistoryEntry[];
  /** Set when the queue stopped for a reason the user must fix; the rest stays queued. */
  blocked: StatusSnapshot | null;
  /** Set when `gone` settled first: why the engine is no longer there. */
  lost: ControlEndMessage | null;
}

export function isFinished(entry: HistoryEntry): boolean {
  return !ACTIVE_STATES.includes(entry.state);
}

export async function waitForFiles(
  engine: EngineApi,
  ids: readonly number[],
  onFinished: (entry: HistoryEntry) => void,
  onProgress: (entry: HistoryEntry) => void = () => {},
  /** An engine of another process: resolves with why when its connection ends. */
  gone: Promise<ControlEndMessage> = new Promise(() => {}),
  /** When an entry counts as finished (a batch waiting to be settled: until it leaves `split`). */
  done: (entry: HistoryEntry) => boolean = isFinished,
): Promise<WaitOutcome> {
  const waiting = new Set(ids);
  const finished: HistoryEntry[] = [];
  let resolveBlocked: (status: StatusSnapshot) => void = () => {};
  let resolveDone: () => void = () => {};
  const blocked = new Promise<StatusSnapshot>((resolve) => (resolveBlocked = resolve));
  const allDone = new Promise<void>((resolve) => (resolveDone = resolve));

  function take(entry: HistoryEntry): void {
    if (!waiting.has(entry.id)) return;
    if (!done(entry)) {
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
    } catch (error) {
      // A call cut short by the connection ending: `gone` settled with it, so it wins this race.
      const reason = await Promise.race([gone, Promise.resolve(null)]);
      if (reason === null) throw error;
      return { finished, blocked: null, lost: reason };
    }
    if (waiting.size === 0) return { finished, blocked: null, lost: null };
    return await Promise.race([
      allDone.then(() => ({ finished, blocked: null, lost: null })),
      blocked.then((status) => ({ finished, blocked: status, lost: null })),
      gone.then((reason) => ({ finished, blocked: null, lost: reason })),
    ]);
  } finally {
    unsubscribe();
  }
}
