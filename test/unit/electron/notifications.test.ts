import { test } from 'node:test';
import { msg } from '../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import {
  createNotificationRules,
  summarizeNotifications,
} from '../../../src-main/electron/notification-rules.ts';
import {
  createNotificationThrottle,
  type NotificationKind,
  type ShellNotification,
  type ThrottleClock,
} from '../../../src-main/electron/notification-throttle.ts';
import { shellText } from '../../../src-main/electron/shell-text.ts';
import { status } from './fakes.ts';

const en = shellText('en');

/** A clock the test moves by hand; timers fire when it passes their time. */
function manualClock(): ThrottleClock & { advance(ms: number): void; pending(): number } {
  let now = 1_000_000;
  let timers: Array<{ at: number; callback: () => void; handle: number }> = [];
  let nextHandle = 1;
  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const handle = nextHandle++;
      timers.push({ at: now + delayMs, callback, handle });
      return handle;
    },
    clearTimeout(handle) {
      timers = timers.filter((timer) => timer.handle !== handle);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.callback();
    },
    pending: () => timers.length,
  };
}

const intervals: Record<NotificationKind, number> = {
  batch_done: 60_000,
  file_refused: 300_000,
  token_problem: 1_800_000,
};

function setup() {
  const clock = manualClock();
  const shown: ShellNotification[] = [];
  const throttle = createNotificationThrottle({
    show: (notification) => shown.push(notification),
    summarize: (kind, held) => summarizeNotifications(kind, held, en),
    intervalsMs: intervals,
    clock,
  });
  return { clock, shown, throttle };
}

const refused = (body: string): ShellNotification => ({
  kind: 'file_refused',
  title: en.refusedTitle,
  body,
});

test('the first notification of a kind is shown at once', () => {
  const { shown, throttle } = setup();
  throttle.offer(refused('a.pdf: encrypted'));
  assert.deepEqual(shown, [refused('a.pdf: encrypted')]);
});

test('more of the same kind within the interval are held and shown as one summary', () => {
  const { clock, shown, throttle } = setup();
  throttle.offer(refused('a.pdf'));
  clock.advance(1_000);
  throttle.offer(refused('b.pdf'));
  throttle.offer(refused('c.pdf'));
  throttle.offer(refused('d.pdf'));
  assert.equal(shown.length, 1);
  clock.advance(intervals.file_refused - 1_001);
  assert.equal(shown.length, 1, 'not before the interval is over');
  clock.advance(1);
  assert.deepEqual(shown.at(-1), {
    kind: 'file_refused',
    title: en.refusedTitle,
    body: en.refusedMany(3),
  });
});

test('a single held notification is shown as it is when the interval ends', () => {
  const { clock, shown, throttle } = setup();
  throttle.offer({ kind: 'batch_done', title: 't', body: 'first' });
  throttle.offer({ kind: 'batch_done', title: 't', body: 'second' });
  clock.advance(intervals.batch_done);
  assert.deepEqual(
    shown.map((notification) => notification.body),
    ['first', 'second'],
  );
});

test('kinds are throttled independently', () => {
  const { shown, throttle } = setup();
  throttle.offer(refused('a.pdf'));
  throttle.offer({ kind: 'batch_done', title: 't', body: 'done' });
  assert.equal(shown.length, 2);
});

test('after a quiet interval the next one is shown at once again', () => {
  const { clock, shown, throttle } = setup();
  throttle.offer(refused('a.pdf'));
  clock.advance(intervals.file_refused);
  throttle.offer(refused('b.pdf'));
  assert.equal(shown.length, 2);
});

test('a standing token problem is told once until it is resolved', () => {
  const { clock, shown, throttle } = setup();
  const problem = { kind: 'token_problem' as const, title: 't', body: 'refused' };
  throttle.offer(problem, { problemKey: 'auth_required' });
  throttle.offer(problem, { problemKey: 'auth_required' });
  clock.advance(intervals.token_problem * 3);
  throttle.offer(problem, { problemKey: 'auth_required' });
  assert.equal(shown.length, 1);
  throttle.resolve('token_problem');
  throttle.offer(problem, { problemKey: 'auth_required' });
  assert.equal(shown.length, 2);
});

