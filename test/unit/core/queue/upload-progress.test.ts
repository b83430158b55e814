// The live bytes-sent reports are thinned to one per 250 ms of the queue's clock (injected here),
// the last one always passed on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UploadProgress } from '../../../../src-main/contract/domain.ts';
import { throttledUploadProgress } from '../../../../src-main/core/queue/upload-progress.ts';

test('reports pass at most once per 250 ms, the first and the last always', () => {
  let clock = 1_000;
  const passed: UploadProgress[] = [];
  const report = throttledUploadProgress(
    7,
    (progress) => passed.push(progress),
    () => clock,
  );
  const total = 10 * 65_536;
  // Ten 64 KiB chunks, 100 ms apart: at 0, 100, …, 900 ms.
  for (let chunk = 1; chunk <= 10; chunk++) {
    report(chunk * 65_536, total);
    clock += 100;
  }
  // Passed: 0 ms (first), 300 (≥250 after 0), 600, 900 (the last, and ≥250 after 600).
  assert.deepEqual(
    passed.map((progress) => progress.sentBytes),
    [1, 4, 7, 10].map((chunk) => chunk * 65_536),
  );
  assert.ok(passed.every((progress) => progress.id === 7 && progress.totalBytes === total));
});

test('the last report passes even right after another', () => {
  let clock = 0;
  const passed: number[] = [];
  const report = throttledUploadProgress(
    1,
    (progress) => passed.push(progress.sentBytes),
    () => clock,
  );
  report(100, 200);
  clock += 10;
  report(150, 200);
  report(200, 200);
  assert.deepEqual(passed, [100, 200]);
});
