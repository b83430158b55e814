// Issue #10: a watched folder's share unmounted (its mount point left behind, empty) or the
// folder renamed and made again must not read as "every file is gone", nor get an accountant tree
// built into it. The marker written when the folder was bound tells the intake it is really there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FOLDER_MARKER_FILE } from '../../../src-main/core/folders/folder-marker.ts';
import { SETTINGS_FORMAT_VERSION } from '../../../src-main/core/store/settings-schema.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('an empty folder without the marker is unavailable, its waiting files kept', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, 'marker');
  const dir = folder(parent, 'scans');
  const configDir = path.join(parent, 'config');
  await mkdir(configDir);
  // A window no step of this test outlasts: the file is still at the gate at the stop.
  const settings = { stabilityWindowMs: 120_000 };
  const first = await startEngine(t, { emulator, configDir, settings });
  await first.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  assert.ok(existsSync(path.join(dir, FOLDER_MARKER_FILE)), 'binding writes the marker');
  await writeFile(path.join(dir, 'scan.pdf'), await pdfBytes(1));
  const waiting = await first.waitForEntry(
    'the scan waits',
    (e) => e.state === 'waiting_stability',
  );
  await first.stop();

  // The share goes: its mount point stays behind, empty (here: the folder renamed, made again).
  await rename(dir, path.join(parent, 'scans-unmounted'));
  await mkdir(dir);
  const second = await startEngine(t, { emulator, configDir, settings });
  const [view] = await second.waitForFolders('the folder is judged', (views) =>
    views.some((candidate) => candidate.availability !== 'starting'),
  );
  assert.equal(view?.availability, 'unavailable');
  assert.equal(view.reason?.code, 'folder_marker_missing');
  assert.deepEqual(await readdir(dir), [], 'nothing is created in it');
  const rows = await second.allHistory();
  assert.deepEqual(
    rows.map((row) => `${row.id} ${row.state}`),
    [`${waiting.id} waiting_stability`],
    'the file waiting in the real folder is not taken as gone',
  );

  // The share comes back: the folder with its marker is watched again.
  await second.stop();
  await rename(dir, path.join(parent, 'scans-empty'));
  await rename(path.join(parent, 'scans-unmounted'), dir);
  const third = await startEngine(t, { emulator, configDir, settings });
  await third.waitForFolders('the folder is watched again', (views) =>
    views.some((candidate) => candidate.availability === 'watching'),
  );
});

test('a folder bound before markers existed is taken as it is once, even empty, and marked', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, 'marker-upgrade');
  // An SME whose scans are moved away after upload: the watched folder is empty at the upgrade.
  const dir = folder(parent, 'scans');
  const configDir = path.join(parent, 'config');
  await mkdir(configDir);
  // The settings file of an installation from before markers: one binding, nothing else.
  await writeFile(
    path.join(configDir, 'settings.json'),
    JSON.stringify({
      __internal__: { migrations: { version: SETTINGS_FORMAT_VERSION } },
      folders: [
        {
          id: 'bound-last-year',
          mode: 'single',
          path: dir,
          companyNumber: administration.companyNumber,
          destination: { type: 'purchase' },
        },
      ],
    }),
  );
  const upgraded = await startEngine(t, { emulator, configDir });
  await upgraded.waitForFolders('the folder is watched', (views) =>
    views.some((candidate) => candidate.availability === 'watching'),
  );
  assert.ok(existsSync(path.join(dir, FOLDER_MARKER_FILE)), 'the marker is written at the upgrade');
});
