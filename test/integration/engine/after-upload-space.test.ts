// Issue #10: a full disk (or a refused or cross-device rename) when a file Clearfacts confirmed
// is moved into `_uploaded/`: the file stays uploaded and is never sent again, the row says why in
// the user's words, and the move is tried again by itself once space is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { englishOf } from '../../../src-main/contract/messages/index.ts';
import { writePdf } from '../../fixtures/generate-documents.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { monthFolder, startEngine } from '../../support/engine-harness.ts';
import { failingMoves } from '../../support/failing-moves.ts';
import { folder, tempDir } from '../../support/temp-folders.ts';

for (const code of ['ENOSPC', 'EACCES'] as const) {
  test(`${code} on the move after upload: uploaded once, moved when it passes`, async (t) => {
    const emulator = await startTestEmulator(t);
    const [administration] = emulator.seed.administrations;
    assert.ok(administration);
    const dir = folder(tempDir(t, 'full-disk'), 'scans');
    const moves = failingMoves(code);
    const harness = await startEngine(t, {
      emulator,
      token: emulator.demoToken,
      afterUploadFs: moves.fs,
      tuning: { afterUploadRetryMs: 300 },
    });
    await harness.engine.handlers['folders.add']({
      path: dir,
      companyNumber: administration.companyNumber,
      destination: { type: 'purchase' },
    });
    await writePdf(path.join(dir, 'invoice.pdf'), 1);

    const stuck = await harness.waitForEntry(
      'the move fails after the upload',
      (entry) => entry.state === 'uploaded' && entry.failure?.code === 'after_upload_failed',
    );
    const reason = code === 'ENOSPC' ? 'after_upload_no_space' : 'after_upload_no_permission';
    assert.equal(stuck.failure?.message.code, reason);
    assert.match(englishOf(stuck.failure.message), /will not be sent again/);
    await harness.until('the move is tried again', () => moves.refused() >= 3);
    assert.equal(emulator.uploads().length, 1, 'never sent again');
    assert.ok(existsSync(path.join(dir, 'invoice.pdf')), 'the file stays where it was');

    moves.heal();
    const done = await harness.waitForEntry(
      'the file is moved once space is back',
      (entry) => entry.id === stuck.id && entry.state === 'archived',
    );
    assert.equal(done.failure, null);
    assert.equal(emulator.uploads().length, 1, 'still sent once');
    assert.ok(existsSync(path.join(dir, '_uploaded', monthFolder(), 'invoice.pdf')));
    assert.ok(!existsSync(path.join(dir, 'invoice.pdf')));
  });
}

test('EXDEV on the move after upload: copied across and the original removed', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const dir = folder(tempDir(t, 'cross-device'), 'scans');
  const moves = failingMoves('EXDEV');
  const harness = await startEngine(t, {
    emulator,
    token: emulator.demoToken,
    afterUploadFs: moves.fs,
  });
  await harness.engine.handlers['folders.add']({
    path: dir,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  await writePdf(path.join(dir, 'invoice.pdf'), 1);
  const row = await harness.waitForEntry(
    'the file is archived',
    (entry) => entry.state === 'archived' || entry.failure !== null,
  );
  assert.equal(row.state, 'archived', JSON.stringify(row.failure));
  assert.ok(moves.refused() >= 1);
  assert.ok(existsSync(path.join(dir, '_uploaded', monthFolder(), 'invoice.pdf')));
  assert.ok(!existsSync(path.join(dir, 'invoice.pdf')));
  assert.equal(emulator.uploads().length, 1);
});
