// Issue #10's one-owner-per-folder rule, attacked as an office uses it: machines whose clocks
// disagree, and a folder removed from the list while its presence check still runs. Real engines
// (chokidar, SQLite) or the real ownership module on real temp folders; the age of a marker is set
// on the file system's own clock (utimes), the source the rule now reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiError } from '../../../src-main/contract/api-contract.ts';
import {
  createFolderOwnership,
  FOLDER_OWNER_FILE,
  OWNER_SILENT_AFTER_MS,
} from '../../../src-main/core/folders/folder-owner.ts';
import { loadInstallation } from '../../../src-main/core/store/installation.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startEngine, type EngineHarness } from '../../support/engine-harness.ts';
import { createRecordingLogger } from '../../support/recording-logger.ts';
import {
  bindOwnedElsewhere,
  isOwnerActiveRefusal,
  judged,
  sharedScanFolder,
} from '../../support/shared-folder.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

const HOUR_MS = 60 * 60_000;
const run = promisify(execFile);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Makes the marker read as last written `ageMs` ago by the file system's clock. */
async function ageMarker(folderPath: string, ageMs: number): Promise<void> {
  const then = new Date(Date.now() - ageMs);
  await utimes(path.join(folderPath, FOLDER_OWNER_FILE), then, then);
}

test('a live owner whose clock runs an hour behind is not taken over', async (t) => {
  const { emulator, parent, shared, bind } = await sharedScanFolder(t, 'owner-slow-clock');
  // The scan PC's clock is an hour behind the server's (no NTP on the office network).
  const scanPc = await startEngine(t, {
    emulator,
    configDir: folder(parent, 'config-scan-pc'),
    now: () => Date.now() - HOUR_MS,
  });
  await bind(scanPc);
  assert.equal((await judged(scanPc, shared))?.availability, 'watching');

  const server = await startEngine(t, { emulator, configDir: folder(parent, 'config-server') });
  const binding = await bindOwnedElsewhere(server, shared, bind);

  await assert.rejects(
    server.engine.handlers['folders.takeOver']({ id: binding.id }),
    isOwnerActiveRefusal,
    'the scan PC wrote its marker seconds ago: it is live, whatever its clock says',
  );
  const marker = JSON.parse(await readFile(path.join(shared, FOLDER_OWNER_FILE), 'utf8')) as {
    configDir: string;
  };
  assert.equal(marker.configDir, scanPc.configDir, 'the scan PC still owns the folder');
});

test('a dead owner whose clock ran an hour ahead can be taken over once it is silent', async (t) => {
  const { emulator, parent, shared, bind } = await sharedScanFolder(t, 'owner-fast-clock');
  // The old laptop's clock ran an hour ahead; it was thrown away without unbinding the folder.
  const laptop = await startEngine(t, {
    emulator,
    configDir: folder(parent, 'config-laptop'),
    now: () => Date.now() + HOUR_MS,
  });
  await bind(laptop);
  assert.equal((await judged(laptop, shared))?.availability, 'watching');
  await laptop.stop();
  // Ten minutes of silence, on the share's clock.
  await ageMarker(shared, 10 * 60_000);

  const server = await startEngine(t, { emulator, configDir: folder(parent, 'config-server') });
  const binding = await bindOwnedElsewhere(server, shared, bind);
  await server.engine.handlers['folders.takeOver']({ id: binding.id });
  await server.waitForFolders('the server watches the folder it took over', (views) =>
    views.some((view) => view.binding.id === binding.id && view.availability === 'watching'),
  );
  const bytes = await pdfBytes(1, { label: 'After the laptop' });
  await writeFile(path.join(shared, 'after.pdf'), bytes);
  await server.waitForEntry('the server delivered the scan', (entry) => entry.state === 'archived');
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.sha256),
    [sha256(bytes)],
    'the scan reached Clearfacts once',
  );
});

test('a presence check that reaches its claim after the folder was removed writes no marker back', async (t) => {
  const parent = tempDir(t, 'owner-removed');
  const scans = folder(parent, 'scans');
  let bound = true;
  const ownership = createFolderOwnership({
    installation: await loadInstallation(folder(parent, 'config')),
    now: Date.now,
    isBound: (folderPath) => bound && folderPath === scans,
    logger: createRecordingLogger(),
  });
  assert.deepEqual(await ownership.claim(scans), { owned: true });
  assert.ok(existsSync(path.join(scans, FOLDER_OWNER_FILE)));

  // The user removes the folder from the list; its presence check was still stat-ing a slow share
  // and reaches its claim only after the release.
  bound = false;
  await ownership.release(scans);
  assert.equal(existsSync(path.join(scans, FOLDER_OWNER_FILE)), false, 'released');
  await ownership.claim(scans);
  assert.equal(
    existsSync(path.join(scans, FOLDER_OWNER_FILE)),
    false,
    'an unbound folder names no owner: another installation may claim it',
  );

  // Claimed and released at once (the check and the removal racing): the release wins.
  bound = true;
  await ownership.claim(scans);
  bound = false;
  await Promise.all([ownership.claim(scans), ownership.release(scans)]);
  assert.equal(existsSync(path.join(scans, FOLDER_OWNER_FILE)), false, 'released after the race');
});

