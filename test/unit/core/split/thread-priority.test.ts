// The split threads give way to the engine's own (issue #17): the thread that lowers itself gets
// nice 10 and SCHED_IDLE, as util-linux's chrt and the kernel's /proc report it, and the other
// threads of the process keep theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createIdleScheduling } from '../../../../src-main/core/split/thread-priority.ts';
import { SYSTEM_TOOL_ENVIRONMENT } from '../../../../src-main/core/system-tool-environment.ts';

const moduleUrl = pathToFileURL(
  path.resolve(import.meta.dirname, '../../../../src-main/core/split/thread-priority.ts'),
).href;

const hasChrt = (() => {
  try {
    execFileSync('chrt', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** What chrt says of a thread's policy, e.g. "SCHED_IDLE". */
function policyOf(threadId: number): string {
  const said = execFileSync('chrt', ['--pid', String(threadId)], { encoding: 'utf8' });
  return /policy: (\w+)/.exec(said)?.[1] ?? said;
}

/**
 * The kernel's nice value of one thread of this process (field 19 of its /proc stat line; ps
 * prints "-" for a thread that is not SCHED_OTHER).
 */
function niceOf(threadId: number): number {
  const stat = readFileSync(`/proc/${process.pid}/task/${threadId}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

test(
  'a thread that lowers itself runs at nice 10 under SCHED_IDLE; the main thread is untouched',
  {
    skip:
      process.platform !== 'linux'
        ? 'thread priorities are lowered on Linux only'
        : hasChrt
          ? false
          : 'chrt (util-linux) is not installed',
  },
  async (t) => {
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads');
       const { readlinkSync } = require('node:fs');
       import(${JSON.stringify(moduleUrl)}).then((module) => {
         const lowered = module.lowerThisThreadPriority();
         // Listening keeps the worker alive until it is terminated, so its thread can be looked at.
         parentPort.on('message', () => undefined);
         parentPort.postMessage({ lowered, threadId: Number(readlinkSync('/proc/thread-self').split('/').pop()) });
       });`,
      { eval: true },
    );
    t.after(() => worker.terminate());
    const reply = await new Promise<{ lowered: boolean; threadId: number }>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error('timed out waiting for the worker to lower itself')),
        30_000,
      );
      worker.once('message', (message: { lowered: boolean; threadId: number }) => {
        clearTimeout(deadline);
        resolve(message);
      });
    });
    assert.equal(reply.lowered, true);
    assert.equal(policyOf(reply.threadId), 'SCHED_IDLE');
    assert.equal(niceOf(reply.threadId), 10);
    assert.equal(policyOf(process.pid), 'SCHED_OTHER', 'the main thread keeps its policy');
    assert.equal(niceOf(process.pid), 0, 'and its nice value');
  },
);

test('chrt runs with a fixed PATH and nothing of the engine’s environment (no token)', () => {
  assert.deepEqual(Object.keys(SYSTEM_TOOL_ENVIRONMENT), ['PATH']);
});

test(
  'a chrt that runs but changes nothing (a sandbox refusing it) is asked once, not for every thread after every page',
  { skip: process.platform !== 'linux' && 'thread priorities are lowered on Linux only' },
  (t) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'cf-chrt-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    const calls = path.join(folder, 'calls');
    const refusing = path.join(folder, 'refusing-chrt');
    // Records each run, then fails as chrt does when sched_setscheduler is refused (EPERM).
    writeFileSync(refusing, `#!/bin/sh\necho "$*" >> '${calls}'\nexit 1\n`);
    chmodSync(refusing, 0o755);
    const scheduling = createIdleScheduling(refusing);
    // This thread is the test's main thread (its id is the pid); the fake changes nothing.
    assert.equal(scheduling.runOnlyWhenIdle(process.pid), false);
    assert.equal(scheduling.runOnlyWhenIdle(process.pid), false);
    assert.deepEqual(readFileSync(calls, 'utf8').trim().split('\n'), [
      `--idle --pid 0 ${process.pid}`,
    ]);
  },
);

test(
  'a missing chrt is not looked for again',
  { skip: process.platform !== 'linux' && 'thread priorities are lowered on Linux only' },
  (t) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'cf-chrt-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    const calls = path.join(folder, 'calls');
    const later = path.join(folder, 'chrt-installed-later');
    const scheduling = createIdleScheduling(later);
    assert.equal(scheduling.runOnlyWhenIdle(process.pid), false);
    // Installed after the first try: the scheduling gave up on it and does not run it.
    writeFileSync(later, `#!/bin/sh\necho "$*" >> '${calls}'\nexit 1\n`);
    chmodSync(later, 0o755);
    assert.equal(scheduling.runOnlyWhenIdle(process.pid), false);
    assert.equal(existsSync(calls), false, 'the command was not run after it was found missing');
  },
);
