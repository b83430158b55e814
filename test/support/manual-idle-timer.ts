// An idle timer the test fires by hand (the services' injectable IdleTimer): it records what was
// scheduled, so "ended after the idle period" is a moment the test chooses, not a sleep.

/** A manual idle timer: `scheduled` holds what is pending; `fireAll` runs it as if time passed. */
export function manualIdleTimer() {
  const scheduled = new Map<number, { callback: () => void; delayMs: number }>();
  let next = 1;
  return {
    scheduled,
    timer: {
      setTimeout(callback: () => void, delayMs: number): unknown {
        const handle = next++;
        scheduled.set(handle, { callback, delayMs });
        return handle;
      },
      clearTimeout(handle: unknown): void {
        scheduled.delete(handle as number);
      },
    },
    /** Fires every scheduled timer, as if the idle period had passed. */
    fireAll(): void {
      const due = [...scheduled.values()];
      scheduled.clear();
      for (const entry of due) entry.callback();
    },
  };
}
