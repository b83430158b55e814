// The readiness gate on real folders watched by real chokidar: start-up files, chunked writes,
// incomplete PDFs, ignored names, bursts, removals and rechecks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { incrementallyUpdatedPdf } from '../../fixtures/pdf-variants.ts';
import { setTimeout as delay } from 'node:timers/promises';
import { createManualClock } from '../../support/manual-clock.ts';
import {
  Cleanup,
  Recorder,
  pdfBytes,
  quietLogger,
  singleBinding,
  startHarness,
} from './intake-harness.ts';

const WINDOW_MS = 300;

test('files present at start-up are gated for the stability window, then announced', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const pdf = path.join(dir, 'invoice.pdf');
  const jpeg = path.join(dir, 'nested', 'receipt.jpg');
  await mkdir(path.dirname(jpeg));
  await writeFile(pdf, pdfBytes('start-up'));
  await writeFile(jpeg, 'jpeg bytes');
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)]);

  await intake.start();
  assert.deepEqual(recorder.paths('seen').sort(), [jpeg, pdf].sort());
  assert.equal(recorder.count('ready'), 0, 'nothing is ready before its window has passed');

  const ready = await recorder.ready(pdf);
  await recorder.ready(jpeg);
  const seen = recorder.events.find((event) => event.kind === 'seen' && event.file.path === pdf);
  assert.ok(seen !== undefined && ready.kind === 'ready');
  assert.ok(ready.at - seen.at >= WINDOW_MS - 5, 'announced no earlier than one window');
  const { size, mtimeMs } = await stat(pdf);
  assert.deepEqual(ready.file, {
    path: pdf,
    folderId: 'f1',
    companyNumber: '0123456789',
    destination: { type: 'purchase' },
    sizeBytes: size,
    mtimeMs,
  });
});

test('files the engine already handled are neither seen nor gated at start-up', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const handled = [path.join(dir, 'a.pdf'), path.join(dir, 'b.pdf')];
  const fresh = path.join(dir, 'c.pdf');
  for (const file of [...handled, fresh]) await writeFile(file, pdfBytes(file));
  const { intake, recorder, known } = startHarness(cleanup, [singleBinding('f1', dir)]);
  for (const file of handled) known.add(file);

  await intake.start();
  assert.deepEqual(recorder.paths('seen'), [fresh]);
  await recorder.ready(fresh);
  assert.deepEqual(recorder.paths('ready'), [fresh]);
});

test('a file written in chunks over three seconds is announced once, after its last write', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  // The window must outlast the scanner's pauses between chunks; 1 s against 150 ms pauses.
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    stabilityWindowMs: 1_000,
  });
  await intake.start();

  const scan = path.join(dir, 'scan.jpg');
  const chunk = Buffer.alloc(32 * 1024, 7);
  let lastWriteAt = 0;
  for (let index = 0; index < 20; index += 1) {
    await appendFile(scan, chunk);
    lastWriteAt = Date.now();
    await delay(150); // the scanner's pace, not a synchronisation
  }
  const ready = await recorder.ready(scan);
  assert.ok(ready.kind === 'ready');
  assert.ok(ready.at >= lastWriteAt, 'announced only after the last write');
  assert.equal(ready.file.sizeBytes, 20 * chunk.length);

  const sentinel = path.join(dir, 'sentinel.jpg');
  await writeFile(sentinel, 'done');
  await recorder.ready(sentinel);
  assert.equal(recorder.count('ready', scan), 1);
  assert.equal(recorder.count('seen', scan), 1);
});

