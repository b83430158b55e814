// Issue #10, failure 6: on Linux a file name is bytes, and a Latin-1 name from an old scanner, an
// SMB share or an FTP drop is not valid UTF-8. chokidar reports nothing for such a file (its
// string path cannot be stat'ed), so it used to get no row, no log line and no upload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { monthFolder, startEngine } from '../../support/engine-harness.ts';
import { latin1Name, rawNamesIn, writeRawNamed } from '../../support/raw-names.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

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
    ['_uploaded'],
  );
  assert.deepEqual(
    rawNamesIn(path.join(dir, '_uploaded', monthFolder())),
    [SHOWN, 'Facture Février \uFFFD.pdf'].map((name) => Buffer.from(name).toString('hex')).sort(),
  );
});
