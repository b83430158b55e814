// The CLI waits for its output to leave the process before process.exit(): a `--json` answer
// still queued for a slow pipe reader was cut off (crash-kill's `history --json`, 292 kB, on a
// loaded machine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { flushed } from '../../../src-main/cli/flush-output.ts';

test('flushed resolves only once the writes before it are done, and at once when none wait', async () => {
  const finishers: (() => void)[] = [];
  // A pipe whose reader is slow: each write completes when the test says so.
  const pipe = new Writable({
    highWaterMark: 4,
    write(_chunk, _encoding, done) {
      finishers.push(() => done());
    },
  });
  pipe.write('{"rows": [');
  pipe.write('...]}\n');
  let settled = false;
  const waiting = flushed(pipe).then(() => (settled = true));
  // Every callback already due has run once a macrotask turn has passed.
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(settled, false, 'not flushed while the first write waits');
  for (let index = 0; index < 3; index += 1) {
    finishers.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  await waiting;
  assert.equal(settled, true);
  await flushed(pipe);
});
