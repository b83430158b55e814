// Issue #10, one owner per folder: `folders list` says of each folder whether it is delivered
// here and, when not, why (another installation delivers it, naming it), in the user's language,
// as the Folders screen does; `--json` carries the same. No engine runs: the owner marker is read
// from the folder, never written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FOLDER_OWNER_FILE } from '../../../src-main/core/folders/folder-owner.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { runCli } from '../../support/cli-process.ts';
import { ownedByStoppedInstallation } from '../../support/shared-folder.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

/** The state word and the start of the reason, as the nl, fr and en catalogues write them. */
const EXPECTED = {
  nl: { locale: 'nl_BE.UTF-8', state: 'niet beschikbaar', reason: 'Een andere installatie levert' },
  fr: { locale: 'fr_BE.UTF-8', state: 'indisponible', reason: 'Une autre installation livre' },
  en: { locale: 'en_US.UTF-8', state: 'unavailable', reason: 'Another installation delivers' },
} as const;

test("folders list shows each folder's state and its owner elsewhere, in nl, fr and en", async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const parent = tempDir(t, 'cli-folders-list');
  const shared = folder(parent, 'nas-scans');
  const own = folder(parent, 'my-scans');
  const owner = await ownedByStoppedInstallation(
    t,
    emulator,
    parent,
    shared,
    administration.companyNumber,
  );
  const marker = await readFile(path.join(shared, FOLDER_OWNER_FILE), 'utf8');

  const context = {
    configDir: folder(parent, 'my-config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    env: { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  };
  for (const folderPath of [shared, own]) {
    const added = await runCli(context, [
      'folders',
      'add',
      folderPath,
      '--company',
      administration.companyNumber,
      '--type',
      'purchase',
    ]);
    assert.equal(added.code, 0, added.stderr);
  }

  for (const [language, expected] of Object.entries(EXPECTED)) {
    const listed = await runCli(
      { ...context, env: { LANG: expected.locale, LC_ALL: expected.locale } },
      ['folders', 'list'],
    );
    assert.equal(listed.code, 0, listed.stderr);
    const sharedRow = listed.stdout.split('\n').find((line) => line.includes(`${shared} `));
    assert.ok(sharedRow, listed.stdout);
    assert.ok(
      sharedRow.includes(expected.state),
      `${language}: the state is in the row: ${sharedRow}`,
    );
    const why = listed.stdout.split('\n').find((line) => line.startsWith(`${shared}: `));
    assert.ok(why, `${language}: a line says why: ${listed.stdout}`);
    assert.ok(why.includes(expected.reason), `${language}: ${why}`);
    assert.ok(why.includes(owner.configDir), `${language}: the owner is named: ${why}`);
    const ownRow = listed.stdout.split('\n').find((line) => line.includes(`${own} `));
    assert.ok(ownRow && !ownRow.includes(expected.state), `${language}: ${ownRow}`);
  }

  const json = await runCli(context, ['folders', 'list', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const views = JSON.parse(json.stdout) as {
    binding: { path: string };
    available: boolean;
    reason: { code: string } | null;
  }[];
  const sharedView = views.find((view) => view.binding.path === shared);
  const ownView = views.find((view) => view.binding.path === own);
  assert.equal(sharedView?.available, false);
  assert.equal(sharedView.reason?.code, 'folder_owned_elsewhere');
  assert.equal(ownView?.available, true);
  assert.equal(ownView.reason, null);
  assert.equal(
    await readFile(path.join(shared, FOLDER_OWNER_FILE), 'utf8'),
    marker,
    'listing read the marker and wrote nothing',
  );
});
