// Native notifications for an app that runs all day must not nag: each kind is shown at most
// once per interval, and what arrives in between is folded into one summary shown when the
// interval ends ("5 documents were refused"). A standing problem (the token refused) is told
// once until it is resolved, however often core repeats it.

export type NotificationKind = 'batch_done' | 'file_refused' | 'token_problem';

export interface ShellNotification {
  kind: NotificationKind;
  title: string;
  body: string;
}

export interface ThrottleClock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface NotificationThrottleOptions {
  show(notification: ShellNotification): void;
  /** Folds several held-back notifications of one kind into one. */
  summarize(kind: NotificationKind, held: readonly ShellNotification[]): ShellNotification;
  intervalsMs: Record<NotificationKind, number>;
  clock: ThrottleClock;
}

export const DEFAULT_INTERVALS_MS: Record<NotificationKind, number> = {
  batch_done: 60_000,
  file_refused: 5 * 60_000,
  token_problem: 30 * 60_000,
};

export interface NotificationThrottle {
  offer(notification: ShellNotification, options?: { problemKey?: string }): void;
  /** The standing problem is over: the next one is told again at once. */
  resolve(kind: NotificationKind): void;
  dispose(): void;
}

export function createNotificationThrottle(
  options: NotificationThrottleOptions,
): NotificationThrottle {
  const { clock, intervalsMs } = options;
  const lastShownAt = new Map<NotificationKind, number>();
  const held = new Map<NotificationKind, ShellNotification[]>();
  const timers = new Map<NotificationKind, unknown>();
  const standingProblems = new Map<NotificationKind, string>();

  function showNow(notification: ShellNotification): void {
    lastShownAt.set(notification.kind, clock.now());
    options.show(notification);
  }

  function flush(kind: NotificationKind): void {
    timers.delete(kind);
    const pending = held.get(kind) ?? [];
    held.delete(kind);
    if (pending.length === 0) return;
    const [only] = pending;
    showNow(pending.length === 1 && only !== undefined ? only : options.summarize(kind, pending));
  }

  return {
    offer(notification, offerOptions = {}) {
      const { kind } = notification;
      const { problemKey } = offerOptions;
      if (problemKey !== undefined) {
        if (standingProblems.get(kind) === problemKey) return;
        standingProblems.set(kind, problemKey);
      }
      const last = lastShownAt.get(kind);
      const now = clock.now();
      if (last === undefined || now - last >= intervalsMs[kind]) {
        if (!timers.has(kind)) {
          showNow(notification);
          return;
        }
      }
      held.set(kind, [...(held.get(kind) ?? []), notification]);
      if (!timers.has(kind)) {
        const wait = Math.max(0, (last ?? now) + intervalsMs[kind] - now);
        timers.set(
          kind,
          clock.setTimeout(() => flush(kind), wait),
        );
      }
    },
    resolve(kind) {
      standingProblems.delete(kind);
      lastShownAt.delete(kind);
    },
    dispose() {
      for (const handle of timers.values()) clock.clearTimeout(handle);
      timers.clear();
      held.clear();
    },
  };
}
