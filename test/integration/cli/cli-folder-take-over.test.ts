// Issue #10, one owner per folder, from the CLI: `folders take-over` refuses while the installation
// that delivers the folder is active, and makes this one its owner once that one is silent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  FOLDER_OWNER_FILE,
  OWNER_SILENT_AFTER_MS,
} from '../../../src-main/core/folders/folder-owner.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { runCli } from '../../support/cli-process.ts';
import { ownedByStoppedInstallation } from '../../support/shared-folder.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('folders take-over: refused while the owner is active, done once it is silent', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, 'cli-take-over');
  const shared = folder(parent, 'nas-scans');
  await ownedByStoppedInstallation(t, emulator, parent, shared, administration.companyNumber);

  const context = {
    configDir: folder(parent, 'my-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    env: { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  };
  const added = await runCli(context, [
    'folders',
    'add',
    shared,
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
  ]);
  assert.equal(added.code, 0, added.stderr);

  // The owner's heartbeat is fresh: it is not displaced.
  const refused = await runCli(context, ['folders', 'take-over', shared]);
  assert.notEqual(refused.code, 0);
  assert.match(refused.stderr, /owner-config\) still delivers .*nas-scans/);

  // The same marker as the owner left it long ago: it has gone silent since.
  const marker = path.join(shared, FOLDER_OWNER_FILE);
  const left = JSON.parse(await readFile(marker, 'utf8')) as Record<string, unknown>;
  await writeFile(
    marker,
    JSON.stringify({ ...left, heartbeatAt: Date.now() - 2 * OWNER_SILENT_AFTER_MS }),
  );
  // Silence is read on the share's clock: the marker's mtime (folder-owner.ts).
  const silentSince = new Date(Date.now() - 2 * OWNER_SILENT_AFTER_MS);
  await utimes(marker, silentSince, silentSince);
  const taken = await runCli(context, ['folders', 'take-over', shared]);
  assert.equal(taken.code, 0, taken.stderr);
  assert.match(taken.stdout, /This installation delivers .*nas-scans from now on\./);
  const now = JSON.parse(await readFile(marker, 'utf8')) as { configDir: string };
  assert.equal(now.configDir, context.configDir, 'the marker names this installation');
});
