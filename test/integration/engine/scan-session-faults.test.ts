// Scan sessions (issue #19, a folder's `bundle:N`) when the disk under the config's bundles/
// fails, with real chokidar on a temp folder and the emulator over HTTP; the quiet window is a
// timer the test fires, the full disk an injected writer (filling a real disk is neither safe nor
// quick). A session whose combined document cannot be written ends failed with the reason, its
// files untouched, and a retry combines it again; a combined document a stop left without a row
// is removed at the next start, and nothing else is.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry } from '../../../src-main/contract/domain.ts';
import { writeBundle, type BundleWrite } from '../../../src-main/core/queue/bundle-file.ts';
import { writeDurably } from '../../../src-main/core/queue/split-step.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../e2e/browser/sample-files.ts';
import { photoPage } from '../../fixtures/photo-pages.ts';
import {
  monthFolder,
  startEngine,
  startEngineHarness,
  type EngineHarness,
} from '../../support/engine-harness.ts';
import { manualIdleTimer } from '../../support/manual-idle-timer.ts';

const NAMES = ['scan 1.png', 'scan 2.jpg', 'scan 3.pdf'];

async function writeSession(dir: string): Promise<Record<string, Buffer>> {
  const files: Record<string, Buffer> = {
    'scan 1.png': await photoPage('scan 1', 'png'),
    'scan 2.jpg': await photoPage('scan 2', 'jpeg'),
    'scan 3.pdf': Buffer.from(await pdfBytes(1, 'Scan 3')),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
  return files;
}

/** Binds `phone` (purchase) and makes it bundle scan sessions with a `seconds` quiet window. */
async function bundlingFolder(harness: EngineHarness, seconds: number): Promise<string> {
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const dir = await harness.addFolder('phone', administration.companyNumber, { type: 'purchase' });
  const {
    folders: [view],
  } = await harness.engine.handlers['folders.list']({});
  assert.ok(view);
  await harness.engine.handlers['folders.setSplit']({
    id: view.binding.id,
    split: `bundle:${seconds}`,
  });
  return dir;
}

const inState = (harness: EngineHarness, state: HistoryEntry['state']) =>
  [...harness.entries.values()].filter(
    (entry) => NAMES.includes(entry.fileName) && entry.state === state,
  );

/** A disk that fills up halfway through the combined document while `full` is set. */
function fillingDisk(): { write: BundleWrite; full: boolean; attempts: number } {
  const disk = {
    full: true,
    attempts: 0,
    write: async (filePath: string, bytes: Uint8Array) => {
      disk.attempts += 1;
      if (!disk.full) return writeDurably(filePath, bytes);
      await writeFile(filePath, bytes.subarray(0, bytes.byteLength >> 1));
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${filePath}'`), {
        code: 'ENOSPC',
      });
    },
  };
  return disk;
}

