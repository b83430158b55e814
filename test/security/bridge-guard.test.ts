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

test('the browser-mode bridge refuses a missing, used or wrong link or session, a foreign Origin and a foreign Host', async (t) => {
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
  const code = new URL(bridge.url).hash.slice('#link='.length);
  assert.ok(code.length >= 43, 'the printed URL carries a single-use code in its fragment');

  const rebinding = await send(origin, '/api/session', {
    method: 'POST',
    headers: { host: 'attacker.example', 'x-clearfacts-link': code },
  });
  assert.equal(rebinding.status, 421, 'a DNS-rebinding page cannot even trade the link');
  // The real first step: the link's code is traded once for a session kept by the page.
  const handshake = await send(origin, '/api/session', {
    method: 'POST',
    headers: { 'x-clearfacts-link': code },
  });
  assert.equal(handshake.status, 200, handshake.body);
  assert.equal(handshake.headers['set-cookie'], undefined, 'no cookie, which every port gets');
  const session = (JSON.parse(handshake.body) as { session: string }).session;
  const reused = await send(origin, '/api/session', {
    method: 'POST',
    headers: { 'x-clearfacts-link': code },
  });
  assert.equal(reused.status, 403, 'the link works once');
  const cookie = 'x-clearfacts-session';

  const invoke = (headers: Record<string, string>) =>
    send(origin, '/api/invoke/status.get', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });

  const allowed = await invoke({ [cookie]: session, origin });
  assert.equal(allowed.status, 200, allowed.body);
  assert.equal(JSON.parse(allowed.body).ok, true);

  const missing = await invoke({});
  assert.equal(missing.status, 403);
  assert.match(missing.body, /"bridge_session_missing"/);

  const wrong = await invoke({ [cookie]: 'x'.repeat(session.length) });
  assert.equal(wrong.status, 403);
  assert.match(wrong.body, /"bridge_session_unknown"/);

  const foreignOrigin = await invoke({ [cookie]: session, origin: 'http://evil.example' });
  assert.equal(foreignOrigin.status, 403);
  assert.match(foreignOrigin.body, /evil\.example/);

  const crossSite = await invoke({ [cookie]: session, 'sec-fetch-site': 'same-site' });
  assert.equal(crossSite.status, 403, 'a page on another port of 127.0.0.1 is refused');

  const foreignHost = await invoke({
    [cookie]: session,
    host: `evil.example:${new URL(origin).port}`,
  });
  assert.equal(foreignHost.status, 421);

  const events = await send(origin, '/api/events', { headers: { host } });
  assert.equal(events.status, 403, 'the event stream needs the session too');
  const files = await send(origin, '/api/files', {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      origin: 'http://evil.example',
      [cookie]: session,
    },
    body: '%PDF-1.7',
  });
  assert.equal(files.status, 403, 'no foreign page can stage files');
});