test(`an owner silent for ${OWNER_SILENT_AFTER_MS / 60_000} min by the share's clock is taken over even when its heartbeat reads fresh`, async (t) => {
  const parent = tempDir(t, 'owner-age');
  const scans = folder(parent, 'scans');
  const make = async (name: string, now: () => number) =>
    createFolderOwnership({
      installation: await loadInstallation(folder(parent, name)),
      now,
      isBound: () => true,
      logger: createRecordingLogger(),
    });
  const dead = await make('config-dead', () => Date.now() + HOUR_MS);
  const heir = await make('config-heir', Date.now);
  assert.deepEqual(await dead.claim(scans), { owned: true });
  await ageMarker(scans, OWNER_SILENT_AFTER_MS - 60_000);
  await assert.rejects(heir.takeOver(scans), (error: unknown) => error instanceof ApiError);
  await ageMarker(scans, OWNER_SILENT_AFTER_MS + 60_000);
  await heir.takeOver(scans);
  assert.deepEqual(await heir.check(scans), { owned: true });
  assert.equal((await dead.check(scans)).owned, false);
});

/**
 * Makes `folderPath` a read-only file system (a bind mount of itself, remounted read-only), as a
 * share the user may only read. Null with the reason when mounting is not permitted here.
 */
async function mountReadOnly(
  folderPath: string,
): Promise<{ unmount(): Promise<void> } | { skipped: string }> {
  try {
    await run('mount', ['--bind', folderPath, folderPath]);
  } catch (error) {
    return { skipped: `bind mounts are not permitted here: ${String(error)}` };
  }
  try {
    await run('mount', ['-o', 'remount,bind,ro', folderPath]);
  } catch (error) {
    await run('umount', [folderPath]);
    return { skipped: `a read-only remount is not permitted here: ${String(error)}` };
  }
  return { unmount: () => run('umount', [folderPath]).then(() => undefined) };
}

test('a read-only share is watched and delivered, with a plain word that it cannot record its owner', async (t) => {
  const { emulator, parent, shared, bind } = await sharedScanFolder(t, 'owner-read-only');
  const bytes = await pdfBytes(1, { label: 'On a read-only share' });
  await writeFile(path.join(shared, 'scan.pdf'), bytes);
  const mount = await mountReadOnly(shared);
  if ('skipped' in mount) {
    t.skip(mount.skipped);
    return;
  }
  // Unmounted here, not in an after hook: those run in order, and the temp folder's removal
  // (registered first) cannot delete through a read-only mount.
  let office: EngineHarness | null = null;
  try {
    await assert.rejects(writeFile(path.join(shared, 'probe'), ''), { code: 'EROFS' });
    office = await startEngine(t, {
      emulator,
      configDir: folder(parent, 'config-office'),
      settings: { afterUpload: 'leave' },
    });
    await bind(office);
    await office.waitForEntry('the scan was delivered', (entry) => entry.state === 'archived');
    const [view] = await office.waitForFolders('the folder says why no owner is named', (views) =>
      views.some((candidate) => candidate.reason?.code === 'folder_owner_unrecorded'),
    );
    assert.notEqual(view?.availability, 'unavailable', 'a read-only folder is not blocked');
    assert.deepEqual(
      emulator.uploads().map((upload) => upload.sha256),
      [sha256(bytes)],
    );
  } finally {
    await office?.stop();
    await mount.unmount();
  }
});

test('a config folder wiped and made again does not find its own folder owned by someone else', async (t) => {
  const { emulator, parent, shared, bind } = await sharedScanFolder(t, 'owner-wiped-config');
  const configDir = folder(parent, 'config-office');
  const before = await startEngine(t, { emulator, configDir });
  await bind(before);
  assert.equal((await judged(before, shared))?.availability, 'watching');
  await before.stop();
  // The user (or a clean-up tool) wipes the config folder: settings, history, installation id.
  await rm(configDir, { recursive: true, force: true });
  await mkdir(configDir);

  const after = await startEngine(t, { emulator, configDir });
  await bind(after);
  const view = await judged(after, shared);
  assert.equal(
    view?.availability,
    'watching',
    `the marker names this machine, user and config folder: ${JSON.stringify(view?.reason)}`,
  );
  const bytes = await pdfBytes(1, { label: 'After the wipe' });
  await writeFile(path.join(shared, 'after.pdf'), bytes);
  await after.waitForEntry('the scan was delivered', (entry) => entry.state === 'archived');
  assert.deepEqual(
    emulator.uploads().map((upload) => upload.sha256),
    [sha256(bytes)],
  );
});