test('a full disk under bundles/ ends the scan session failed with why; a retry combines it', async (t: TestContext) => {
  const clock = manualIdleTimer();
  const disk = fillingDisk();
  const emulator = await startTestEmulator(t);
  const harness = await startEngine(t, {
    emulator,
    scanSessionTimer: clock.timer,
    writeBundle: (filePath, bytes) => disk.write(filePath, bytes),
  });
  const dir = await bundlingFolder(harness, 30);
  const files = await writeSession(dir);
  await harness.until(
    'the session holds its three files',
    () => inState(harness, 'bundling').length === 3,
  );

  clock.fireAll();
  await harness.until(
    'every file of the session failed with the reason',
    () => inState(harness, 'failed').length === 3,
  );
  assert.equal(disk.attempts, 1);
  for (const entry of inState(harness, 'failed')) {
    assert.equal(entry.failure?.code, 'storage');
    assert.deepEqual(entry.failure?.message, {
      code: 'scan_session_not_written',
      params: { folder: path.join(harness.configDir, 'bundles'), storageProblem: 'full' },
    });
  }
  assert.equal(clock.scheduled.size, 0, 'no session is left open waiting');
  assert.deepEqual(emulator.uploads(), [], 'nothing was sent');
  for (const name of NAMES) {
    assert.deepEqual(await readFile(path.join(dir, name)), files[name], `${name} untouched`);
  }
  assert.deepEqual(
    await readdir(path.join(harness.configDir, 'bundles')),
    [],
    'the half-written document was removed',
  );

  // Space again; retrying one file takes its whole session back.
  disk.full = false;
  const [one] = inState(harness, 'failed');
  assert.ok(one);
  const retried = await harness.engine.handlers['history.retry']({ id: one.id });
  assert.equal(retried.state, 'bundling');
  await harness.until(
    'the whole session waits again',
    () => inState(harness, 'bundling').length === 3,
  );
  assert.deepEqual(
    [...clock.scheduled.values()].map((entry) => entry.delayMs),
    [30_000],
  );
  clock.fireAll();
  await harness.until('every file of the session moved after the upload', () =>
    NAMES.every((name) => existsSync(path.join(dir, '_uploaded', monthFolder(), name))),
  );
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.filename),
    ['scan 1 (+2).pdf'],
  );
  const history = await harness.allHistory();
  assert.equal(history.length, 4, 'three files and the combined document, none twice');
});

test('a combined document a stop left without its row is removed at the next start, and only that', async (t: TestContext) => {
  const emulator = await startTestEmulator(t);
  const first = manualIdleTimer();
  const before = await startEngineHarness({ emulator, scanSessionTimer: first.timer });
  // Stopped newest first; the first one's close removes the folders and the config dir they share.
  const later: EngineHarness[] = [];
  t.after(async () => {
    for (const harness of later.reverse()) await harness.stop();
    await before.close();
  });
  const dir = await bundlingFolder(before, 45);
  await writeSession(dir);
  await before.until(
    'the session holds its three files',
    () => inState(before, 'bundling').length === 3,
  );
  await before.stop();

  // What a stop between writing the combined document and inserting its row leaves: the file.
  const bundlesDir = path.join(before.configDir, 'bundles');
  const inputs = await Promise.all(
    NAMES.map(async (fileName) => {
      const filePath = path.join(dir, fileName);
      return { fileName, path: filePath, bytes: await readFile(filePath) };
    }),
  );
  const orphan = await writeBundle(bundlesDir, inputs);
  assert.ok(orphan.ok);
  // Not the app's combined documents, or not in bundles/: never touched.
  const notes = path.join(bundlesDir, 'notes.txt');
  await writeFile(notes, 'someone else’s');
  const blankPages = path.join(before.configDir, 'blank-pages', 'kept.pdf');
  await mkdir(path.dirname(blankPages), { recursive: true });
  await writeFile(blankPages, await pdfBytes(1, 'Blank'));

  const second = manualIdleTimer();
  const after = await startEngineHarness({
    emulator,
    configDir: before.configDir,
    scanSessionTimer: second.timer,
  });
  later.push(after);
  assert.ok(!existsSync(orphan.path), 'the document without a row was removed');
  assert.ok(existsSync(notes));
  assert.ok(existsSync(blankPages));

  // The session combines again, into a document its row points to (Clearfacts busy, so it waits
  // for a retry), which the next start keeps.
  emulator.setFaults({
    errorRate: 1,
    errorStatuses: [503],
    errorRetryAfterSeconds: 3_600,
    appliesTo: 'uploads',
  });
  t.after(() => emulator.setFaults({}));
  second.fireAll();
  const combined = await after.waitForEntry(
    'the combined document queued and refused for now',
    (entry) =>
      entry.sources !== null &&
      entry.sources !== undefined &&
      entry.state === 'ready' &&
      entry.failure !== null,
  );
  await after.stop();
  later.push(
    await startEngineHarness({
      emulator,
      configDir: before.configDir,
      scanSessionTimer: manualIdleTimer().timer,
    }),
  );
  assert.deepEqual(await readdir(bundlesDir), [path.basename(combined.path), 'notes.txt'].sort());
});
