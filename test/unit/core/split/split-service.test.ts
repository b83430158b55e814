// The split worker and the check's pdf.js worker are never resident together (issue #17's peak
// RSS: each is 55-70 MB before any page): the split service ends the idle check worker before
// its own starts, and ends its own before the parts are read back, unless another batch waits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import {
  createSplitService,
  DEFAULT_SPLIT_SERVICE_OPTIONS,
} from '../../../../src-main/core/split/split-service.ts';
import { batchPdf, scannedSheetJpeg } from '../../../fixtures/scanned-batch.ts';
import { withDeadline } from '../../../support/waiting.ts';

/** A 4-page text PDF (no page is one JPEG, so pdf.js renders them): page mode cuts 4 parts. */
async function fourPages(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let page = 0; page < 4; page += 1) document.addPage();
  return document.save();
}

test('the check worker is released before the split worker starts, which has ended when the parts are read back', async (t) => {
  const events: string[] = [];
  const service = createSplitService(
    DEFAULT_SPLIT_SERVICE_OPTIONS,
    async (bytes) => {
      events.push(`read back, split worker ${service.isRunning() ? 'alive' : 'gone'}`);
      return (await PDFDocument.load(bytes)).getPageCount();
    },
    () => events.push(`reader released, split worker ${service.isRunning() ? 'alive' : 'gone'}`),
  );
  t.after(() => service.close());
  const result = await service.split(await fourPages(), 'page');
  assert.equal(result.outcome, 'split');
  assert.deepEqual(events, [
    'reader released, split worker gone',
    ...Array.from({ length: 4 }, () => 'read back, split worker gone'),
  ]);
  assert.equal(service.isRunning(), false);
});

test('a batch waiting behind another keeps the worker; the last one ends it', async (t) => {
  let releases = 0;
  const service = createSplitService(
    DEFAULT_SPLIT_SERVICE_OPTIONS,
    async (bytes) => (await PDFDocument.load(bytes)).getPageCount(),
    () => (releases += 1),
  );
  t.after(() => service.close());
  const aliveAfterFirst: boolean[] = [];
  const first = service.split(await fourPages(), 'page').then((result) => {
    aliveAfterFirst.push(service.isRunning());
    return result;
  });
  const second = service.preview(await fourPages(), 'pages:2');
  assert.equal((await first).outcome, 'split');
  assert.equal((await second).outcome, 'split');
  assert.deepEqual(aliveAfterFirst, [true], 'the second batch was waiting: the worker stayed');
  assert.equal(service.isRunning(), false, 'nothing waits after the second: the worker ended');
  assert.equal(releases, 2, 'each task releases the idle check worker');
});

test('while another folder file is under way the split worker waits before each page it reads and each part it cuts, the service before each part it reads back, and not after', async (t) => {
  const giveWayMs = 40;
  /** When each part was read back (performance.now(), ms). */
  const readBackAt: number[] = [];
  const service = createSplitService(
    { ...DEFAULT_SPLIT_SERVICE_OPTIONS, giveWayMs },
    async (bytes) => {
      readBackAt.push(performance.now());
      return (await PDFDocument.load(bytes)).getPageCount();
    },
    () => undefined,
  );
  t.after(() => service.close());
  const look = { dpi: 200, turnDegrees: 0, grey: true };
  // 4 pages read, 2 parts cut: 6 steps the worker waits before.
  const batch = async () =>
    batchPdf([
      { text: 'A1' },
      { jpeg: await scannedSheetJpeg({ type: 'next' }, look) },
      { text: 'B1' },
      { text: 'B2' },
    ]);
  const ended = service.otherFileBegan();
  const held = await service.split(await batch(), 'separator');
  assert.equal(held.outcome, 'split', JSON.stringify(held));
  const heldMs = held.outcome === 'split' ? (held.gaveWayMs ?? 0) : 0;
  // The log line's gaveWayMs says how long other files held the batch: the service's waits
  // before each read-back count too (2 parts), not only the worker's 6.
  assert.ok(
    heldMs >= (6 + readBackAt.length) * giveWayMs,
    `gaveWayMs ${heldMs}: 6 worker steps and ${readBackAt.length} read-backs of ${giveWayMs} ms each`,
  );
  const [firstReadBack = 0, secondReadBack = 0] = readBackAt;
  assert.ok(
    secondReadBack - firstReadBack >= giveWayMs,
    `the second part was read back ${secondReadBack - firstReadBack} ms after the first: the service waits before each`,
  );
  ended();
  const free = await service.split(await batch(), 'separator');
  assert.equal(free.outcome === 'split' ? free.gaveWayMs : null, 0);
});

test("History's page pictures do not give way to other files: the user waits for them, and six pages are no batch", async (t) => {
  // A cap no test outlasts: a wait before each page would show as the deadline passing.
  const service = createSplitService(
    { ...DEFAULT_SPLIT_SERVICE_OPTIONS, giveWayMs: 3_600_000 },
    async (bytes) => (await PDFDocument.load(bytes)).getPageCount(),
    () => undefined,
  );
  const ended = service.otherFileBegan();
  t.after(async () => {
    ended();
    await service.close();
  });
  const pictures = await withDeadline(
    "the page pictures while another folder's file is under way",
    service.thumbnails(await fourPages(), 6),
    { timeoutMs: 60_000 },
  );
  assert.equal(pictures.outcome, 'pages', JSON.stringify(pictures).slice(0, 200));
  assert.equal(pictures.outcome === 'pages' ? pictures.thumbnails.length : 0, 4);
});