test('dispose cancels what is held', () => {
  const { clock, shown, throttle } = setup();
  throttle.offer(refused('a.pdf'));
  throttle.offer(refused('b.pdf'));
  assert.equal(clock.pending(), 1);
  throttle.dispose();
  assert.equal(clock.pending(), 0);
  clock.advance(intervals.file_refused);
  assert.equal(shown.length, 1);
});

function entry(id: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    path: `/scans/${id}.pdf`,
    fileName: `${id}.pdf`,
    folderId: null,
    source: 'watch',
    companyNumber: '0123456789',
    destination: { type: 'purchase' },
    state: 'failed',
    kind: 'pdf',
    sizeBytes: 1,
    sha256: null,
    pages: 1,
    uuid: null,
    failure: { code: 'pdf_corrupt', message: msg('legacy_text', { text: 'The PDF is damaged.' }) },
    attempts: 1,
    nextAttemptAt: null,
    archivedPath: null,
    detectedAt: '2026-11-22T08:00:00.000Z',
    updatedAt: '2026-11-22T08:00:00.000Z',
    uploadedAt: null,
    ...overrides,
  };
}

function rulesSetup() {
  const offered: Array<{ notification: ShellNotification; problemKey?: string }> = [];
  const resolved: NotificationKind[] = [];
  const rules = createNotificationRules({
    throttle: {
      offer: (notification, options) => offered.push({ notification, ...options }),
      resolve: (kind) => resolved.push(kind),
      dispose: () => undefined,
    },
    text: () => en,
  });
  return { rules, offered, resolved };
}

test('a batch is announced once when it finishes, not when the app starts on a finished one', () => {
  const { rules, offered } = rulesSetup();
  rules.handleEvent('status', status({ batch: { done: 4, total: 4 } }));
  assert.equal(offered.length, 0);
  rules.handleEvent('status', status({ state: 'uploading', batch: { done: 1, total: 3 } }));
  rules.handleEvent('status', status({ state: 'uploading', batch: { done: 3, total: 3 } }));
  rules.handleEvent('status', status({ batch: { done: 3, total: 3 } }));
  assert.deepEqual(
    offered.map(({ notification }) => notification.kind),
    ['batch_done'],
  );
  assert.equal(offered[0]?.notification.body, en.batchDoneBody(3));
});

test('a refused document is told once per attempt; transient and token failures are not refusals', () => {
  const { rules, offered } = rulesSetup();
  rules.handleEvent('history.changed', {
    entries: [
      entry(1),
      entry(1),
      entry(2, {
        failure: { code: 'transient', message: msg('legacy_text', { text: 'Network down' }) },
      }),
      entry(3, {
        failure: { code: 'auth', message: msg('legacy_text', { text: 'Token refused' }) },
      }),
      entry(4, { state: 'uploaded', failure: null }),
    ],
  });
  rules.handleEvent('history.changed', { entries: [entry(1, { attempts: 2 })] });
  assert.deepEqual(
    offered.map(({ notification }) => notification.body),
    ['1.pdf: The PDF is damaged.', '1.pdf: The PDF is damaged.'],
  );
});

test('a refused token is a standing problem, resolved when uploads run again', () => {
  const { rules, offered, resolved } = rulesSetup();
  rules.handleEvent(
    'status',
    status({
      state: 'auth_required',
      reason: msg('legacy_text', { text: 'Clearfacts refused the token: sign in again.' }),
    }),
  );
  assert.equal(offered[0]?.notification.kind, 'token_problem');
  assert.equal(offered[0]?.notification.body, 'Clearfacts refused the token: sign in again.');
  assert.equal(offered[0]?.problemKey, 'auth_required:');
  rules.handleEvent('status', status({ state: 'idle' }));
  assert.deepEqual(resolved, ['token_problem']);
});
