// A split batch's parts and other folders' files take turns for the queue's send slots (issue
// #17): an invoice that arrives after a 200-page batch was cut waits for one part's upload, not
// for twenty. The expected orders are worked out by hand from the rule in send-slots.ts.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { test } from 'node:test';
import type { UploadRequest } from '../../../../src-main/core/api/clearfacts-client.ts';
import { chooseSends } from '../../../../src-main/core/queue/send-slots.ts';
import type { FileRecord } from '../../../../src-main/core/store/file-record.ts';
import { createWaitList, withDeadline } from '../../../support/waiting.ts';
import { createHarness, splitPageByPage } from './queue-harness.ts';

/** Stand-ins for due rows: only their identity matters to the choice. */
const rows = (prefix: string, count: number) =>
  Array.from(
    { length: count },
    (_, index) => ({ fileName: `${prefix}${index + 1}` }) as FileRecord,
  );
const names = (chosen: FileRecord[]) => chosen.map((record) => record.fileName);

test('slots alternate between parts and other files, each kind taking what the other leaves', () => {
  const due = { parts: rows('p', 5), others: rows('o', 2) };
  assert.deepEqual(names(chooseSends(4, { parts: 0, others: 0 }, due)), ['o1', 'p1', 'o2', 'p2']);
  assert.deepEqual(
    names(chooseSends(1, { parts: 2, others: 0 }, due)),
    ['o1'],
    'two parts running: the free slot goes to the other file',
  );
  assert.deepEqual(
    names(chooseSends(1, { parts: 0, others: 1 }, due)),
    ['p1'],
    'one other file running: the free slot goes to a part',
  );
  assert.deepEqual(
    names(chooseSends(3, { parts: 0, others: 0 }, { parts: rows('p', 5), others: [] })),
    ['p1', 'p2', 'p3'],
  );
  assert.deepEqual(
    names(chooseSends(3, { parts: 4, others: 0 }, { parts: [], others: rows('o', 5) })),
    ['o1', 'o2', 'o3'],
  );
  assert.deepEqual(names(chooseSends(2, { parts: 0, others: 0 }, { parts: [], others: [] })), []);
});

test("an invoice that arrives while a batch's parts are sent takes the first slot a part frees", async (t) => {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  // Woken at each upload's start, which is what the test waits for.
  const waits = createWaitList();
  t.after(() => waits.cancel());
  let uuid = 0;
  /** An upload that records its start and answers once the test opens its gate. */
  const gated = (request: UploadRequest) => {
    started.push(request.fileName);
    const answered = new Promise<void>((resolve) => gates.set(request.fileName, resolve));
    waits.wake();
    return answered.then(() => ({
      uuid: `uuid-gated-${(uuid += 1)}`,
      amountOfPages: 1,
      sentBytes: statSync(request.path).size,
    }));
  };
  const h = createHarness(t, {
    concurrency: 2,
    splitter: async () => splitPageByPage(4),
  });
  const partNames = [1, 2, 3, 4].map((page) => `Scan 0001 (p. ${page}).pdf`);
  for (const name of [...partNames, 'invoice.pdf']) h.script(name, gated);
  h.addBatch('Scan 0001.pdf');
  h.queue.start();
  /** Resolves once `count` uploads have started. */
  const startedCount = (count: number) =>
    waits.until(`${count} uploads to start`, () => (started.length >= count ? true : undefined), {
      detail: () => `started: ${started.join(', ')}`,
    });
  await startedCount(2);
  const invoice = h.addFile('invoice.pdf');
  h.queue.lookForWork();
  gates.get(partNames[0] ?? '')?.();
  await startedCount(3);
  assert.deepEqual(started, [partNames[0], partNames[1], 'invoice.pdf']);
  for (const name of [partNames[1], 'invoice.pdf']) gates.get(name ?? '')?.();
  await h.reach(invoice.id, 'archived');
  await startedCount(4);
  for (const name of partNames.slice(2)) {
    const open = await waits.until(`${name} to start`, () => gates.get(name));
    open();
  }
  await withDeadline('the queue to have no send running', h.queue.whenIdle());
  assert.deepEqual(started, [...partNames.slice(0, 2), 'invoice.pdf', ...partNames.slice(2)]);
});