test('a PDF whose size pauses longer than the window waits for its %%EOF', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const windowMs = 500;
  // The gate's windows end when the test says so: the two below were really judged, however slow
  // the machine.
  const clock = createManualClock();
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    stabilityWindowMs: windowMs,
    readinessClock: clock,
  });
  await intake.start();

  const scan = path.join(dir, 'slow-scan.pdf');
  const body = pdfBytes('slow');
  const cut = body.length - 7;
  await writeFile(scan, body.subarray(0, cut));
  await recorder.waitFor(
    'the partial scan seen',
    (event) => event.kind === 'seen' && event.file.path === scan,
  );
  const announced = recorder.ready(scan);
  // A pause of two windows between pages: the size is stable, the trailer is what holds it.
  for (const window of [1, 2])
    await clock.step(`the gate's check after window ${window}`, announced);
  assert.equal(recorder.count('ready', scan), 0);
  await appendFile(scan, body.subarray(cut));
  const lastWriteAt = Date.now();
  while (recorder.count('ready', scan) === 0) await clock.step('the complete scan', announced);
  const ready = await announced;
  assert.ok(ready.at >= lastWriteAt);
  assert.equal(recorder.count('ready', scan), 1);
});

test('a complete PDF is held while a program still has it open for writing', async (t) => {
  // A scanner saving page by page leaves a file that is complete by its content and unchanged
  // for longer than the window between pages; only its open descriptor says more is coming.
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const clock = createManualClock();
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    stabilityWindowMs: 500,
    readinessClock: clock,
  });
  await intake.start();

  const scan = path.join(dir, 'page-by-page.pdf');
  const writer = await open(scan, 'w');
  t.after(() => writer.close().catch(() => undefined));
  await writer.write(pdfBytes('first pages'));
  await writer.sync();
  await recorder.waitFor(
    'the open scan seen',
    (event) => event.kind === 'seen' && event.file.path === scan,
  );
  const announced = recorder.ready(scan);
  for (const window of [1, 2, 3])
    await clock.step(`the gate's check after window ${window}`, announced);
  assert.equal(recorder.count('ready', scan), 0, 'not announced while the writer has it open');

  await writer.close();
  while (recorder.count('ready', scan) === 0) await clock.step('the closed scan', announced);
  assert.equal(recorder.count('ready', scan), 1);
});

test('a PDF cut inside an incremental update waits; padding after %%EOF does not', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const windowMs = 300;
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    stabilityWindowMs: windowMs,
  });
  await intake.start();

  const updated = incrementallyUpdatedPdf(2, 2);
  // Cut just past the previous revision's %%EOF: that revision opens, with fewer pages.
  const cutAt = updated.lastIndexOf('%%EOF', updated.length - 7) + 40;
  const scan = path.join(dir, 'updating.pdf');
  await writeFile(scan, updated.subarray(0, cutAt));
  const padded = path.join(dir, 'padded.pdf');
  await writeFile(padded, Buffer.concat([updated, Buffer.alloc(9000)]));
  await recorder.ready(padded);
  // Two windows with the size stable: only completeness can be holding the cut one.
  await delay(2 * windowMs);
  assert.equal(recorder.count('ready', scan), 0);
  await appendFile(scan, updated.subarray(cutAt));
  await recorder.ready(scan);
  assert.equal(recorder.count('ready', scan), 1);
});

test('a truncated PDF that never completes is still announced, for the checks to refuse', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const truncated = path.join(dir, 'truncated.pdf');
  await writeFile(truncated, pdfBytes('cut').subarray(0, 40));
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)]);
  await intake.start();
  const ready = await recorder.ready(truncated);
  const seen = recorder.events.find((event) => event.kind === 'seen');
  assert.ok(seen !== undefined && ready.at - seen.at >= 5 * WINDOW_MS - 5);
});

