import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { scanFolder } from '../../../../src-main/core/intake/scan-folder.ts';
import type { ScannedFile } from '../../../../src-main/core/intake/scan-folder.ts';

test('lists files with size and mtime, skipping ignored names, nested bindings and links', async (t) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'scan-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await mkdir(path.join(root, 'a', 'b'), { recursive: true });
  await mkdir(path.join(root, '_uploaded', '2026-11'), { recursive: true });
  await mkdir(path.join(root, 'nested-binding'));
  await writeFile(path.join(root, 'one.pdf'), '1');
  await writeFile(path.join(root, 'a', 'b', 'two.pdf'), '22');
  await writeFile(path.join(root, '_uploaded', '2026-11', 'done.pdf'), 'x');
  await writeFile(path.join(root, 'nested-binding', 'theirs.pdf'), 'x');
  await writeFile(path.join(root, 'a', 'draft.pdf.part'), 'x');
  await symlink(path.join(root, 'one.pdf'), path.join(root, 'link.pdf'));
  await symlink(path.join(root, 'a'), path.join(root, 'linked-folder'));

  const found: ScannedFile[] = [];
  const summary = await scanFolder(root, {
    skipDirectory: (directory) => directory === path.join(root, 'nested-binding'),
    isCancelled: () => false,
    onFile: (file) => found.push(file),
    onProblem: (entry, error) => assert.fail(`${entry}: ${String(error)}`),
  });
  assert.deepEqual(found.map((file) => [path.relative(root, file.path), file.sizeBytes]).sort(), [
    [path.join('a', 'b', 'two.pdf'), 2],
    ['one.pdf', 1],
  ]);
  assert.ok(found.every((file) => file.mtimeMs > 0));
  assert.deepEqual(summary, { files: 2, directories: 3 });
});

test('a missing root is an error, never an empty folder', async () => {
  await assert.rejects(
    scanFolder(path.join(os.tmpdir(), 'no-such-folder-for-intake'), {
      skipDirectory: () => false,
      isCancelled: () => false,
      onFile: () => assert.fail('no file can come from a missing folder'),
      onProblem: () => undefined,
    }),
    { code: 'ENOENT' },
  );
});
