// A batch being split does not hold a send slot (issue #17: "a 200-page batch does not block
// other folders' uploads"). Its split takes seconds to minutes; in a slot, at concurrency 1 it
// held every other folder's file until the split ended, and at 2 two scanned batches did.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SplitResult } from '../../../../src-main/core/split/split-protocol.ts';
import { withDeadline } from '../../../support/waiting.ts';
import { createHarness, splitPageByPage } from './queue-harness.ts';

test('at concurrency 1 an invoice is sent while a batch is split, and batches split one at a time', async (t) => {
  /** Ends the split under way (each split waits for its own). */
  const releases: (() => void)[] = [];
  let splitting = 0;
  let splits = 0;
  let mostSplitting = 0;
  let splitBegan: () => void = () => {};
  const firstSplit = new Promise<void>((resolve) => (splitBegan = resolve));
  const h = createHarness(t, {
    concurrency: 1,
    splitter: async (): Promise<SplitResult> => {
      splitting += 1;
      splits += 1;
      const batch = splits;
      mostSplitting = Math.max(mostSplitting, splitting);
      splitBegan();
      await new Promise<void>((resolve) => releases.push(resolve));
      splitting -= 1;
      return splitPageByPage(2, batch);
    },
  });
  const batches = ['Scan 0001.pdf', 'Scan 0002.pdf'].map((name) => h.addBatch(name));
  h.queue.start();
  await withDeadline('the first batch to be split', firstSplit);
  const invoice = h.addFile('invoice.pdf');
  h.queue.lookForWork();
  await withDeadline(
    "another folder's invoice to be delivered while the batch is being split",
    h.reach(invoice.id, 'archived'),
    { detail: () => `sent: ${h.sent.map((file) => file.fileName).join(', ')}` },
  );
  assert.equal(releases.length, 1, 'the second batch waits for the first split to end');
  releases.shift()?.();
  await withDeadline('the first batch to be delivered', h.reach(batches[0]?.id ?? -1, 'archived'));
  const secondSplit = Promise.resolve().then(async () => {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()?.();
  });
  await withDeadline('the second batch to be split', secondSplit);
  await withDeadline('the second batch to be delivered', h.reach(batches[1]?.id ?? -1, 'archived'));
  await withDeadline('the queue to have no send running', h.queue.whenIdle());

  assert.equal(mostSplitting, 1, 'one batch is split at a time');
  assert.equal(h.maxInFlight(), 1, 'uploads still go one at a time (concurrency 1)');
  assert.deepEqual(h.sent.map((file) => file.fileName).sort(), [
    'Scan 0001 (p. 1).pdf',
    'Scan 0001 (p. 2).pdf',
    'Scan 0002 (p. 1).pdf',
    'Scan 0002 (p. 2).pdf',
    'invoice.pdf',
  ]);
});
