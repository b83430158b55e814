// `npm start` where the Electron runtime cannot be downloaded: it must try the electron package's
// own installer and then explain in one paragraph what failed and what to do. The installer is
// pointed at a closed loopback port (ELECTRON_MIRROR), so the test sends nothing off the machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findElectronRuntime, isStale } from '../../../scripts/start-electron.ts';

const root = path.resolve(import.meta.dirname, '../../..');

async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === 'object');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

/** The environment without anything that would send @electron/get elsewhere. */
function isolatedEnvironment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      /electron_(mirror|custom_dir|custom_filename|nightly_mirror|get_use_proxy)|proxy/i.test(key)
    )
      continue;
    environment[key] = value;
  }
  return { ...environment, ...overrides };
}

test(
  'a missing runtime that cannot be downloaded is explained in one paragraph, exit 1',
  { skip: findElectronRuntime() === null ? false : 'the Electron runtime is installed here' },
  async (t) => {
    const cache = mkdtempSync(path.join(tmpdir(), 'clearfacts-electron-cache-'));
    t.after(() => rmSync(cache, { recursive: true, force: true }));
    const port = await closedLoopbackPort();
    const result = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "(await import('./scripts/start-electron.ts')).ensureRuntime()",
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: isolatedEnvironment({
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: cache,
        }),
      },
    );
    assert.equal(result.status, 1, result.stdout + result.stderr);
    const explanation = result.stderr
      .split('\n')
      .find((line) => line.startsWith('Cannot start the desktop app'));
    assert.ok(explanation, result.stderr);
    for (const expected of [
      /Electron runtime is not installed/,
      /node_modules\/electron\/install\.js exited 1/,
      /HTTPS_PROXY/,
      /ELECTRON_MIRROR/,
      /npx clearfacts-uploader ui/,
    ]) {
      assert.match(explanation, expected);
    }
    assert.match(result.stdout, /fetching it with the electron package installer/);
  },
);

test('a build is stale when a source is newer than its output or the output is missing', () => {
  assert.equal(
    isStale(path.join(root, 'no/such/output.js'), [path.join(root, 'package.json')]),
    true,
  );
  assert.equal(
    isStale(path.join(root, 'package.json'), [path.join(root, 'no/such/source')]),
    false,
  );
});
