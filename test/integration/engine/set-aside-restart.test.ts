// A kill between the after-upload step's set-aside rename and its removal (issue #10): the next
// start of the engine finishes the file whose row has its uuid (deleted, never sent again) and
// brings back one it cannot place, which the intake then sends as any new file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openHistoryDatabase } from '../../../src-main/core/store/history-database.ts';
import { createHistoryRepository } from '../../../src-main/core/store/history-repository.ts';
import { startTestEmulator } from '../../emulator/emulator-test-support.ts';
import { startEngineHarness } from '../../support/engine-harness.ts';
import { newFile } from '../../support/temp-history.ts';

test('a start finishes a file a kill left set aside, and brings back one it cannot place', async (t) => {
  const emulator = await startTestEmulator(t);
  const [administration] = emulator.seed.administrations;
  assert.ok(administration);
  const first = await startEngineHarness({ emulator, settings: { afterUpload: 'delete' } });
  t.after(() => first.close());
  const dir = await first.addFolder('scans', administration.companyNumber, { type: 'purchase' });
  await first.stop();

  // What the killed engine left: a delivered row (uuid stored) whose file was set aside under
  // `.cf-deleting-<row id>-<name>` and not yet removed, and one whose row the history lacks.
  const sent = path.join(dir, 'Factuur.pdf');
  await writeFile(sent, '%PDF-1.4 the bytes sent');
  const stats = await stat(sent);
  const db = openHistoryDatabase(path.join(first.configDir, 'history.sqlite'));
  const repository = createHistoryRepository(db);
  const row = repository.insert(
    newFile({ path: sent, fileName: 'Factuur.pdf', watchRoot: dir, state: 'ready' }),
  );
  repository.transition(row.id, 'uploading', {
    sizeBytes: stats.size,
    mtimeMs: stats.mtimeMs,
    ctimeMs: stats.ctimeMs,
    ino: stats.ino,
    sha256: createHash('sha256').update('%PDF-1.4 the bytes sent').digest('hex'),
  });
  repository.transition(row.id, 'uploaded', { uuid: 'uuid-before-the-kill' });
  db.close();
  const aside = path.join(dir, `.cf-deleting-${row.id}-Factuur.pdf`);
  await rename(sent, aside);
  await writeFile(path.join(dir, '.cf-deleting-999-Lost.pdf'), 'not a pdf at all');

  const second = await startEngineHarness({ emulator, configDir: first.configDir });
  t.after(() => second.close());
  const finished = await second.waitForEntry(
    'the set-aside file finished by its after-upload step',
    (entry) => entry.id === row.id && entry.state !== 'uploaded',
  );
  assert.equal(finished.state, 'archived');
  assert.equal(existsSync(aside), false, 'removed, as the delete setting says');
  await second.waitForEntry(
    'the one brought back is seen by the intake',
    (entry) => entry.fileName === 'Lost.pdf',
  );
  assert.deepEqual(
    (await readdir(dir)).filter((name) => name.startsWith('.cf-deleting-')),
    [],
    'nothing stays hidden',
  );
  assert.equal(emulator.uploads().length, 0, 'the delivered file is never sent again');
});
