// The throttle behind the engine's folders.changed event and the status event. Found by a bench
// run: a stage stopping after the engine's stop() began reported a folder change, the re-armed
// timer read the folder list from the closed history, and "The database connection is not open"
// ended the process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClosableThrottle } from '../../../../src-main/core/events/closable-throttle.ts';

test('requests within the spacing make one run, the next spell another', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let runs = 0;
  const throttle = createClosableThrottle(() => (runs += 1), 250);
  throttle.request();
  throttle.request();
  t.mock.timers.tick(249);
  assert.equal(runs, 0, 'not before the spacing');
  throttle.request();
  t.mock.timers.tick(1);
  assert.equal(runs, 1, 'three requests, one run');
  throttle.request();
  t.mock.timers.tick(250);
  assert.equal(runs, 2);
  throttle.close();
});

test('a request after close never runs: its source may be closed by then', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let historyOpen = true;
  const runs: string[] = [];
  const throttle = createClosableThrottle(() => {
    // What better-sqlite3 throws once the engine has closed the history.
    if (!historyOpen) throw new TypeError('The database connection is not open');
    runs.push('listed');
  }, 250);
  throttle.request();
  throttle.close();
  historyOpen = false;
  // A stage that stops after close still reports a change (the queue putting a row back).
  throttle.request();
  // Nothing can be awaited for a run that must not come: four spacings pass instead.
  assert.doesNotThrow(() => t.mock.timers.tick(1_000));
  assert.deepEqual(runs, []);
});
