import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  appUrl,
  createAppProtocolHandler,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  resolveInside,
} from '../../../src-main/electron/app-protocol.ts';

async function rendererFixture(t: { after(fn: () => Promise<void>): void }) {
  const base = await mkdtemp(path.join(tmpdir(), 'clearfacts-protocol-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  // Beside the renderer folder: must never be reachable.
  await writeFile(path.join(base, 'secret.txt'), 'TOKEN-FILE-CONTENT');
  await writeFile(path.join(base, 'renderer-evil.txt'), 'SIBLING-PREFIX');
  return { root, handle: createAppProtocolHandler(root) };
}

test('serves index.html at the root with the CSP and nosniff', async (t) => {
  const { handle } = await rendererFixture(t);
  const response = await handle(new Request('app://clearfacts/'));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.match(await response.text(), /<title>app<\/title>/);
});

test('serves built assets with their content type', async (t) => {
  const { handle } = await rendererFixture(t);
  const response = await handle(new Request('app://clearfacts/assets/main.js?v=1'));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(await response.text(), 'console.log(1)');
});

test('the CSP allows nothing but our own origin', () => {
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|https?:|\*/);
});

for (const attempt of [
  'app://clearfacts/..%2fsecret.txt',
  'app://clearfacts/%2e%2e%2fsecret.txt',
  'app://clearfacts/assets/..%2f..%2fsecret.txt',
  'app://clearfacts/..%5csecret.txt',
  'app://clearfacts/%2e%2e%5c..%5csecret.txt',
  'app://clearfacts/..%2frenderer-evil.txt',
  'app://clearfacts/index.html%00.png',
]) {
  test(`refuses path traversal: ${attempt}`, async (t) => {
    const { handle } = await rendererFixture(t);
    const response = await handle(new Request(attempt));
    assert.ok([403, 404].includes(response.status), `status ${response.status}`);
    const body = await response.text();
    assert.doesNotMatch(body, /TOKEN-FILE-CONTENT|SIBLING-PREFIX/);
  });
}

test('dot segments are normalised by the URL parser and stay inside the folder', async (t) => {
  const { handle } = await rendererFixture(t);
  const response = await handle(new Request('app://clearfacts/../../secret.txt'));
  assert.equal(response.status, 404);
  assert.doesNotMatch(await response.text(), /TOKEN-FILE-CONTENT/);
});

test('resolveInside refuses anything outside the root, including a prefix-sharing sibling', () => {
  const root = path.resolve('/srv/renderer');
  assert.equal(resolveInside(root, 'app://clearfacts/a/b.js'), path.join(root, 'a', 'b.js'));
  assert.equal(resolveInside(root, 'app://clearfacts/..%2frenderer-evil/x'), null);
  assert.equal(resolveInside(root, 'app://clearfacts/%E0%A4%A'), null);
});

test('refuses other hosts, other methods and missing files', async (t) => {
  const { handle } = await rendererFixture(t);
  assert.equal((await handle(new Request('app://other/index.html'))).status, 404);
  assert.equal(
    (await handle(new Request('app://clearfacts/index.html', { method: 'POST', body: 'x' })))
      .status,
    405,
  );
  assert.equal((await handle(new Request('app://clearfacts/nope.js'))).status, 404);
});

test('isAppUrl and appUrl agree on our origin only', () => {
  assert.equal(appUrl('drop'), 'app://clearfacts/index.html#/drop');
  assert.ok(isAppUrl(appUrl('')));
  for (const foreign of [
    'https://clearfacts/index.html',
    'app://clearfacts.evil.example/',
    'app://evil/',
    'file:///etc/passwd',
    'not a url',
    '',
  ]) {
    assert.equal(isAppUrl(foreign), false, foreign);
  }
});
