// The move step on real folders: a folder gone at move time is a step not done, and a name at
// the file system's limit still finds a free name in `_uploaded/`.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import { mkdir, readdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { englishOf } from '../../../../src-main/contract/messages/index.ts';
import {
  AfterUploadError,
  archiveDeliveredFile,
  type AfterUploadFs,
  FileChangedSinceSentError,
  fitName,
} from '../../../../src-main/core/queue/after-upload.ts';
import { hashFile } from '../../../../src-main/core/documents/hash-file.ts';
import { tempDir } from '../../../support/temp-folders.ts';

const AT = new Date(2026, 2, 15);

async function delivered(filePath: string, watchRoot: string, id = 1) {
  const stats = await stat(filePath);
  return {
    id,
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

/** `Factuur.pdf` in a new temp folder, written and recorded as sent. */
async function sentFile(t: TestContext, label: string) {
  const root = tempDir(t, label);
  const file = path.join(root, 'Factuur.pdf');
  await writeFile(file, 'the bytes sent');
  return { root, file, sent: await delivered(file, root) };
}

/**
 * The after-upload step's file operations with one hook: `between` runs once, when the step first
 * renames or removes `file` (after its check), before the real operation.
 */
function writesBetween(file: string, between: () => Promise<void>): AfterUploadFs {
  let done = false;
  const once = async (target: unknown) => {
    if (!done && target === file) {
      done = true;
      await between();
    }
  };
  return {
    ...fsPromises,
    rename: async (from, to) => {
      await once(from);
      return fsPromises.rename(from, to);
    },
    unlink: async (target) => {
      await once(target);
      return fsPromises.unlink(target);
    },
  };
}

/**
 * Writes `text` into `file` and dates it 2 s later, as a rewrite seconds after the upload is:
 * written at once, it could fall in the file system's clock tick of the first write (jiffies) and
 * keep its mtime.
 */
async function rewriteLater(file: string, text: string): Promise<void> {
  const before = await stat(file);
  await writeFile(file, text);
  const later = new Date(before.mtimeMs + 2_000);
  await utimes(file, later, later);
}

/** `step` fails as FileChangedSinceSentError, the file brought back at `where`. */
async function rejectsAsChanged(step: Promise<unknown>, where: string): Promise<void> {
  await assert.rejects(step, (error: unknown) => {
    assert.ok(error instanceof FileChangedSinceSentError);
    assert.equal(error.path, where, 'brought back there');
    return true;
  });
}

test('a file rewritten after its check and before the move is brought back, not moved as sent', async (t) => {
  const { root, file, sent } = await sentFile(t, 'window-move');
  // A scanner's second pass: the same length, written in place, after the step looked. It comes
  // seconds after the upload; written within the same clock tick as the first, its mtime would be
  // the same and only a hash could tell.
  const fs = writesBetween(file, () => rewriteLater(file, 'other bytes!!!'));

  await rejectsAsChanged(archiveDeliveredFile(sent, 'move', AT, fs), file);
  assert.equal(await readFile(file, 'utf8'), 'other bytes!!!');
  assert.deepEqual(await readdir(path.join(root, '_uploaded', '2026-03')), [], 'nothing archived');
});

test('a file rewritten after its check and before the delete is kept', async (t) => {
  const { root, file, sent } = await sentFile(t, 'window-delete');
  const fs = writesBetween(file, () => writeFile(file, 'a longer second version'));

  await assert.rejects(archiveDeliveredFile(sent, 'delete', AT, fs), FileChangedSinceSentError);
  assert.equal(await readFile(file, 'utf8'), 'a longer second version');
  assert.deepEqual(await readdir(root), ['Factuur.pdf'], 'no file set aside is left behind');
});

test('a changed file whose name was taken meanwhile comes back under the next free name', async (t) => {
  const { root, file, sent } = await sentFile(t, 'window-taken');
  const fs: AfterUploadFs = {
    ...fsPromises,
    rename: async (from, to) => {
      const first = from === file && !(await readFile(file, 'utf8')).startsWith('changed');
      if (first) await rewriteLater(file, 'changed bytes!');
      await fsPromises.rename(from, to);
      // The scanner writes the next page under the same name once the first is out of the way.
      if (first) await writeFile(file, 'the next scan');
    },
  };

  await rejectsAsChanged(
    archiveDeliveredFile(sent, 'move', AT, fs),
    path.join(root, 'Factuur (2).pdf'),
  );
  assert.equal(await readFile(file, 'utf8'), 'the next scan', 'never overwritten');
  assert.equal(await readFile(path.join(root, 'Factuur (2).pdf'), 'utf8'), 'changed bytes!');
});

/**
 * A network client's cached attributes: `stat` of the file (at any path it is moved to) answers
 * what it answered when the file was checked, whatever was written since.
 */
async function cachedAttributes(file: string): Promise<AfterUploadFs> {
  const cached = await stat(file);
  const name = path.basename(file);
  return {
    ...fsPromises,
    stat: (async (target: string) =>
      path.basename(target) === name ? cached : fsPromises.stat(target)) as AfterUploadFs['stat'],
  };
}

/** hashFile, counting its calls. */
function countedHash() {
  let calls = 0;
  return {
    hash: (filePath: string) => {
      calls += 1;
      return hashFile(filePath);
    },
    count: () => calls,
  };
}

test('on a network share the bytes are compared even when the stats say unchanged', async (t) => {
  const { root, file, sent } = await sentFile(t, 'network-share');
  const fs = await cachedAttributes(file);
  await writeFile(file, 'other bytes!!!'); // another machine's rewrite the cache does not show

  await assert.rejects(
    archiveDeliveredFile(sent, 'move', AT, fs, hashFile, true),
    FileChangedSinceSentError,
  );
  assert.equal(await readFile(file, 'utf8'), 'other bytes!!!', 'left where it is');
  // The same lying stats on a local disk are believed: no read of the bytes.
  const hashes = countedHash();
  const moved = await archiveDeliveredFile(sent, 'move', AT, fs, hashes.hash, false);
  assert.equal(moved, path.join(root, '_uploaded', '2026-03', 'Factuur.pdf'));
  assert.equal(hashes.count(), 0);
});

test('on a network share an unchanged file is hashed and moved', async (t) => {
  const { root, sent } = await sentFile(t, 'network-same');
  const hashes = countedHash();

  const moved = await archiveDeliveredFile(sent, 'move', AT, fsPromises, hashes.hash, true);
  assert.equal(moved, path.join(root, '_uploaded', '2026-03', 'Factuur.pdf'));
  assert.ok(hashes.count() >= 1, 'its bytes were compared');
});

/**
 * `_uploaded/` on another device: a rename into it fails with EXDEV (renames within one folder
 * work), and `afterCopy` runs once, after the first copy into it and before the step goes on.
 */
function crossDevice(afterCopy: () => Promise<void>): AfterUploadFs {
  let done = false;
  return {
    ...fsPromises,
    rename: async (from, to) => {
      if (String(to).includes(`${path.sep}_uploaded${path.sep}`)) {
        throw Object.assign(new Error('EXDEV: injected cross-device rename'), { code: 'EXDEV' });
      }
      return fsPromises.rename(from, to);
    },
    copyFile: async (from, to, mode) => {
      await fsPromises.copyFile(from, to, mode);
      if (!done) {
        done = true;
        await afterCopy();
      }
    },
  };
}

test('across devices, a new scan written by path after the copy is kept, not removed', async (t) => {
  const { root, file, sent } = await sentFile(t, 'exdev-by-path');
  const fs = crossDevice(() => writeFile(file, 'the next scan!'));

  const moved = await archiveDeliveredFile(sent, 'move', AT, fs);
  assert.equal(moved, path.join(root, '_uploaded', '2026-03', 'Factuur.pdf'));
  assert.equal(await readFile(moved, 'utf8'), 'the bytes sent', 'the version sent is archived');
  assert.equal(await readFile(file, 'utf8'), 'the next scan!', 'the new scan stays');
  assert.deepEqual((await readdir(root)).sort(), ['Factuur.pdf', '_uploaded']);
});

test('across devices, a rewrite through an open handle after the copy is brought back', async (t) => {
  const { root, file, sent } = await sentFile(t, 'exdev-open-writer');
  // A scanner that keeps the file open: its writes follow the file wherever it is renamed.
  const writer = await fsPromises.open(file, 'r+');
  t.after(() => writer.close());
  const fs = crossDevice(async () => {
    await writer.write('a longer second version', 0);
  });

  await rejectsAsChanged(archiveDeliveredFile(sent, 'move', AT, fs), file);
  assert.equal(await readFile(file, 'utf8'), 'a longer second version');
  assert.deepEqual(await readdir(path.join(root, '_uploaded', '2026-03')), [], 'no copy is kept');
  assert.deepEqual((await readdir(root)).sort(), ['Factuur.pdf', '_uploaded']);
});
