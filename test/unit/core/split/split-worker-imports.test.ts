// What the split worker thread loads before its first batch (issue #17's peak RSS: a worker
// carries every module it imports for its whole life). Measured in a worker thread, beside a bare
// one: contract/domain.ts with its message catalogues about 15 MB, @napi-rs/canvas (only the
// preview's thumbnails need it) about 15 MB. The modules are seen by a resolve hook in the thread.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { siblingModuleUrl } from '../../../../src-main/core/documents/worker-slot.ts';

const workerUrl = siblingModuleUrl(
  new URL('../../../../src-main/core/split/split-service.ts', import.meta.url).href,
  'split-worker',
);

/** Every module specifier resolved in a thread that starts the split worker's module. */
async function modulesLoadedBySplitWorker(): Promise<string[]> {
  const body = `
    const { registerHooks } = require('node:module');
    const { parentPort } = require('node:worker_threads');
    const seen = [];
    registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); seen.push(found.url); return found; } });
    import(${JSON.stringify(workerUrl.href)}).then(() => parentPort.postMessage({ seen }));
  `;
  const worker = new Worker(body, { eval: true });
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error('the split worker module did not finish loading within 60 s')),
        60_000,
      );
      worker.on('message', (message: unknown) => {
        if (typeof message === 'object' && message !== null && 'seen' in message) {
          clearTimeout(deadline);
          resolve((message as { seen: string[] }).seen);
        }
      });
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

test('the split worker starts without domain.ts (and its catalogues) or @napi-rs/canvas', async () => {
  const loaded = await modulesLoadedBySplitWorker();
  assert.ok(
    loaded.some((url) => url.includes('/split/split-batch.')),
    'the hook saw the worker load its modules',
  );
  assert.deepEqual(
    loaded.filter((url) => /\/contract\/(domain|messages\/)|@napi-rs\/canvas/.test(url)),
    [],
  );
});
