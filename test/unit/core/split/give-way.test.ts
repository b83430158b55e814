// The split worker waits at its next page while another folder's file is checked or sent
// (give-way.ts): a count in shared memory, raised and lowered by the main thread, woken by
// Atomics.notify. Real threads: the waiting side runs in a worker, as the split worker does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import {
  createGiveWaySignal,
  waitForOtherFiles,
} from '../../../../src-main/core/split/give-way.ts';
import { withDeadline } from '../../../support/waiting.ts';

const giveWayModule = new URL('../../../../src-main/core/split/give-way.ts', import.meta.url).href;

/**
 * A worker that says "waiting", then waits as the split worker does and posts how long, in ms.
 * It imports give-way.ts itself, so what is tested is the module's own Atomics.wait.
 */
function waitingWorker(memory: SharedArrayBuffer, maxWaitMs: number): Worker {
  const source = `
    import { parentPort, workerData } from 'node:worker_threads';
    const { waitForOtherFiles } = await import(${JSON.stringify(giveWayModule)});
    parentPort.postMessage('waiting');
    parentPort.postMessage(waitForOtherFiles(workerData));
  `;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
    workerData: { memory, maxWaitMs },
  });
}

test('with no other file under way the worker does not wait at all', () => {
  const signal = createGiveWaySignal();
  assert.equal(waitForOtherFiles({ memory: signal.memory, maxWaitMs: 60_000 }), 0);
  signal.otherFileBegan()();
  assert.equal(
    waitForOtherFiles({ memory: signal.memory, maxWaitMs: 60_000 }),
    0,
    'a file whose send ended holds nothing',
  );
});

test('a file under way holds the worker until the cap', () => {
  const signal = createGiveWaySignal();
  signal.otherFileBegan();
  const waited = waitForOtherFiles({ memory: signal.memory, maxWaitMs: 40 });
  assert.ok(waited >= 40, `waited ${waited} ms, the cap is 40`);
});

test('the end of the last file under way wakes the waiting worker at once', async () => {
  const signal = createGiveWaySignal();
  const first = signal.otherFileBegan();
  const second = signal.otherFileBegan();
  // A cap no test outlives: only the notify can end this wait before the test's deadline.
  const worker = waitingWorker(signal.memory, 3_600_000);
  const messages: unknown[] = [];
  const answered = new Promise<number>((resolve, reject) => {
    worker.on('message', (message: unknown) => {
      messages.push(message);
      if (typeof message === 'number') resolve(message);
    });
    worker.on('error', reject);
  });
  try {
    await withDeadline(
      'the worker to start waiting',
      new Promise<void>((resolve) => worker.once('message', () => resolve())),
      { timeoutMs: 60_000 },
    );
    // Not an assertion that nothing happens: time for the worker to be inside Atomics.wait, so
    // that the wake-up below is the notify's and not a check made before it.
    await delay(500);
    first();
    first();
    second();
    const waited = await withDeadline(
      'the worker to stop waiting after both files ended',
      answered,
      {
        timeoutMs: 60_000,
      },
    );
    assert.ok(waited > 0, 'the worker was waiting when the files ended');
    assert.ok(waited < 3_600_000);
    assert.equal(messages.length, 2);
  } finally {
    await worker.terminate();
  }
});

test('ending one file twice lowers the count once: the other file still holds the worker', () => {
  const signal = createGiveWaySignal();
  const first = signal.otherFileBegan();
  signal.otherFileBegan();
  first();
  first();
  const waited = waitForOtherFiles({ memory: signal.memory, maxWaitMs: 30 });
  assert.ok(waited >= 30, `waited ${waited} ms: the second file is still under way`);
});

test("the main thread's wait ends at once with no file under way, when the last one ends, or at the cap", async () => {
  const signal = createGiveWaySignal();
  assert.equal(await signal.noOtherFile(3_600_000), 0);
  const first = signal.otherFileBegan();
  const second = signal.otherFileBegan();
  let settled = false;
  const waiting = signal.noOtherFile(3_600_000).then((waited) => {
    settled = true;
    return waited;
  });
  first();
  await Promise.resolve();
  assert.equal(settled, false, 'one file is still under way');
  second();
  await withDeadline('the wait to end when the last file ended', waiting, { timeoutMs: 60_000 });
  const third = signal.otherFileBegan();
  const waited = await withDeadline('the wait to end at its cap', signal.noOtherFile(30), {
    timeoutMs: 60_000,
  });
  assert.ok(waited >= 29, `waited ${waited} ms, the cap is 30`);
  third();
});
