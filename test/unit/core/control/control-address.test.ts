// Where a config folder's control channel listens, on every platform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CONTROL_PIPE_KEY_NAME,
  controlAddress,
  publishPipeKey,
  readPipeKey,
} from '../../../../src-main/core/control/control-address.ts';

test('POSIX: engine.sock inside the config folder, unless the path is too long for a socket', () => {
  assert.deepEqual(controlAddress('/home/anna/.config/clearfacts-uploader', 'linux'), {
    kind: 'socket',
    path: '/home/anna/.config/clearfacts-uploader/engine.sock',
  });
  // '/engine.sock' adds 12 bytes: a folder of 95 bytes makes a socket path of exactly 107.
  const longest = `/home/anna/${'x'.repeat(84)}`;
  assert.equal(controlAddress(longest, 'linux').kind, 'socket', '107 bytes fit on Linux');
  const darwin = controlAddress(longest, 'darwin');
  assert.equal(darwin.kind, 'none', 'macOS allows 103 bytes');
  assert.match(darwin.kind === 'none' ? darwin.reason : '', /longer than the 103 bytes/);
  assert.equal(controlAddress(`${longest}y`, 'linux').kind, 'none', '108 bytes do not fit');
});

const KEY = 'a'.repeat(64);

test('Windows: one named pipe per config folder, whatever the case of its path', () => {
  const pipe = controlAddress(
    'C:\\Users\\Anna\\AppData\\Roaming\\clearfacts-uploader',
    'win32',
    KEY,
  );
  assert.equal(pipe.kind, 'pipe');
  const name = pipe.kind === 'pipe' ? pipe.path : '';
  assert.match(name, /^\\\\\.\\pipe\\clearfacts-uploader-[0-9a-f]{24}$/);
  assert.deepEqual(
    controlAddress('c:\\users\\anna\\appdata\\roaming\\CLEARFACTS-UPLOADER', 'win32', KEY),
    pipe,
  );
  assert.notDeepEqual(
    controlAddress('C:\\Users\\Bert\\AppData\\Roaming\\clearfacts-uploader', 'win32', KEY),
    pipe,
  );
});

test('Windows: the pipe name cannot be worked out without the key only the folder owner reads', async () => {
  const folder = 'C:\\Users\\Anna\\AppData\\Roaming\\clearfacts-uploader';
  // Another user knows the folder's path but not its key: they cannot create the pipe first.
  const withKey = controlAddress(folder, 'win32', KEY);
  const withOtherKey = controlAddress(folder, 'win32', 'b'.repeat(64));
  assert.notDeepEqual(withKey, withOtherKey);
  const folderHashOnly = createHash('sha256').update(folder.toLowerCase()).digest('hex');
  assert.ok(
    withKey.kind === 'pipe' && !withKey.path.includes(folderHashOnly.slice(0, 24)),
    'the name is not the folder hash of earlier versions',
  );
  const unpublished = controlAddress(folder, 'win32', null);
  assert.equal(unpublished.kind, 'none', 'no key: no engine to connect to');

  // The engine publishes a fresh key at each start, private to the user; the client reads it.
  const configDir = await mkdtemp(path.join(tmpdir(), 'pipe-key-'));
  try {
    assert.equal(await readPipeKey(configDir), null);
    const first = await publishPipeKey(configDir);
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal(await readPipeKey(configDir), first);
    assert.equal((await stat(path.join(configDir, CONTROL_PIPE_KEY_NAME))).mode & 0o777, 0o600);
    const second = await publishPipeKey(configDir);
    assert.notEqual(second, first, 'a name seen once is worth nothing after a restart');
    await writeFile(path.join(configDir, CONTROL_PIPE_KEY_NAME), 'not a key\n');
    assert.equal(await readPipeKey(configDir), null, 'a damaged key file means no engine');
  } finally {
    await rm(configDir, { recursive: true, force: true });
  }
});
