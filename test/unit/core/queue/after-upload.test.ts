// The move step on real folders: a folder gone at move time is a step not done, and a name at
// the file system's limit still finds a free name in `_uploaded/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { englishOf } from '../../../../src-main/contract/messages/index.ts';
import {
  AfterUploadError,
  archiveDeliveredFile,
  FileChangedSinceSentError,
  fitName,
} from '../../../../src-main/core/queue/after-upload.ts';
import { tempDir } from '../../../support/temp-folders.ts';

const AT = new Date(2026, 2, 15);

async function delivered(filePath: string, watchRoot: string) {
  const stats = await stat(filePath);
  return {
    path: filePath,
    watchRoot,
    sizeBytes: stats.size,
    mtimeMs: stats.mtimeMs,
    ctimeMs: stats.ctimeMs,
    ino: stats.ino,
    sha256: createHash('sha256')
      .update(await readFile(filePath))
      .digest('hex'),
  };
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

/** Writes `content` beside `target` with `target`'s mtime, then renames it over `target`. */
async function renameOver(target: string, content: string): Promise<void> {
  const before = await stat(target);
  const staged = `${target}.part`;
  await writeFile(staged, content);
  await utimes(staged, before.atime, before.mtime);
  await rename(staged, target);
  const after = await stat(target);
  assert.equal(after.size, before.size, 'the same size');
  assert.ok(Math.abs(after.mtimeMs - before.mtimeMs) < 1, 'the same mtime');
  assert.notEqual(after.ino, before.ino, 'another inode');
}

test('a file renamed over the one sent, same size and mtime, is not moved', async (t) => {
  const root = tempDir(t, 'renamed-over');
  const file = path.join(root, 'Factuur.pdf');
  await writeFile(file, 'the bytes sent');
  const sent = await delivered(file, root);
  await renameOver(file, 'other bytes!!!');

  await assert.rejects(archiveDeliveredFile(sent, 'move', AT), FileChangedSinceSentError);
  assert.equal(await readFile(file, 'utf8'), 'other bytes!!!', 'left where it is');
  assert.deepEqual(await readdir(root), ['Factuur.pdf'], 'no _uploaded/ made for it');
  await assert.rejects(archiveDeliveredFile(sent, 'delete', AT), FileChangedSinceSentError);
  assert.equal(await readFile(file, 'utf8'), 'other bytes!!!', 'not deleted either');
});

test('the same bytes renamed over the one sent (a sync tool rewriting it) are moved as sent', async (t) => {
  const root = tempDir(t, 'rewritten');
  const file = path.join(root, 'Factuur.pdf');
  await writeFile(file, 'the bytes sent');
  const sent = await delivered(file, root);
  await renameOver(file, 'the bytes sent');

  const moved = await archiveDeliveredFile(sent, 'move', AT);
  assert.equal(moved, path.join(root, '_uploaded', '2026-03', 'Factuur.pdf'));
});