test('temporary, system and hidden names and _uploaded/ are never announced', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const ignored = [
    'download.pdf.part',
    'download.pdf.crdownload',
    'scan.tmp',
    '~$invoice.docx',
    '.~lock.invoice.ods#',
    '._invoice.pdf',
    'Thumbs.db',
    'desktop.ini',
    '.DS_Store',
    '.hidden.pdf',
    path.join('@eaDir', 'invoice.pdf'),
    path.join('.hidden-folder', 'invoice.pdf'),
    path.join('_uploaded', '2026-11', 'invoice.pdf'),
  ];
  const write = async (name: string, label: string) => {
    const file = path.join(dir, label, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, pdfBytes(name));
  };
  for (const name of ignored) await write(name, 'at-start');
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)]);
  await intake.start();
  for (const name of ignored) await write(name, 'live');

  const sentinel = path.join(dir, 'live', 'sentinel.pdf');
  await writeFile(sentinel, pdfBytes('sentinel'));
  await recorder.ready(sentinel);
  await intake.rescan();
  assert.deepEqual(recorder.paths('seen'), [sentinel]);
  assert.deepEqual(recorder.paths('ready'), [sentinel]);
});

test('a burst of 200 files is announced exactly once each', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)]);
  await intake.start();

  const files = Array.from({ length: 200 }, (_, index) =>
    path.join(dir, `burst-${String(index).padStart(3, '0')}.pdf`),
  );
  await Promise.all(files.map((file) => writeFile(file, pdfBytes(file))));
  await Promise.all(files.map((file) => recorder.ready(file)));

  // A rescan finds all 200 again; none may be announced a second time.
  await intake.rescan();
  const sentinel = path.join(dir, 'sentinel.pdf');
  await writeFile(sentinel, pdfBytes('sentinel'));
  await recorder.ready(sentinel);
  for (const file of files) {
    assert.equal(recorder.count('ready', file), 1, file);
    assert.equal(recorder.count('seen', file), 1, file);
  }
  assert.equal(recorder.count('ready'), 201);
});

test('a file deleted before it became ready is reported removed', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    stabilityWindowMs: 1_000,
  });
  await intake.start();
  const file = path.join(dir, 'short-lived.jpg');
  await writeFile(file, 'x');
  await recorder.waitFor('seen', (event) => event.kind === 'seen');
  await rm(file);
  await recorder.waitFor('removed', (event) => event.kind === 'removed' && event.path === file);
  assert.equal(recorder.count('ready', file), 0);
});

test('recheck gates an announced file again, and reports a missing one removed', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const file = path.join(dir, 'invoice.pdf');
  await writeFile(file, pdfBytes('one'));
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)]);
  await intake.start();
  await recorder.ready(file);

  const mark = recorder.events.length;
  await intake.recheck(file);
  await recorder.ready(file, mark);
  assert.equal(recorder.count('ready', file), 2);
  assert.equal(recorder.count('seen', file), 2);

  await rm(file);
  const removedMark = recorder.events.length;
  await intake.recheck(file);
  await recorder.waitFor(
    'removed',
    (event) => event.kind === 'removed' && event.path === file,
    removedMark,
  );
});

test('a file that changes after it was announced is gated and announced again', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const file = path.join(dir, 'invoice.pdf');
  await writeFile(file, pdfBytes('first'));
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)]);
  await intake.start();
  const first = await recorder.ready(file);

  const mark = recorder.events.length;
  await writeFile(file, pdfBytes('second, longer version'));
  const second = await recorder.ready(file, mark);
  assert.ok(first.kind === 'ready' && second.kind === 'ready');
  assert.notEqual(second.file.sizeBytes, first.file.sizeBytes);
});

test('an engine handler that throws or rejects does not stop the intake', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const errors: string[] = [];
  const readyCalls = new Recorder();
  const { intake } = startHarness(cleanup, [singleBinding('f1', dir)], {
    onFileSeen: () => {
      throw new Error('seen handler broke');
    },
    onFileReady: async (file) => {
      readyCalls.record({ kind: 'ready', at: Date.now(), file });
      throw new Error('ready handler broke');
    },
    logger: { ...quietLogger, error: (message) => errors.push(message) },
  });
  await intake.start();
  for (const name of ['first.pdf', 'second.pdf']) {
    await writeFile(path.join(dir, name), pdfBytes(name));
    await readyCalls.ready(path.join(dir, name));
  }
  assert.ok(errors.some((message) => message.includes('onFileSeen')));
  assert.ok(errors.some((message) => message.includes('onFileReady')));
});
