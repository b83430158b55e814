// Issue #10, failure 6: on Linux a file name is bytes, and a Latin-1 name from an old scanner, an
// SMB share or an FTP drop is not valid UTF-8. chokidar reports nothing for such a file (its
// string path cannot be stat'ed), so it used to get no row, no log line and no upload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import { FOLDER_MARKER_FILE } from '../../../src-main/core/folders/folder-marker.ts';
import { FOLDER_OWNER_FILE } from '../../../src-main/core/folders/folder-owner.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { monthFolder, startEngine } from '../../support/engine-harness.ts';
import { latin1Name, rawNamesIn, writeRawNamed } from '../../support/raw-names.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';
import {
  immutableUnsupportedReason,
  setImmutable,
} from '../../reliability/support/storage-faults.ts';

// Windows-1252 (a superset of Latin-1's printable range) reads 0xE9 as é: the readable name.
const RAW = latin1Name('factuur-\xe9t\xe9.pdf');
const SHOWN = 'factuur-été.pdf';

test('a file whose name is not UTF-8 is sent under its decoded name and moved', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'raw-names'), 'scans');
  writeRawNamed(dir, RAW, await pdfBytes(2, { label: 'Latin-1' }));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(RAW), TypeError);
  const harness = await startEngine(t, { emulator, token: emulator.demoToken });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });

  const row = await harness.waitForEntry(
    'the Latin-1 named file is archived',
    (entry) => entry.fileName === SHOWN && (entry.state === 'archived' || entry.state === 'failed'),
  );
  assert.equal(row.state, 'archived', JSON.stringify(row.failure));
  assert.equal(row.rawName, RAW.toString('hex'), 'the history keeps the name as it was given');

  // One arriving while the folder is watched: only chokidar's raw event tells of it.
  const live = latin1Name('Facture F\xe9vrier \x81.pdf');
  writeRawNamed(dir, live, await pdfBytes(1, { label: 'live' }));
  const liveRow = await harness.waitForEntry(
    'the live Latin-1 named file is archived',
    (entry) => entry.rawName === live.toString('hex') && entry.state === 'archived',
  );
  // 0x81 is undefined in Windows-1252: it shows as the replacement character.
  assert.equal(liveRow.fileName, 'Facture Février \uFFFD.pdf');

  assert.deepEqual(
    emulator
      .uploads()
      .map((upload) => upload.filename)
      .sort(),
    ['Facture Février \uFFFD.pdf', SHOWN],
  );
  assert.deepEqual(
    rawNamesIn(dir).map((hex) => Buffer.from(hex, 'hex').toString()),
    [FOLDER_MARKER_FILE, FOLDER_OWNER_FILE, '_uploaded'],
  );
  assert.deepEqual(
    rawNamesIn(path.join(dir, '_uploaded', monthFolder())),
    [SHOWN, 'Facture Février \uFFFD.pdf'].map((name) => Buffer.from(name).toString('hex')).sort(),
  );
});

const probeDir = path.join(tmpdir(), `cf-immutable-raw-${process.pid}`);
await mkdir(probeDir, { recursive: true });
const noImmutable = await immutableUnsupportedReason(probeDir);
await rm(probeDir, { recursive: true, force: true });

test(
  'a name that is not UTF-8 in a folder the app may not write to: a failed row names it',
  { skip: noImmutable ?? false },
  async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const dir = folder(tempDir(t, 'raw-locked'), 'scans');
    const raw = latin1Name('verrouill\xe9.pdf');
    writeRawNamed(dir, raw, await pdfBytes(1));
    // chattr +i: not even root may rename in it (a read-only share, a folder without permission).
    await setImmutable([dir], true);
    try {
      const harness = await startEngine(t, { emulator, token: emulator.demoToken });
      await harness.engine.handlers['folders.add']({
        path: dir,
        companyNumber: administration.companyNumber,
        destination: { type: 'purchase' },
      });
      const row = await harness.waitForEntry(
        'the file that cannot be renamed fails',
        (entry) => entry.state === 'failed',
      );
      assert.equal(row.fileName, 'verrouillé.pdf');
      assert.equal(row.rawName, raw.toString('hex'));
      assert.equal(row.failure?.message.code, 'name_not_utf8_unrenamed');
      assert.match(englishOf(row.failure.message), /not valid UTF-8 .*\(EPERM\)/);
      assert.deepEqual(emulator.uploads(), []);
      assert.deepEqual(rawNamesIn(dir), [raw.toString('hex')], 'the file is left as it was');
    } finally {
      await setImmutable([dir], false);
    }
  },
);
