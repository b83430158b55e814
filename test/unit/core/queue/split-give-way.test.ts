// The queue tells the split stage when another folder's file begins its check and when its send
// ends (issue #17: the split worker gives way to it). A batch to split and the parts cut from it
// are the split's own work: the worker must not wait for them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGiveWaySignal } from '../../../../src-main/core/split/give-way.ts';
import { createWaitList, withDeadline } from '../../../support/waiting.ts';
import { createHarness, splitPageByPage } from './queue-harness.ts';

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
    splitter: async () => {
      underWayAtSplit.push(underWay);
      return splitPageByPage(2);
    },
  });
  const batch = h.addBatch('Scan 0001.pdf');
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

test("a part's send begins only once no other file is under way; the other file does not wait", async (t) => {
  const signal = createGiveWaySignal();
  // Woken by what the test waits for: the invoice's upload beginning, a part waiting.
  const waits = createWaitList();
  t.after(() => waits.cancel());
  let partsWaiting = 0;
  let finishInvoice: () => void = () => undefined;
  const h = createHarness(t, {
    otherFileBegan: () => signal.otherFileBegan(),
    // A cap no test reaches: only the invoice's end can let a part begin.
    beforePartSend: () => {
      partsWaiting += 1;
      waits.wake();
      return signal.noOtherFile(3_600_000);
    },
    splitter: async () => splitPageByPage(2),
  });
  h.script('invoice.pdf', (request) => {
    const uploaded = { uuid: 'uuid-invoice', amountOfPages: 1, sentBytes: request.fileName.length };
    const answered = new Promise<typeof uploaded>((resolve) => {
      finishInvoice = () => resolve(uploaded);
    });
    waits.wake();
    return answered;
  });
  const usual = h.addFile('invoice.pdf');
  h.queue.start();
  await waits.until("the invoice's upload to begin", () =>
    h.uploadCalls() === 1 ? true : undefined,
  );
  const batch = h.addBatch('Scan 0002.pdf');
  h.queue.lookForWork();
  await h.reach(batch.id, 'split');
  await waits.until('a part to wait for the invoice', () => (partsWaiting > 0 ? true : undefined));
  assert.equal(h.uploadCalls(), 1, 'no part began its upload while the invoice was under way');
  finishInvoice();
  await h.reach(usual.id, 'archived');
  await h.reach(batch.id, 'archived');
  assert.deepEqual(h.sent.map((file) => file.fileName).sort(), [
    'Scan 0002 (p. 1).pdf',
    'Scan 0002 (p. 2).pdf',
  ]);
  assert.equal(h.uploadCalls(), 3);
});
