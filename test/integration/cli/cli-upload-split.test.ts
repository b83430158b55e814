// `upload --split` follows each batch through its parts (issue #17): every part gets its line and
// is counted, also a batch whose parts were all delivered (and the batch settled) before `upload`
// saw it cut into parts. Found attacking round 11: of three batches in one folder, the last one's
// parts were sent but never named, and the batch read "uploaded (marked done)".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { pdfBytes } from '../../fixtures/generate-documents.ts';
import { runCli } from '../../support/cli-process.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

test('upload --split names and counts every part of every batch, and no batch reads as marked done', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const root = tempDir(t, 'upload-split');
  const scans = folder(root, 'scans');
  const batches = ['Scan 0042', 'Scan 0043', 'Scan 0044', 'Scan 0045'];
  for (const [index, name] of batches.entries()) {
    await writeFile(
      path.join(scans, `${name}.pdf`),
      await pdfBytes(2, { label: `batch ${index}` }),
    );
  }
  const context = {
    configDir: folder(root, 'config'),
    apiUrl: emulator.graphqlUrl,
    token: emulator.demoToken,
    env: { LC_ALL: 'en_GB.UTF-8' },
  };
  const upload = await runCli(context, [
    'upload',
    scans,
    '--company',
    administration.companyNumber,
    '--type',
    'purchase',
    '--split',
    'page',
  ]);
  assert.equal(upload.code, 0, upload.stderr);
  const sent = emulator.uploads().map((stored) => stored.filename);
  assert.equal(sent.length, batches.length * 2, `the emulator got ${sent.join(', ')}`);
  for (const part of sent) {
    assert.match(upload.stdout, new RegExp(`^uploaded +${part.replace(/[().]/g, '\\$&')} `, 'm'));
  }
  assert.doesNotMatch(upload.stdout, /marked done/, upload.stdout);
  // Every batch and every part, as the lines above.
  assert.match(upload.stdout, new RegExp(`^Uploaded: ${batches.length * 3}, failed: 0`, 'm'));
});
