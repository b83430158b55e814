// Issue #10, one owner per watched folder: what happens around a take-over. (a) An owner's
// heartbeat that read its own marker just before another installation took the folder over must
// not write its marker back over the take-over (both would deliver the folder). (b) An owner
// killed, taken over, and started again says that its folder was taken over, by whom and when,
// instead of competing or only saying "owned elsewhere". Real folders, real markers; (b) with two
// real engines and the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fsPromises from 'node:fs/promises';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderMessage } from '../../../src-main/contract/messages/index.ts';
import {
  createFolderOwnership,
  FOLDER_OWNER_FILE,
  OWNER_HEARTBEAT_MS,
  OWNER_SILENT_AFTER_MS,
  type OwnerMarkerFs,
} from '../../../src-main/core/folders/folder-owner.ts';
import { loadInstallation } from '../../../src-main/core/store/installation.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { createRecordingLogger } from '../../support/recording-logger.ts';
import { bindOwnedElsewhere, judged, sharedScanFolder } from '../../support/shared-folder.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

/** Makes the marker read as last written longer ago than a live owner's, by the share's clock. */
async function silenceOwner(folderPath: string): Promise<void> {
  const then = new Date(Date.now() - OWNER_SILENT_AFTER_MS - 60_000);
  await utimes(path.join(folderPath, FOLDER_OWNER_FILE), then, then);
}

async function markerConfigDir(folderPath: string): Promise<string> {
  const marker = JSON.parse(await readFile(path.join(folderPath, FOLDER_OWNER_FILE), 'utf8')) as {
    configDir: string;
  };
  return marker.configDir;
}

test("an owner's heartbeat never writes its marker back over a take-over made while it renewed", async (t) => {
  const parent = tempDir(t, 'owner-heartbeat-race');
  const scans = folder(parent, 'scans');
  let laptopNow = Date.now();
  // The laptop's marker writes pass through here: the first one after `interleave` is armed lets
  // the server take the folder over first, at the worst moment (the laptop has read its own
  // marker and decided to renew it).
  let interleave: (() => Promise<void>) | null = null;
  const interleaved = async () => {
    const step = interleave;
    interleave = null;
    if (step !== null) await step();
  };
  const laptopFs: OwnerMarkerFs = {
    ...fsPromises,
    writeFile: (async (...args: Parameters<typeof fsPromises.writeFile>) => {
      await interleaved();
      return fsPromises.writeFile(...args);
    }) as OwnerMarkerFs['writeFile'],
    rename: async (from, to) => {
      await interleaved();
      return fsPromises.rename(from, to);
    },
  };
  const laptopConfig = folder(parent, 'config-laptop');
  const laptop = createFolderOwnership({
    installation: await loadInstallation(laptopConfig),
    now: () => laptopNow,
    isBound: () => true,
    logger: createRecordingLogger(),
    fs: laptopFs,
  });
  const serverConfig = folder(parent, 'config-server');
  const server = createFolderOwnership({
    installation: await loadInstallation(serverConfig),
    now: Date.now,
    isBound: () => true,
    logger: createRecordingLogger(),
  });

  assert.deepEqual(await laptop.claim(scans), { owned: true });
  assert.equal((await server.claim(scans)).owned, false);
  // The laptop slept: its marker reads silent, and its heartbeat is due when it wakes.
  await silenceOwner(scans);
  let tookOver = false;
  interleave = async () => {
    await server.takeOver(scans);
    tookOver = true;
  };
  laptopNow += OWNER_HEARTBEAT_MS + 1_000;
  const verdict = await laptop.claim(scans);

  assert.ok(tookOver, 'the take-over ran inside the heartbeat');
  assert.equal(await markerConfigDir(scans), serverConfig, 'the take-over stands');
  assert.equal(verdict.owned, false, 'the laptop knows it no longer delivers the folder');
  assert.equal(verdict.owned ? null : verdict.reason.code, 'folder_taken_over');
  assert.equal((await server.check(scans)).owned, true);
  assert.equal((await laptop.check(scans)).owned, false);
  // Its next heartbeats leave the marker alone too.
  laptopNow += OWNER_HEARTBEAT_MS + 1_000;
  assert.equal((await laptop.claim(scans)).owned, false);
  assert.equal(await markerConfigDir(scans), serverConfig);
  const names = await fsPromises.readdir(scans);
  assert.deepEqual(names.sort(), [FOLDER_OWNER_FILE], 'no lock or temp file is left behind');
});

test('an owner killed and taken over says so when it starts again, and sends nothing', async (t) => {
  const { emulator, parent, shared, bind } = await sharedScanFolder(t, 'owner-restart');
  const officeConfig = folder(parent, 'config-office');
  const office = await startEngine(t, { emulator, configDir: officeConfig });
  await bind(office);
  assert.equal((await judged(office, shared))?.availability, 'watching');
  // Killed: nothing releases the marker (a stop does not either; only unbinding does).
  await office.stop();

  const server = await startEngine(t, { emulator, configDir: folder(parent, 'config-server') });
  const binding = await bindOwnedElsewhere(server, shared, bind);
  await silenceOwner(shared);
  await server.engine.handlers['folders.takeOver']({ id: binding.id });
  await server.waitForFolders('the server watches the folder it took over', (views) =>
    views.some((view) => view.availability === 'watching'),
  );

  const again = await startEngine(t, { emulator, configDir: officeConfig });
  const view = await judged(again, shared);
  assert.equal(view?.availability, 'unavailable');
  const reason = view.reason;
  assert.equal(reason?.code, 'folder_taken_over', JSON.stringify(reason));
  assert.equal((reason.params as { configDir: string }).configDir, server.configDir);
  for (const language of ['nl', 'fr', 'en'] as const) {
    assert.ok(
      renderMessage(reason, language).includes(server.configDir),
      `the ${language} reason names the installation that took the folder over`,
    );
  }
  const health = await again.engine.handlers['health.get']({});
  assert.equal(health.attention, true, 'a folder taken over needs the user');

  const bytes = await pdfBytes(1, { label: 'After the restart' });
  await writeFile(path.join(shared, 'after.pdf'), bytes);
  await server.waitForEntry('the new owner delivered the scan', (e) => e.state === 'archived');
  assert.equal(emulator.uploads().length, 1, 'the scan reached Clearfacts once');
  assert.deepEqual(await again.allHistory(), [], 'the old owner recorded nothing');
  assert.equal(await markerConfigDir(shared), server.configDir);
});
