// Where a config folder's control channel listens, on every platform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlAddress } from '../../../../src-main/core/control/control-address.ts';

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

test('Windows: one named pipe per config folder, whatever the case of its path', () => {
  const pipe = controlAddress('C:\\Users\\Anna\\AppData\\Roaming\\clearfacts-uploader', 'win32');
  assert.equal(pipe.kind, 'pipe');
  const name = pipe.kind === 'pipe' ? pipe.path : '';
  assert.match(name, /^\\\\\.\\pipe\\clearfacts-uploader-[0-9a-f]{24}$/);
  assert.deepEqual(
    controlAddress('c:\\users\\anna\\appdata\\roaming\\CLEARFACTS-UPLOADER', 'win32'),
    pipe,
  );
  assert.notDeepEqual(
    controlAddress('C:\\Users\\Bert\\AppData\\Roaming\\clearfacts-uploader', 'win32'),
    pipe,
  );
});
