// A kill between the after-upload step's set-aside rename and its removal, on a real temp folder
// and a real SQLite history: on start, a set-aside file whose row has its uuid is finished by the
// step (removed or moved), any other is brought back under its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  archiveDeliveredFile,
  deliveredFileOf,
} from '../../../../src-main/core/queue/after-upload.ts';
import { restoreSetAsideFiles } from '../../../../src-main/core/queue/set-aside-recovery.ts';
import type { HistoryRepository } from '../../../../src-main/core/store/history-repository.ts';
import { createRecordingLogger } from '../../../support/recording-logger.ts';
import { tempDir } from '../../../support/temp-folders.ts';
import { newFile, openTempHistory } from '../../../support/temp-history.ts';

const AT = new Date(2026, 2, 15);

/**
 * Writes `content` at `filePath`, records it as sent (with a uuid unless `uuid` is null: then the
 * send was cut short, `unconfirmed`), and renames it to the hidden name the step gives it
 * (`.cf-deleting-<row id>-<name>`, written out here as the step's contract), as a kill after that
 * rename leaves it.
 */
async function setAsideWhenKilled(
  repository: HistoryRepository,
  root: string,
  filePath: string,
  content: string,
  uuid: string | null,
): Promise<{ id: number; aside: string }> {
  await writeFile(filePath, content);
  const stats = await stat(filePath);
  const row = repository.insert(
    newFile({ path: filePath, fileName: path.basename(filePath), watchRoot: root, state: 'ready' }),
  );
  repository.transition(row.id, 'uploading', {
    sizeBytes: stats.size,
    mtimeMs: stats.mtimeMs,
    ctimeMs: stats.ctimeMs,
    ino: stats.ino,
    sha256: createHash('sha256').update(content).digest('hex'),
  });
  if (uuid === null) repository.transition(row.id, 'unconfirmed');
  else repository.transition(row.id, 'uploaded', { uuid });
  const { name, ext } = path.parse(filePath);
  const aside = path.join(path.dirname(filePath), `.cf-deleting-${row.id}-${name}${ext}`);
  await rename(filePath, aside);
  return { id: row.id, aside };
}

test('set-aside files left by a kill: uploaded ones are finished, others come back', async (t) => {
  const root = tempDir(t, 'set-aside');
  const sub = path.join(root, 'Bakkerij (0123456789)');
  await mkdir(sub);
  const { repository } = openTempHistory(t);
  const deleted = await setAsideWhenKilled(repository, root, path.join(root, 'A.pdf'), 'a', 'u-a');
  const moved = await setAsideWhenKilled(repository, sub, path.join(sub, 'D.pdf'), 'd', 'u-d');
  const unsent = await setAsideWhenKilled(repository, root, path.join(root, 'B.pdf'), 'b', null);
  // A new scan took B's name meanwhile; and a row the history no longer has.
  await writeFile(path.join(root, 'B.pdf'), 'the next scan');
  await writeFile(path.join(sub, '.cf-deleting-999-Lost.pdf'), 'lost');

  const logger = createRecordingLogger();
  const restored = await restoreSetAsideFiles([root], repository, logger);

  assert.deepEqual(restored.sort(), [path.join(root, 'B (2).pdf'), path.join(sub, 'Lost.pdf')]);
  assert.equal(await readFile(path.join(root, 'B (2).pdf'), 'utf8'), 'b');
  assert.equal(await readFile(path.join(root, 'B.pdf'), 'utf8'), 'the next scan');
  assert.equal(await readFile(path.join(sub, 'Lost.pdf'), 'utf8'), 'lost');
  assert.ok(!(await readdir(root)).includes(path.basename(unsent.aside)));

  // The rows with a uuid are what the start's after-upload steps run for (awaitingLocalStep).
  const awaiting = repository.awaitingLocalStep();
  assert.deepEqual(
    awaiting.map((record) => record.id),
    [deleted.id, moved.id],
  );
  const [forDelete, forMove] = awaiting.map(deliveredFileOf);
  assert.ok(forDelete && forMove);
  assert.equal(await archiveDeliveredFile(forDelete, 'delete', AT), null);
  const archived = await archiveDeliveredFile(forMove, 'move', AT);
  assert.equal(archived, path.join(sub, '_uploaded', '2026-03', 'D.pdf'));
  assert.equal(await readFile(archived, 'utf8'), 'd');

  assert.deepEqual((await readdir(root)).sort(), ['B (2).pdf', 'B.pdf', 'Bakkerij (0123456789)']);
  assert.deepEqual((await readdir(sub)).sort(), ['Lost.pdf', '_uploaded']);
});

test('recovery lists the folders files are set aside in, never _uploaded/ or hidden ones', async (t) => {
  const root = tempDir(t, 'set-aside-walk');
  const client = path.join(root, 'Bakkerij (0123456789)');
  const archive = path.join(client, '_uploaded', '2026-03');
  await mkdir(archive, { recursive: true });
  await mkdir(path.join(root, '_uploaded', '2026-02'), { recursive: true });
  await mkdir(path.join(root, '.git'));
  // An accountant's archive: every file ever delivered, read at every start before.
  for (let index = 0; index < 2_000; index += 1) {
    await writeFile(path.join(archive, `Scan ${index}.pdf`), '');
  }
  await writeFile(path.join(root, '_uploaded', '2026-02', '.cf-deleting-7-Old.pdf'), 'old');
  const { repository } = openTempHistory(t);
  const unsent = await setAsideWhenKilled(
    repository,
    client,
    path.join(client, 'C.pdf'),
    'c',
    null,
  );
  await writeFile(path.join(root, '.cf-deleting-998-Top.pdf'), 'top');

  const listed: string[] = [];
  let entriesRead = 0;
  const countingReaddir = async (directory: string) => {
    listed.push(directory);
    const entries = await readdir(directory, { withFileTypes: true });
    entriesRead += entries.length;
    return entries;
  };
  const restored = await restoreSetAsideFiles(
    [root],
    repository,
    createRecordingLogger(),
    undefined,
    countingReaddir,
  );

  assert.deepEqual(listed.sort(), [root, client].sort());
  assert.ok(entriesRead < 10, `${entriesRead} entries read`);
  assert.deepEqual(restored.sort(), [path.join(client, 'C.pdf'), path.join(root, 'Top.pdf')]);
  assert.equal(await readFile(path.join(client, 'C.pdf'), 'utf8'), 'c');
  assert.ok(!(await readdir(client)).includes(path.basename(unsent.aside)));
  // What lies in _uploaded/ was never set aside by the step (it sets aside in the file's folder).
  assert.equal(
    await readFile(path.join(root, '_uploaded', '2026-02', '.cf-deleting-7-Old.pdf'), 'utf8'),
    'old',
  );
});
