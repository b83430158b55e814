// The queue tells the split stage when another folder's file begins its check and when its send
// ends (issue #17: the split worker gives way to it). A batch to split and the parts cut from it
// are the split's own work: the worker must not wait for them.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { SplitResult } from '../../../../src-main/core/split/split-protocol.ts';
import { withDeadline } from '../../../support/waiting.ts';
import { createHarness } from './queue-harness.ts';

test('only files that are neither a batch nor its part hold the split worker, each until its send ends', async (t) => {
  const began: string[] = [];
  let underWay = 0;
  const underWayAtSplit: number[] = [];
  const h = createHarness(t, {
    otherFileBegan: () => {
      underWay += 1;
      began.push(`began, ${underWay} under way`);
      let ended = false;
      return () => {
        if (ended) return;
        ended = true;
        underWay -= 1;
      };
    },
    splitter: async (): Promise<SplitResult> => {
      underWayAtSplit.push(underWay);
      return {
        outcome: 'split',
        pages: 2,
        separatorPages: [],
        parts: [1, 2].map((page) => ({
          firstPage: page,
          lastPage: page,
          sheet: null,
          bytes: new TextEncoder().encode(`page ${page}`),
        })),
        blankPages: null,
      };
    },
  });
  const batchPath = path.join(h.watchRoot, 'Scan 0001.pdf');
  writeFileSync(batchPath, 'a scanned batch');
  const batch = h.repository.insert({
    path: batchPath,
    fileName: 'Scan 0001.pdf',
    folderId: 'folder-1',
    watchRoot: h.watchRoot,
    source: 'watch',
    companyNumber: '0123456789',
    destination: { type: 'purchase' },
    state: 'ready',
    sizeBytes: 15,
    mtimeMs: Date.now(),
    splitMode: 'page',
  });
  h.queue.start();
  await h.reach(batch.id, 'archived');
  const usual = h.addFile('invoice.pdf');
  h.queue.lookForWork();
  await h.reach(usual.id, 'archived');
  await withDeadline('the queue to have no send running', h.queue.whenIdle());

  assert.deepEqual(h.sent.map((file) => file.fileName).sort(), [
    'Scan 0001 (p. 1).pdf',
    'Scan 0001 (p. 2).pdf',
    'invoice.pdf',
  ]);
  assert.deepEqual(underWayAtSplit, [0], 'the batch itself does not hold its own split');
  assert.deepEqual(began, ['began, 1 under way'], 'the parts did not count; the invoice did');
  assert.equal(underWay, 0, "the invoice's send ended: nothing holds the worker");
});
