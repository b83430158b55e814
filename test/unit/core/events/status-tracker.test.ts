import { test } from 'node:test';
import { englishOf, msg } from '../../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import type { StatusSnapshot } from '../../../../src-main/contract/domain.ts';
import { createQueueHolds } from '../../../../src-main/core/queue/queue-holds.ts';
import { createStatusTracker } from '../../../../src-main/core/events/status-tracker.ts';
import type { StateCounts } from '../../../../src-main/core/store/history-repository.ts';

function counts(overrides: Partial<StateCounts> = {}): StateCounts {
  return {
    detected: 0,
    waiting_stability: 0,
    ready: 0,
    uploading: 0,
    uploaded: 0,
    archived: 0,
    failed: 0,
    duplicate: 0,
    unconfirmed: 0,
    held: 0,
    split: 0,
    bundling: 0,
    ...overrides,
  };
}

test('the most pressing reason wins: storage, then token, pause, scope, offline', () => {
  const holds = createQueueHolds();
  let current = counts({ ready: 3 });
  const tracker = createStatusTracker({
    counts: () => current,
    holds: () => holds,
    runningCount: () => 0,
    emit: () => {},
  });
  assert.equal(tracker.snapshot().state, 'uploading');
  holds.offline = true;
  assert.equal(tracker.snapshot().state, 'offline');
  holds.missingScopes.set('archive_actions', msg('legacy_text', { text: 'needs archive_actions' }));
  const scoped = tracker.snapshot();
  assert.deepEqual(
    [scoped.state, scoped.missingScope, englishOf(scoped.reason)],
    ['scope_missing', 'archive_actions', 'needs archive_actions'],
  );
  holds.pausedByUser = true;
  assert.equal(tracker.snapshot().state, 'paused');
  holds.auth = msg('legacy_text', { text: 'set a token' });
  assert.deepEqual(
    [tracker.snapshot().state, englishOf(tracker.snapshot().reason)],
    ['auth_required', 'set a token'],
  );
  holds.storage = msg('legacy_text', { text: 'disk full' });
  assert.equal(tracker.snapshot().state, 'storage_error');
  assert.equal(tracker.snapshot().pausedByUser, true);

  Object.assign(holds, createQueueHolds());
  current = counts({ archived: 5, uploaded: 2 });
  const idle = tracker.snapshot();
  assert.equal(idle.state, 'idle');
  assert.equal(idle.counts.uploaded, 7);
});

test('the batch counts files since the queue was last empty, and emits once per change', async (t) => {
  // The throttle's timer runs when the test moves time, so "no second event" is checked after it ran.
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const emitted: StatusSnapshot[] = [];
  let firstEmit: () => void = () => {};
  const emittedOnce = new Promise<void>((resolve) => (firstEmit = resolve));
  let current = counts();
  const tracker = createStatusTracker({
    counts: () => current,
    holds: () => createQueueHolds(),
    runningCount: () => 0,
    emit: (snapshot) => {
      emitted.push(snapshot);
      firstEmit();
    },
    throttleMs: 5,
  });
  tracker.reset(0);
  tracker.noteTransition(null, 'waiting_stability');
  tracker.noteTransition(null, 'waiting_stability');
  tracker.noteTransition('waiting_stability', 'ready');
  tracker.noteTransition('ready', 'uploading');
  tracker.noteTransition('uploading', 'uploaded');
  current = counts({ waiting_stability: 1, uploaded: 1 });
  assert.deepEqual(tracker.snapshot().batch, { done: 1, total: 2 });
  tracker.noteTransition('waiting_stability', null);
  assert.deepEqual(
    tracker.snapshot().batch,
    { done: 1, total: 1 },
    'a forgotten file leaves the batch',
  );

  // The queue emptied: the next file starts a new batch.
  tracker.noteTransition(null, 'ready');
  assert.deepEqual(tracker.snapshot().batch, { done: 0, total: 1 });
  t.mock.timers.tick(5);
  await emittedOnce;
  assert.equal(emitted.length, 1, 'changes within the throttle window make one event');
  tracker.changed();
  // Nothing can be awaited for an event that must not come: four throttle windows pass instead.
  t.mock.timers.tick(20);
  assert.equal(emitted.length, 1, 'an unchanged snapshot is not sent again');
  tracker.close();
});

test('a change reported after close is not emitted: the history may be closed by then', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let historyOpen = true;
  const emitted: StatusSnapshot[] = [];
  const tracker = createStatusTracker({
    counts: () => {
      // What better-sqlite3 throws once the engine has closed the history.
      if (!historyOpen) throw new TypeError('The database connection is not open');
      return counts();
    },
    holds: () => createQueueHolds(),
    runningCount: () => 0,
    emit: (snapshot) => emitted.push(snapshot),
  });
  tracker.close();
  // The engine's stop goes on after closing the tracker: the session and the storage guard
  // release their holds, which reports a change.
  tracker.changed();
  historyOpen = false;
  assert.doesNotThrow(() => t.mock.timers.tick(1_000));
  assert.deepEqual(emitted, []);
});

test('held files (waiting for the user’s choice) are counted apart from failed ones', () => {
  const tracker = createStatusTracker({
    counts: () => counts({ failed: 1, held: 2, archived: 3 }),
    holds: () => createQueueHolds(),
    runningCount: () => 0,
    emit: () => {},
  });
  const { counts: shown, state } = tracker.snapshot();
  assert.equal(state, 'idle');
  assert.deepEqual([shown.failed, shown.held, shown.uploaded], [1, 2, 3]);
});

test('files waiting in a scan session count as pending: the status is not idle while they wait (#19)', () => {
  const tracker = createStatusTracker({
    counts: () => counts({ bundling: 3 }),
    holds: () => createQueueHolds(),
    runningCount: () => 0,
    emit: () => undefined,
  });
  const snapshot = tracker.snapshot();
  assert.equal(snapshot.counts.pending, 3);
  assert.equal(snapshot.state, 'uploading');
});
