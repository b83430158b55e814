// A clock the test moves by hand, for code that takes one (the readiness gate). A timer runs only
// when the test says so, so "two windows passed and the file is still held" is a fact the test
// established, not a sleep that a loaded machine may not have used.
import type { ReadinessClock } from '../../src-main/core/intake/readiness-gate.ts';
import { createWaitList } from './waiting.ts';

export interface ManualClock extends ReadinessClock {
  /**
   * Moves time to the earliest pending timer and runs it, then resolves once the code under test
   * has set a timer again (its "checked, not yet: later") or `outcome` has settled. Does nothing
   * once an `outcome` it was given has settled. Fails naming `what` when no timer is pending, or
   * when neither happens before the deadline.
   */
  step(what: string, outcome?: Promise<unknown>): Promise<void>;
}

interface Timer {
  dueAt: number;
  callback: () => void;
}

export function createManualClock(): ManualClock {
  let now = 0;
  let lastHandle = 0;
  let timersSet = 0;
  const timers = new Map<number, Timer>();
  const waits = createWaitList();
  const settledOutcomes = new WeakSet<Promise<unknown>>();

  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      lastHandle += 1;
      timers.set(lastHandle, { dueAt: now + Math.max(0, delayMs), callback });
      timersSet += 1;
      waits.wake();
      return lastHandle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async step(what, outcome) {
      if (outcome !== undefined && settledOutcomes.has(outcome)) return;
      let earliest: [number, Timer] | undefined;
      for (const entry of timers) {
        if (earliest === undefined || entry[1].dueAt < earliest[1].dueAt) earliest = entry;
      }
      if (earliest === undefined) throw new Error(`no timer is pending for ${what}`);
      const [handle, timer] = earliest;
      timers.delete(handle);
      now = Math.max(now, timer.dueAt);
      const setBefore = timersSet;
      let settled = false;
      const done = () => {
        if (outcome !== undefined) settledOutcomes.add(outcome);
        settled = true;
        waits.wake();
      };
      outcome?.then(done, done);
      timer.callback();
      await waits.until(what, () => (settled || timersSet > setBefore ? true : undefined));
    },
  };
}
