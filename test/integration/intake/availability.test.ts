// Folder availability on real folders: disappearing and returning, polling by setting, the
// native-events self-test, watch limits, and bindings changed while running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { watchWithChokidar } from '../../../src-main/core/intake/watch-backend.ts';
import type { WatchFactory } from '../../../src-main/core/intake/watch-backend.ts';
import { Cleanup, pdfBytes, singleBinding, startHarness } from './intake-harness.ts';

const run = promisify(execFile);

test('a folder that disappears is unavailable, never emptied, and watched again when back', async (t) => {
  const cleanup = new Cleanup(t);
  const parent = await cleanup.tempDir();
  const dir = path.join(parent, 'scans');
  await mkdir(dir);
  const announced = path.join(dir, 'announced.pdf');
  await writeFile(announced, pdfBytes('announced'));
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    stabilityWindowMs: 2_000,
  });
  await intake.start();
  await recorder.availability('f1', 'watching');
  await recorder.ready(announced);
  // This one is still inside its window when the folder goes.
  const waiting = path.join(dir, 'waiting.pdf');
  await writeFile(waiting, pdfBytes('waiting'));
  await recorder.waitFor('seen', (event) => event.kind === 'seen' && event.file.path === waiting);

  const mark = recorder.events.length;
  await rm(dir, { recursive: true });
  const unavailable = await recorder.availability('f1', 'unavailable', mark);
  assert.ok(unavailable.kind === 'availability');
  assert.match(unavailable.reason ?? '', /missing/);

  await mkdir(dir);
  const returned = path.join(dir, 'returned.pdf');
  await writeFile(returned, pdfBytes('returned'));
  // Gone, it is looked for at the polling interval (200 ms here), not at a watched folder's 30 s
  // pace: its removal came as an event, while the presence timer was set at that slower pace.
  await recorder.availability('f1', 'watching', mark, 10_000);
  await recorder.ready(returned);
  assert.equal(recorder.count('removed'), 0, 'a vanished folder is not a list of deletions');
  assert.equal(recorder.count('ready', waiting), 0);
});

test('a folder missing at start-up is unavailable until it appears', async (t) => {
  const cleanup = new Cleanup(t);
  const parent = await cleanup.tempDir();
  const dir = path.join(parent, 'not-yet');
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)]);
  await intake.start();
  await recorder.availability('f1', 'unavailable');
  // Each rescan re-checks a missing folder; the engine hears about it once, not every time.
  await intake.rescan();
  await intake.rescan();
  const unavailable = recorder.events.filter(
    (event) => event.kind === 'availability' && event.availability === 'unavailable',
  );
  assert.equal(unavailable.length, 1);

  await mkdir(dir);
  await writeFile(path.join(dir, 'first.pdf'), pdfBytes('first'));
  await recorder.availability('f1', 'watching');
  await recorder.ready(path.join(dir, 'first.pdf'));
});

test('forcePolling polls the folder and still announces new files', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    forcePolling: true,
  });
  await intake.start();
  const polling = await recorder.availability('f1', 'polling');
  assert.ok(polling.kind === 'availability');
  assert.match(polling.reason ?? '', /setting/);
  const file = path.join(dir, 'polled.pdf');
  await writeFile(file, pdfBytes('polled'));
  await recorder.ready(file);
});

/** Real chokidar, but native events never reach the intake: what some FUSE or NAS mounts do. */
const silentNativeEvents: WatchFactory = (request) =>
  watchWithChokidar(
    request.mode === 'native'
      ? {
          ...request,
          events: { ...request.events, fileChanged: () => undefined, fileRemoved: () => undefined },
        }
      : request,
  );

test('a folder whose native events fail the self-test is polled', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    watchFactory: silentNativeEvents,
    selfTestTimeoutMs: 1_000,
  });
  await intake.start();
  const polling = await recorder.availability('f1', 'polling');
  assert.ok(polling.kind === 'availability');
  assert.match(polling.reason ?? '', /did not report a test file/);
  const file = path.join(dir, 'after-fallback.pdf');
  await writeFile(file, pdfBytes('after'));
  await recorder.ready(file);
});

test('hitting the inotify watch limit falls back to polling and names the fix', async (t) => {
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const watchLimitReached: WatchFactory = (request) => {
    const watch = watchWithChokidar(request);
    if (request.mode === 'native') {
      setImmediate(() =>
        request.events.error(Object.assign(new Error('watch limit'), { code: 'ENOSPC' })),
      );
    }
    return watch;
  };
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    watchFactory: watchLimitReached,
  });
  await intake.start();
  const polling = await recorder.availability('f1', 'polling');
  assert.ok(polling.kind === 'availability');
  assert.match(polling.reason ?? '', /max_user_watches/);
  const file = path.join(dir, 'polled.pdf');
  await writeFile(file, pdfBytes('polled'));
  await recorder.ready(file);
});

