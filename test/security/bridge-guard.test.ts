// The browser-mode bridge over real HTTP: any web page the user has open can reach 127.0.0.1,
// so a request without the per-run secret, with a wrong one, from a foreign Origin or naming a
// foreign Host must be refused before it reaches the engine. A request that does everything
// right is answered, which shows the refusals are the guard's doing.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startBrowserMode } from '../../src-main/bridge/browser-mode.ts';
import { startEngineHarness } from '../support/engine-harness.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  origin: string,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const url = new URL(pathname, origin);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? 'GET',
        headers: options.headers,
        setHost: options.headers?.host === undefined,
      },
      (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => (body += chunk));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

test('the browser-mode bridge refuses a missing or wrong secret, a foreign Origin and a foreign Host', async (t) => {
  const harness = await startEngineHarness();
  const staticDir = await mkdtemp(path.join(tmpdir(), 'cf-bridge-static-'));
  await writeFile(
    path.join(staticDir, 'index.html'),
    '<!doctype html><title>Clearfacts Uploader</title>',
  );
  const bridge = await startBrowserMode({
    engine: harness.engine,
    staticDir,
    configDir: harness.configDir,
  });
  t.after(async () => {
    await bridge.close();
    await harness.close();
    await rm(staticDir, { recursive: true, force: true });
  });
  const { origin } = bridge;
  const host = new URL(origin).host;
  const secret = new URL(bridge.url).searchParams.get('secret');
  assert.ok(secret, 'the printed URL carries the secret');

  // The real first step: the secret in the link is exchanged for an HttpOnly cookie.
  const handshake = await send(origin, `/?secret=${encodeURIComponent(secret)}`);
  assert.equal(handshake.status, 303);
  const setCookie = [handshake.headers['set-cookie']].flat()[0];
  assert.ok(setCookie, 'the bridge sets its cookie');
  assert.match(setCookie, /HttpOnly/i);
  const cookie = setCookie.split(';')[0] as string;
  const cookieName = cookie.split('=')[0] as string;

  const invoke = (headers: Record<string, string>) =>
    send(origin, '/api/invoke/status.get', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });

  const allowed = await invoke({ cookie, origin });
  assert.equal(allowed.status, 200, allowed.body);
  assert.equal(JSON.parse(allowed.body).ok, true);

  const missing = await invoke({});
  assert.equal(missing.status, 403);
  assert.match(missing.body, /secret is missing/);

  const wrong = await invoke({ cookie: `${cookieName}=${'x'.repeat(secret.length)}` });
  assert.equal(wrong.status, 403);
  assert.match(wrong.body, /secret is wrong/);

  const wrongInLink = await send(origin, '/?secret=not-the-secret');
  assert.equal(wrongInLink.status, 403);
  assert.equal(wrongInLink.headers['set-cookie'], undefined, 'a wrong link sets no cookie');

  const foreignOrigin = await invoke({ cookie, origin: 'http://evil.example' });
  assert.equal(foreignOrigin.status, 403);
  assert.match(foreignOrigin.body, /evil\.example/);

  const crossSite = await invoke({ cookie, 'sec-fetch-site': 'same-site' });
  assert.equal(crossSite.status, 403, 'a page on another port of 127.0.0.1 is refused');

  const foreignHost = await invoke({ cookie, host: `evil.example:${new URL(origin).port}` });
  assert.equal(foreignHost.status, 421);
  const rebinding = await send(origin, `/?secret=${encodeURIComponent(secret)}`, {
    headers: { host: 'attacker.example' },
  });
  assert.equal(rebinding.status, 421, 'a DNS-rebinding page cannot even trade the secret');

  const events = await send(origin, '/api/events', { headers: { host } });
  assert.equal(events.status, 403, 'the event stream needs the secret too');
  const files = await send(origin, '/api/files', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', origin: 'http://evil.example', cookie },
    body: '%PDF-1.7',
  });
  assert.equal(files.status, 403, 'no foreign page can stage files');
});
