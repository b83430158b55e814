// The move step on real folders: a folder gone at move time is a step not done, and a name at
// the file system's limit still finds a free name in `_uploaded/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { englishOf } from '../../../../src-main/contract/messages/index.ts';
import {
  AfterUploadError,
  archiveDeliveredFile,
  fitName,
} from '../../../../src-main/core/queue/after-upload.ts';
import { tempDir } from '../../../support/temp-folders.ts';

const AT = new Date(2026, 2, 15);

async function delivered(filePath: string, watchRoot: string) {
  const stats = await stat(filePath);
  return { path: filePath, watchRoot, sizeBytes: stats.size, mtimeMs: stats.mtimeMs };
}

test('a folder renamed before the move is reported, not recorded as archived', async (t) => {
  const root = tempDir(t, 'after-upload');
  const inbox = path.join(root, 'inbox');
  await mkdir(inbox);
  const file = path.join(inbox, 'Factuur.pdf');
  await writeFile(file, 'sent bytes');
  const sent = await delivered(file, inbox);
  await rename(inbox, path.join(root, 'inbox (renamed)'));

  await assert.rejects(archiveDeliveredFile(sent, 'move', AT), (error: unknown) => {
    assert.ok(error instanceof AfterUploadError);
    assert.match(englishOf(error.reason), /inbox.*no longer there/);
    return true;
  });
});

test('a 255-byte name taken in _uploaded/ is shortened to fit, never refused', async (t) => {
  const root = tempDir(t, 'long-name');
  const name = `${'é'.repeat(125)}.pdf`; // 250 + 4 = 254 bytes of UTF-8
  assert.equal(Buffer.byteLength(name), 254);
  const month = path.join(root, '_uploaded', '2026-03');
  await mkdir(month, { recursive: true });
  await writeFile(path.join(month, name), 'the earlier one');
  const file = path.join(root, name);
  await writeFile(file, 'the new one');

  const moved = await archiveDeliveredFile(await delivered(file, root), 'move', AT);
  assert.ok(moved !== null);
  assert.ok(Buffer.byteLength(path.basename(moved)) <= 255);
  assert.match(path.basename(moved), /^é+ \(2\)\.pdf$/);
  assert.equal((await readdir(month)).length, 2);
  assert.equal(fitName('ab', ' (2)', '.pdf'), 'ab (2).pdf');
});