test('bindings added, changed and removed while running take effect', async (t) => {
  const cleanup = new Cleanup(t);
  const first = await cleanup.tempDir();
  const second = await cleanup.tempDir();
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', first)]);
  await intake.start();
  await recorder.availability('f1', 'watching');

  await intake.updateBindings([
    singleBinding('f1', first),
    singleBinding('f2', second, { type: 'various', categoryId: 'cat-1' }),
  ]);
  const inSecond = path.join(second, 'archive.pdf');
  await writeFile(inSecond, pdfBytes('archive'));
  const ready = await recorder.ready(inSecond);
  assert.ok(ready.kind === 'ready');
  assert.deepEqual(ready.file.destination, { type: 'various', categoryId: 'cat-1' });
  assert.equal(ready.file.folderId, 'f2');

  await intake.updateBindings([singleBinding('f2', second)]);
  await writeFile(path.join(first, 'unwatched.pdf'), pdfBytes('unwatched'));
  const sentinel = path.join(second, 'sentinel.pdf');
  await writeFile(sentinel, pdfBytes('sentinel'));
  await recorder.ready(sentinel);
  await intake.rescan();
  assert.equal(recorder.count('seen', path.join(first, 'unwatched.pdf')), 0);
});

test('changes made in quick succession leave one watcher per folder, with the last binding', async (t) => {
  // A user flicks a folder's split mode (or destination) three times in a second: each change
  // reaches the intake before the previous one has stopped and started its watcher.
  const cleanup = new Cleanup(t);
  const dir = await cleanup.tempDir();
  const open = new Set<object>();
  const counting: WatchFactory = (request) => {
    const active = watchWithChokidar(request);
    const handle = {};
    open.add(handle);
    return {
      ready: active.ready,
      close: async () => {
        open.delete(handle);
        await active.close();
      },
    };
  };
  const { intake, recorder } = startHarness(cleanup, [singleBinding('f1', dir)], {
    watchFactory: counting,
  });
  await intake.start();
  await recorder.availability('f1', 'watching');

  await Promise.all([
    intake.updateBindings([singleBinding('f1', dir, { type: 'sale' })]),
    intake.updateBindings([singleBinding('f1', dir, { type: 'various', categoryId: 'cat-1' })]),
    intake.updateBindings([singleBinding('f1', dir, { type: 'permanent', categoryId: 'cat-2' })]),
  ]);
  assert.equal(open.size, 1, 'one watcher for the folder, none left running on its own');

  const file = path.join(dir, 'after-the-changes.pdf');
  await writeFile(file, pdfBytes('after'));
  const ready = await recorder.ready(file);
  assert.ok(ready.kind === 'ready');
  assert.deepEqual(ready.file.destination, { type: 'permanent', categoryId: 'cat-2' });
  // A second file written later is ready only after every watcher has had its chance at the first.
  const sentinel = path.join(dir, 'sentinel.pdf');
  await writeFile(sentinel, pdfBytes('sentinel'));
  await recorder.ready(sentinel);
  assert.equal(recorder.count('ready', file), 1, 'the file was reported once');
});

test('a binding nested in another owns its files; the same folder twice is refused', async (t) => {
  const cleanup = new Cleanup(t);
  const outer = await cleanup.tempDir();
  const inner = path.join(outer, 'sales');
  await mkdir(inner);
  const { intake, recorder } = startHarness(cleanup, [
    singleBinding('outer', outer),
    singleBinding('inner', inner, { type: 'sale' }),
    singleBinding('twin', outer),
  ]);
  await intake.start();
  const twin = await recorder.availability('twin', 'unavailable');
  assert.ok(twin.kind === 'availability');
  assert.match(twin.reason ?? '', /already watched/);

  const sale = path.join(inner, 'sale.pdf');
  const purchase = path.join(outer, 'purchase.pdf');
  await writeFile(sale, pdfBytes('sale'));
  await writeFile(purchase, pdfBytes('purchase'));
  const saleReady = await recorder.ready(sale);
  await recorder.ready(purchase);
  assert.ok(saleReady.kind === 'ready');
  assert.equal(saleReady.file.folderId, 'inner');
  assert.deepEqual(saleReady.file.destination, { type: 'sale' });
  await intake.rescan();
  assert.equal(recorder.count('seen', sale), 1);
});

test('stop closes every watcher and timer so the process can exit', async (t) => {
  const cleanup = new Cleanup(t);
  const native = await cleanup.tempDir();
  const polled = await cleanup.tempDir();
  const script = path.join(import.meta.dirname, 'fixtures', 'start-then-stop.ts');
  const { stdout } = await run(process.execPath, [script, native, polled], { timeout: 30_000 });
  assert.equal(stdout.trim(), 'stopped');
});
