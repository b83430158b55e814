// SHA-256 of bytes in memory: the digest coreutils' sha256sum gives for the same bytes on disk,
// and large inputs hashed in slices with the event loop turning between them (issue #17: an
// 84 MB batch hashed at once held the engine's thread for 80-90 ms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashBytes, hashFile } from '../../../../src-main/core/documents/hash-file.ts';

const MIB = 1024 * 1024;

/** Bytes that differ in every slice, so a slice hashed twice or skipped changes the digest. */
function patterned(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) bytes[index] = (index * 31 + (index >> 20)) & 0xff;
  return bytes;
}

test('the digest is sha256sum’s, at slice boundaries too, and hashFile’s', async (t) => {
  const directory = mkdtempSync(path.join(tmpdir(), 'hash-bytes-'));
  t.after(() => rmSync(directory, { recursive: true, force: true }));
  for (const size of [0, 1, MIB - 1, MIB, MIB + 1, 5 * MIB + 123]) {
    const bytes = patterned(size);
    const filePath = path.join(directory, `${size}.bin`);
    writeFileSync(filePath, bytes);
    const expected = execFileSync('sha256sum', [filePath], { encoding: 'utf8' }).split(' ')[0];
    assert.equal(await hashBytes(bytes), expected, `${size} bytes`);
    assert.equal(await hashFile(filePath), expected, `${size} bytes from the file`);
  }
});

test('a large input lets the event loop turn between slices instead of holding it', async () => {
  let turns = 0;
  let counting = true;
  const count = () => {
    turns += 1;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  await hashBytes(patterned(8 * MIB));
  counting = false;
  assert.ok(turns >= 7, `the loop turned ${turns} times while 8 MiB were hashed (8 slices)`);
});
