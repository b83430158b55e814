// The check worker's budgets: a file over its time or memory budget gets its own outcome, the
// worker is replaced, and the next file is read normally.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createPdfReadingService,
  DEFAULT_PDF_READER_LIFETIME,
} from '../../../../src-main/core/documents/pdf-reading-service.ts';
import { manyObjectsPdf, pageTreePdf } from '../../../fixtures/pdf-variants.ts';
import { manualIdleTimer } from '../../../support/manual-idle-timer.ts';

test('over the time budget: its own outcome, and the next file is read by a new worker', async (t) => {
  const service = createPdfReadingService({ timeMs: 1, memoryBytes: 1024 ** 3, pollMs: 1000 });
  t.after(() => service.close());
  const big = manyObjectsPdf(65_000);
  assert.deepEqual(await service.read(big), { outcome: 'over_budget', resource: 'time', limit: 1 });
  const roomy = createPdfReadingService();
  t.after(() => roomy.close());
  assert.deepEqual(await roomy.read(pageTreePdf({ pages: 3 })), {
    outcome: 'read',
    pages: 3,
    declaredPages: 3,
    innerCountWrong: false,
    xfaOnly: false,
  });
});

test('over the memory budget (ArrayBuffers included): its own outcome, then reads go on', async (t) => {
  // 64 MiB: the worker's own heap (pdf.js loaded) stays under it; a 120 MB file does not.
  const budget = 64 * 1024 * 1024;
  const service = createPdfReadingService({ timeMs: 60_000, memoryBytes: budget, pollMs: 5 });
  t.after(() => service.close());
  const padded = Buffer.concat([pageTreePdf({ pages: 2 }), Buffer.alloc(120 * 1024 * 1024)]);
  assert.deepEqual(await service.read(padded), {
    outcome: 'over_budget',
    resource: 'memory',
    limit: budget,
  });
  const after = await service.read(pageTreePdf({ pages: 4 }));
  assert.equal(after.outcome === 'read' ? after.pages : null, 4);
});

test('the worker starts with the first PDF and ends after the idle period, then starts again', async (t) => {
  const clock = manualIdleTimer();
  const service = createPdfReadingService(undefined, {
    ...DEFAULT_PDF_READER_LIFETIME,
    idleMs: 45_000,
    timer: clock.timer,
  });
  t.after(() => service.close());
  assert.equal(service.isRunning(), false, 'no worker before any PDF');
  assert.equal(clock.scheduled.size, 0);

  const first = await service.read(pageTreePdf({ pages: 2 }));
  assert.equal(first.outcome === 'read' ? first.pages : null, 2);
  assert.equal(service.isRunning(), true, 'the worker stays for the next file');
  assert.deepEqual(
    [...clock.scheduled.values()].map((entry) => entry.delayMs),
    [45_000],
    'one idle period is running',
  );

  clock.fireAll();
  assert.equal(service.isRunning(), false, 'the idle period ended the worker');

  const second = await service.read(pageTreePdf({ pages: 5 }));
  assert.equal(second.outcome === 'read' ? second.pages : null, 5);
  assert.equal(service.isRunning(), true);
});

test('a read before the idle period ends keeps the worker and restarts the period', async (t) => {
  const clock = manualIdleTimer();
  const service = createPdfReadingService(undefined, {
    ...DEFAULT_PDF_READER_LIFETIME,
    idleMs: 1_000,
    timer: clock.timer,
  });
  t.after(() => service.close());
  await service.read(pageTreePdf({ pages: 1 }));
  const reading = service.read(pageTreePdf({ pages: 3 }));
  assert.equal(clock.scheduled.size, 0, 'a pending read cancels the idle period');
  const result = await reading;
  assert.equal(result.outcome === 'read' ? result.pages : null, 3);
  assert.equal(service.isRunning(), true);
  assert.equal(clock.scheduled.size, 1, 'a new idle period starts after the last read');
});

test('release ends an idle worker at once, and waits for a read under way', async (t) => {
  const clock = manualIdleTimer();
  const service = createPdfReadingService(undefined, {
    ...DEFAULT_PDF_READER_LIFETIME,
    idleMs: 60_000,
    timer: clock.timer,
  });
  t.after(() => service.close());
  service.release();
  assert.equal(service.isRunning(), false, 'nothing to end before any PDF');

  await service.read(pageTreePdf({ pages: 2 }));
  assert.equal(service.isRunning(), true);
  service.release();
  assert.equal(service.isRunning(), false, 'released: the worker ended without its idle period');
  assert.equal(clock.scheduled.size, 0, 'and its idle period is cancelled');

  const reading = service.read(pageTreePdf({ pages: 3 }));
  service.release();
  const result = await reading;
  assert.equal(
    result.outcome === 'read' ? result.pages : null,
    3,
    'a read under way is not cut off',
  );
  assert.equal(service.isRunning(), true, 'the worker stays for its idle period');
  assert.equal(clock.scheduled.size, 1);
});

test('release keeps the worker while files arrive close together, so their next one need not wait for a new worker (#17)', async (t) => {
  const clock = manualIdleTimer();
  let now = 0;
  const service = createPdfReadingService(undefined, {
    idleMs: 60_000,
    busyWithinMs: 10_000,
    timer: clock.timer,
    now: () => now,
  });
  t.after(() => service.close());
  await service.read(pageTreePdf({ pages: 2 }));
  now = 4_000;
  await service.read(pageTreePdf({ pages: 2 }));
  service.release();
  assert.equal(service.isRunning(), true, 'two files 4 s apart: other folders are busy');

  now = 14_001;
  await service.read(pageTreePdf({ pages: 2 }), 'part');
  service.release();
  assert.equal(
    service.isRunning(),
    false,
    'a part read back is not a file: the last two files are now over 10 s ago',
  );

  now = 40_000;
  await service.read(pageTreePdf({ pages: 2 }));
  service.release();
  assert.equal(service.isRunning(), false, 'one file alone (the batch) does not keep it');
});
