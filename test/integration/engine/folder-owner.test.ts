// Issue #10, "two installations watching one shared folder send files twice": two config folders
// (two colleagues, one NAS scan folder) both delivered every file. Each watched folder now names
// the installation that delivers it (`.clearfacts-owner`, folders/folder-owner.ts); a second one
// does not watch it and says who does, and takes it over only from a silent owner, on request.
// Two real engines (chokidar, SQLite) on one temp folder, one emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  FOLDER_OWNER_FILE,
  OWNER_SILENT_AFTER_MS,
} from '../../../src-main/core/folders/folder-owner.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { createRecordingLogger } from '../../support/recording-logger.ts';
import {
  bindOwnedElsewhere,
  isOwnerActiveRefusal,
  judged,
  sharedScanFolder,
} from '../../support/shared-folder.ts';
import { folder } from '../../support/temp-folders.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('a second installation on a folder another delivers does not watch it and names the owner', async (t) => {
  const { emulator, parent, shared, bind } = await sharedScanFolder(t, 'owner');

  const first = await startEngine(t, { emulator, configDir: folder(parent, 'config-anna') });
  await bind(first);
  assert.equal((await judged(first, shared))?.availability, 'watching');
  assert.ok(existsSync(path.join(shared, FOLDER_OWNER_FILE)), 'the owner is named in the folder');

  const second = await startEngine(t, { emulator, configDir: folder(parent, 'config-bert') });
  await bind(second);
  const view = await judged(second, shared);
  assert.equal(view?.availability, 'unavailable');
  assert.equal(view.reason?.code, 'folder_owned_elsewhere');
  assert.equal(
    (view.reason.params as { configDir: string }).configDir,
    first.configDir,
    'the reason names the installation that delivers the folder',
  );

  const files = await Promise.all(
    Array.from({ length: 12 }, (_, index) => pdfBytes(1, { label: `Scan ${index}` })),
  );
  await Promise.all(
    files.map((bytes, index) => writeFile(path.join(shared, `scan-${index}.pdf`), bytes)),
  );
  await first.until(
    'the owner delivered all 12 scans',
    () => [...first.entries.values()].filter((entry) => entry.state === 'archived').length === 12,
    60_000,
  );
  const sent = emulator.uploads().map((upload) => upload.sha256);
  assert.deepEqual(
    [...sent].sort(),
    files.map(sha256).sort(),
    'every scan reached Clearfacts exactly once',
  );
  assert.deepEqual(await second.allHistory(), [], 'the second installation recorded nothing');
});

test('a silent owner is taken over on request; the old owner stops before its next send', async (t) => {
  const { emulator, parent, shared, bind } = await sharedScanFolder(t, 'owner-take-over');
  // The laptop that will sleep through the take-over: its clock is the real one.
  const laptopLog = createRecordingLogger();
  const laptop = await startEngine(t, {
    emulator,
    logger: laptopLog,
    configDir: folder(parent, 'config-laptop'),
    settings: { afterUpload: 'leave' },
  });
  await bind(laptop);
  assert.equal((await judged(laptop, shared))?.availability, 'watching');

  const server = await startEngine(t, {
    emulator,
    configDir: folder(parent, 'config-server'),
    settings: { afterUpload: 'leave' },
  });
  const binding = await bindOwnedElsewhere(server, shared, bind);

  // While the laptop's heartbeat is fresh, it is not displaced.
  await assert.rejects(
    server.engine.handlers['folders.takeOver']({ id: binding.id }),
    isOwnerActiveRefusal,
  );

  // The laptop sleeps: its marker was last written longer ago than that, by the share's clock
  // (the one the take-over reads; folder-owner.ts).
  const then = new Date(Date.now() - OWNER_SILENT_AFTER_MS - 60_000);
  await utimes(path.join(shared, FOLDER_OWNER_FILE), then, then);
  await server.engine.handlers['folders.takeOver']({ id: binding.id });
  await server.waitForFolders('the server watches the folder it took over', (views) =>
    views.some((view) => view.binding.id === binding.id && view.availability === 'watching'),
  );

  // The laptop has not looked at the marker since: a new scan reaches both engines' gates.
  const bytes = await pdfBytes(1, { label: 'After the take-over' });
  await writeFile(path.join(shared, 'after.pdf'), bytes);
  await server.waitForEntry('the server delivered the scan', (entry) => entry.state === 'archived');
  // It says the folder was taken over from it, not merely that someone else delivers it.
  const [lost] = await laptop.waitForFolders('the laptop gives the folder up', (views) =>
    views.some((view) => view.reason?.code === 'folder_taken_over'),
  );
  assert.equal(
    (lost?.reason?.params as { configDir: string } | undefined)?.configDir,
    server.configDir,
    'the laptop names the installation that took the folder over',
  );
  await laptop.until('the laptop read the marker before sending, and did not send', () =>
    laptopLog.lines.some((line) => line.message.startsWith('Another installation delivers')),
  );
  assert.deepEqual(
    (await laptop.allHistory()).map((row) => `${row.fileName} ${row.state} ${row.uuid}`),
    ['after.pdf waiting_stability null'],
    'the laptop put its row back at the gate, unsent',
  );
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.sha256),
    [sha256(bytes)],
    'the scan reached Clearfacts once, from the new owner',
  );
});
