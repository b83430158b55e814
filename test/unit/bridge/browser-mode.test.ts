// The loopback bridge over real HTTP: each refusal (no session, wrong session, foreign Origin,
// foreign Host, another local site), the single-use link handshake, invoke, SSE and staging.
import type { Message } from '../../../src-main/contract/messages/index.ts';
import { englishOf, renderMessage } from '../../../src-main/contract/messages/index.ts';
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserMode, type BrowserMode } from '../../../src-main/bridge/browser-mode.ts';
import { InvokeResult, StagedFiles } from '../../../src-main/contract/api-contract.ts';
import { withDeadline } from '../../support/waiting.ts';
import { createFakeEngine, GOOD_TOKEN, type FakeEngine } from './fake-engine.ts';

interface Started {
  bridge: BrowserMode;
  engine: FakeEngine;
  configDir: string;
  /** The link's code, already traded for `session`. */
  code: string;
  session: string;
  port: number;
}

async function start(t: TestContext): Promise<Started> {
  const root = await mkdtemp(path.join(tmpdir(), 'bridge-test-'));
  const staticDir = path.join(root, 'static');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  await writeFile(path.join(root, 'outside.html'), 'secret stuff');
  const configDir = path.join(root, 'config');
  const engine = createFakeEngine();
  const bridge = await startBrowserMode({ engine, staticDir, configDir });
  t.after(async () => {
    await bridge.close();
    await rm(root, { recursive: true, force: true });
  });
  const url = new URL(bridge.url);
  const code = url.hash.slice('#link='.length);
  const port = Number(url.port);
  const traded = await fetch(`${bridge.origin}/api/session`, {
    method: 'POST',
    headers: { 'x-clearfacts-link': code },
  });
  const { session } = (await traded.json()) as { session: string };
  return { bridge, engine, configDir, code, session, port };
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, because fetch will not let a test forge the Host header. */
function raw(
  port: number,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

function invoke(
  s: Started,
  channel: string,
  body: unknown,
  extra: Record<string, string> = {},
): Promise<RawAnswer> {
  return raw(
    s.port,
    'POST',
    `/api/invoke/${channel}`,
    { 'content-type': 'application/json', 'x-clearfacts-session': s.session, ...extra },
    JSON.stringify(body),
  );
}

function envelope(answer: RawAnswer): InvokeResult {
  return InvokeResult.parse(JSON.parse(answer.body));
}

/** The message of a refused API answer. */
function refusalOf(answer: RawAnswer): Message {
  const result = envelope(answer);
  assert.ok(!result.ok, `refused: ${answer.body}`);
  return result.error.message;
}

test('the link carries a single-use code in its fragment; no cookie is ever set', async (t) => {
  const s = await start(t);
  assert.match(s.bridge.url, /^http:\/\/127\.0\.0\.1:\d+\/#link=[\w-]{43}$/);
  const again = await raw(s.port, 'POST', '/api/session', { 'x-clearfacts-link': s.code });
  assert.equal(again.status, 403, 'a used link opens nothing');
  assert.equal(refusalOf(again).code, 'bridge_link_used');
  const fresh = new URL(s.bridge.newLink()).hash.slice('#link='.length);
  const traded = await raw(s.port, 'POST', '/api/session', { 'x-clearfacts-link': fresh });
  assert.equal(traded.status, 200, 'a fresh link works once');
  assert.equal(traded.headers['set-cookie'], undefined);

  const page = await raw(s.port, 'GET', '/', {});
  assert.equal(page.status, 200, 'the page itself is the public bundle');
  assert.equal(page.headers['set-cookie'], undefined);
  assert.match(page.body, /<title>app<\/title>/);
  assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(page.headers['x-frame-options'], 'DENY');
  const script = await raw(s.port, 'GET', '/assets/app.js', { host: `localhost:${s.port}` });
  assert.equal(script.status, 200);
  assert.match(String(script.headers['content-type']), /text\/javascript/);
});

test('an API request without the session, or with a wrong one, is refused', async (t) => {
  const s = await start(t);
  const api = await raw(
    s.port,
    'POST',
    '/api/invoke/status.get',
    { 'content-type': 'application/json' },
    '{}',
  );
  assert.equal(api.status, 403);
  assert.equal(envelope(api).ok, false);
  const events = await raw(s.port, 'GET', '/api/events', {});
  assert.equal(events.status, 403);
  const wrong = `${s.session.slice(0, -1)}${s.session.endsWith('A') ? 'B' : 'A'}`;
  const inHeader = await invoke({ ...s, session: wrong }, 'status.get', {});
  assert.equal(inHeader.status, 403);
  assert.equal(refusalOf(inHeader).code, 'bridge_session_unknown');
  const inCookie = await raw(
    s.port,
    'POST',
    '/api/invoke/status.get',
    { 'content-type': 'application/json', cookie: `clearfacts_uploader_${s.port}=${s.session}` },
    '{}',
  );
  assert.equal(inCookie.status, 403, 'a cookie, which every port receives, opens nothing');
  assert.equal(s.engine.calls.length, 0, 'core was never reached');
});

test('a foreign Origin is refused even with the right cookie', async (t) => {
  const s = await start(t);
  for (const origin of ['http://evil.example', `http://127.0.0.1:${s.port + 1}`, 'null']) {
    const answer = await invoke(s, 'status.get', {}, { origin });
    assert.equal(answer.status, 403, origin);
    assert.deepEqual(refusalOf(answer), { code: 'bridge_origin_refused', params: { origin } });
  }
  const own = await invoke(s, 'status.get', {}, { origin: `http://localhost:${s.port}` });
  assert.equal(own.status, 200);
});

test('a foreign Host (DNS rebinding) is refused even with the right cookie', async (t) => {
  const s = await start(t);
  for (const host of [`evil.example:${s.port}`, `127.0.0.1:${s.port + 1}`, '127.0.0.1']) {
    const answer = await invoke(s, 'status.get', {}, { host });
    assert.equal(answer.status, 421, host);
    assert.deepEqual(refusalOf(answer), { code: 'bridge_host_refused', params: { host } });
  }
  assert.equal(s.engine.calls.length, 0);
});

test('API requests another local site makes on the user’s behalf are refused', async (t) => {
  const s = await start(t);
  const answer = await invoke(s, 'status.get', {}, { 'sec-fetch-site': 'same-site' });
  assert.equal(answer.status, 403);
  const form = await raw(
    s.port,
    'POST',
    '/api/invoke/session.signOut',
    { 'x-clearfacts-session': s.session, 'content-type': 'text/plain' },
    '{}',
  );
  assert.equal(form.status, 415, 'a form post cannot reach a handler');
  assert.equal(s.engine.calls.length, 0);
});

test('invoke validates the request and answers the InvokeResult envelope', async (t) => {
  const s = await start(t);
  const ok = envelope(await invoke(s, 'status.get', {}));
  assert.equal(ok.ok, true);

  const invalid = await invoke(s, 'session.signIn', { token: 42 });
  assert.equal(invalid.status, 400);
  const invalidResult = envelope(invalid);
  assert.ok(!invalidResult.ok && invalidResult.error.code === 'invalid_request');
  assert.match(englishOf(invalidResult.error.message), /token/);

  const extra = envelope(await invoke(s, 'status.get', { unexpected: true }));
  assert.ok(!extra.ok && extra.error.code === 'invalid_request');

  const refused = await invoke(s, 'session.signIn', { token: 'x'.repeat(80) });
  assert.equal(refused.status, 401);
  const refusedResult = envelope(refused);
  assert.ok(!refusedResult.ok && refusedResult.error.code === 'auth');

  const signedIn = envelope(await invoke(s, 'session.signIn', { token: GOOD_TOKEN }));
  assert.ok(signedIn.ok);

  const unknown = envelope(await invoke(s, 'no.such', {}));
  assert.ok(!unknown.ok && unknown.error.code === 'invalid_request');

  const notJson = await raw(
    s.port,
    'POST',
    '/api/invoke/status.get',
    { 'x-clearfacts-session': s.session, 'content-type': 'application/json' },
    '{',
  );
  assert.equal(notJson.status, 400);
});

test('a channel name that is not valid percent-encoding is refused as JSON, not a text 500', async (t) => {
  const s = await start(t);
  const malformed = await invoke(s, '%E0%A4%A', {});
  assert.equal(malformed.status, 400);
  assert.match(String(malformed.headers['content-type']), /^application\/json/);
  const result = envelope(malformed);
  assert.ok(!result.ok && result.error.code === 'invalid_request');
});

test('core events reach an open event stream as SSE frames', async (t) => {
  const s = await start(t);
  const controller = new AbortController();
  t.after(() => controller.abort());
  const response = await fetch(`${s.bridge.origin}/api/events`, {
    headers: { 'x-clearfacts-session': s.session },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = response.body?.getReader();
  assert.ok(reader);
  const decoder = new TextDecoder();
  let text = decoder.decode((await reader.read()).value);
  assert.match(text, /^retry: \d+/);
  s.engine.emit('settings.changed', await s.engine.handlers['settings.get']({}));
  await withDeadline(
    'a whole data frame on the event stream',
    (async () => {
      while (!text.includes('\n\ndata: ')) text += decoder.decode((await reader.read()).value);
      while (!text.endsWith('\n\n')) text += decoder.decode((await reader.read()).value);
    })(),
  );
  const frame = JSON.parse(text.split('data: ')[1] ?? '') as {
    channel: string;
    payload: { language: string };
  };
  assert.equal(frame.channel, 'settings.changed');
  assert.equal(frame.payload.language, 'system');
});

test('dropped files are staged under the config dir with their own names, within the size limit', async (t) => {
  const s = await start(t);
  await s.engine.handlers['settings.update']({ maxUploadBytes: 1000 });
  const form = new FormData();
  form.append('file', new Blob(['%PDF-1.7 small']), 'Factuur été 2026.pdf');
  form.append('file', new Blob([Buffer.alloc(1001, 1)]), 'too-big.pdf');
  form.append('file', new Blob(['escape']), '../../escape.pdf');
  const response = await fetch(`${s.bridge.origin}/api/files`, {
    method: 'POST',
    body: form,
    headers: { 'x-clearfacts-session': s.session },
  });
  assert.equal(response.status, 200);
  const { files } = StagedFiles.parse(await response.json());
  assert.equal(files.length, 3);
  const [small, big, escape] = files;
  assert.ok(small?.ok && escape?.ok);
  assert.equal(path.basename(small.path), 'Factuur été 2026.pdf');
  assert.ok(small.path.startsWith(path.join(s.configDir, 'dropped-files') + path.sep));
  assert.equal(await readFile(small.path, 'utf8'), '%PDF-1.7 small');
  assert.equal(path.basename(escape.path), 'escape.pdf');
  assert.ok(escape.path.startsWith(path.join(s.configDir, 'dropped-files') + path.sep));
  assert.ok(big !== undefined && !big.ok && big.failure.code === 'too_large');

  const noSecret = await fetch(`${s.bridge.origin}/api/files`, {
    method: 'POST',
    body: new FormData(),
  });
  assert.equal(noSecret.status, 403);
});

test('only files inside the built renderer are served', async (t) => {
  const s = await start(t);
  for (const pathname of [
    '/../outside.html',
    '/%2e%2e/outside.html',
    '/assets/%2e%2e/%2e%2e/outside.html',
    '/nothing.js',
  ]) {
    const answer = await raw(s.port, 'GET', pathname, { 'x-clearfacts-session': s.session });
    assert.equal(answer.status, 404, pathname);
  }
});

test('refuses to start when the renderer is not built', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'bridge-test-'));
  try {
    await assert.rejects(
      startBrowserMode({ engine: createFakeEngine(), staticDir: root, configDir: root }),
      /not built/,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a drop of more than 1,000 parts is refused whole with the limit, not cut short', async (t) => {
  const s = await start(t);
  const form = new FormData();
  for (let index = 0; index < 1_001; index += 1) {
    form.append('file', new Blob(['%PDF-1.7 small']), `scan-${index}.pdf`);
  }
  const response = await fetch(`${s.bridge.origin}/api/files`, {
    method: 'POST',
    body: form,
    headers: { 'x-clearfacts-session': s.session },
  });
  assert.equal(response.status, 413);
  const answer = InvokeResult.parse(await response.json());
  assert.ok(!answer.ok);
  assert.deepEqual(answer.error.message, {
    code: 'drop_too_many_files',
    params: { maxFiles: 1_000 },
  });
  assert.deepEqual(await readdir(path.join(s.configDir, 'dropped-files')), [], 'nothing kept');
});

test('dropped names with bidi controls or over 255 bytes are staged cleaned and shortened', async (t) => {
  const s = await start(t);
  const form = new FormData();
  form.append('file', new Blob(['%PDF-1.7 small']), 'rtl\u202Efdp.exe');
  form.append('file', new Blob(['%PDF-1.7 small']), `${'é'.repeat(200)}.pdf`);
  const response = await fetch(`${s.bridge.origin}/api/files`, {
    method: 'POST',
    body: form,
    headers: { 'x-clearfacts-session': s.session },
  });
  assert.equal(response.status, 200);
  const { files } = StagedFiles.parse(await response.json());
  const [reordered, long] = files;
  assert.ok(reordered?.ok && long?.ok, JSON.stringify(files));
  assert.equal(path.basename(reordered.path), 'rtlfdp.exe');
  // 255 bytes: 124 × 'é' (2 bytes) + '…' (3) + '.pdf' (4).
  assert.equal(path.basename(long.path), `${'é'.repeat(124)}….pdf`);
  assert.equal(await readFile(long.path, 'utf8'), '%PDF-1.7 small');
});

/**
 * A refusal reaches the page as a code whose only words are the things involved (a host, an
 * origin, a path, a channel, a field, a limit), so the page renders it whole in nl or fr.
 */
function assertSpeaksEveryLanguage(
  refusal: Message,
  expected: { code: string; named: readonly (string | number)[] },
): void {
  assert.equal(refusal.code, expected.code);
  const values = Object.values(refusal.params as Record<string, unknown>);
  assert.deepEqual(
    values.toSorted(),
    [...expected.named].toSorted(),
    `${refusal.code} carries only what it names, no sentence`,
  );
  const english = renderMessage(refusal, 'en');
  for (const language of ['nl', 'fr'] as const) {
    const text = renderMessage(refusal, language);
    assert.notEqual(text, english, `${refusal.code} has its own ${language} sentence`);
    // English function words that neither Dutch nor French uses (the subjects taken out first).
    const words = expected.named.reduce<string>(
      (rest, value) => rest.replace(String(value), ''),
      text,
    );
    assert.doesNotMatch(words, /\b(the|not|must|this|there|could|from|only|has)\b/i, text);
    for (const value of expected.named) {
      if (typeof value === 'string') assert.ok(text.includes(value), `${language} names ${value}`);
    }
  }
}

// A multipart body cut short (staging_failed) is left out: under node:test, busboy's "Unexpected
// end of form" aborts Node itself (`execution_async_id() == 0` in InternalCallbackScope), also
// on main; a plain node process answers it 400 with staging_failed.
test('every bridge refusal is a code naming the host, origin, path, field or limit, in nl and fr', async (t) => {
  const s = await start(t);
  const json = { 'content-type': 'application/json', 'x-clearfacts-session': s.session };
  const cases: { answer: () => Promise<RawAnswer>; code: string; named: (string | number)[] }[] = [
    {
      answer: () => invoke(s, 'status.get', {}, { host: `evil.example:${s.port}` }),
      code: 'bridge_host_refused',
      named: [`evil.example:${s.port}`],
    },
    {
      answer: () => invoke(s, 'status.get', {}, { origin: 'http://evil.example' }),
      code: 'bridge_origin_refused',
      named: ['http://evil.example'],
    },
    {
      answer: () => invoke(s, 'status.get', {}, { 'sec-fetch-site': 'same-site' }),
      code: 'bridge_not_from_app',
      named: ['/api/invoke/status.get'],
    },
    {
      answer: () => raw(s.port, 'GET', '/api/events', {}),
      code: 'bridge_session_missing',
      named: ['/api/events'],
    },
    {
      answer: () => invoke({ ...s, session: 'x'.repeat(43) }, 'status.get', {}),
      code: 'bridge_session_unknown',
      named: ['/api/invoke/status.get'],
    },
    {
      answer: () => raw(s.port, 'POST', '/api/session', {}),
      code: 'bridge_link_needed',
      named: [],
    },
    {
      answer: () => raw(s.port, 'POST', '/api/session', { 'x-clearfacts-link': 'y'.repeat(43) }),
      code: 'bridge_link_used',
      named: [],
    },
    {
      answer: () => invoke(s, 'status.get', {}, { 'content-type': 'text/plain' }),
      code: 'bridge_not_json_type',
      named: ['/api/invoke/status.get'],
    },
    {
      answer: () =>
        raw(s.port, 'POST', '/api/invoke/status.get', json, 'x'.repeat(8 * 1024 * 1024 + 1)),
      code: 'bridge_body_too_large',
      named: ['/api/invoke/status.get', 8 * 1024 * 1024],
    },
    {
      answer: () => raw(s.port, 'POST', '/api/invoke/status.get', json, '{'),
      code: 'bridge_body_not_json',
      named: ['/api/invoke/status.get'],
    },
    {
      answer: () => invoke(s, '%E0%A4%A', {}),
      code: 'bridge_channel_name_invalid',
      named: ['/api/invoke/%E0%A4%A'],
    },
    { answer: () => invoke(s, 'no.such', {}), code: 'request_channel_unknown', named: ['no.such'] },
    {
      answer: () => invoke(s, 'settings.update', { maxUploadBytes: 'big', language: 'de' }),
      code: 'request_arguments_invalid',
      named: ['settings.update', 'maxUploadBytes, language'],
    },
    {
      answer: () => raw(s.port, 'DELETE', '/api/history', { 'x-clearfacts-session': s.session }),
      code: 'bridge_no_route',
      named: ['DELETE', '/api/history'],
    },
    {
      answer: () => raw(s.port, 'POST', '/api/files', json, '{}'),
      code: 'staging_not_multipart',
      named: ['/api/files'],
    },
    {
      answer: () =>
        raw(
          s.port,
          'POST',
          '/api/files',
          { ...json, 'content-type': 'multipart/form-data; boundary=b' },
          '--b--\r\n',
        ),
      code: 'staging_no_files',
      named: ['/api/files'],
    },
  ];
  for (const { answer, code, named } of cases) {
    const refused = await answer();
    assert.ok(refused.status >= 400, `${code}: ${refused.status}`);
    assertSpeaksEveryLanguage(refusalOf(refused), { code, named });
  }
  assert.equal(s.engine.calls.filter((call) => call.channel !== 'settings.get').length, 0);
});

test('a refused page (not the API) answers in the language the browser asks for', async (t) => {
  const s = await start(t);
  const expected = {
    'nl-BE,nl;q=0.9,en;q=0.5': ['nl', 'Er is geen pagina /nothing.js.'],
    'fr-BE,fr;q=0.8': ['fr', 'Il n’y a pas de page /nothing.js.'],
    'de-DE,en;q=0.5': ['en', 'There is no page /nothing.js.'],
  } as const;
  for (const [acceptLanguage, [language, sentence]] of Object.entries(expected)) {
    const answer = await raw(s.port, 'GET', '/nothing.js', { 'accept-language': acceptLanguage });
    assert.equal(answer.status, 404);
    assert.equal(answer.headers['content-language'], language);
    assert.equal(answer.body, `${sentence}\n`);
  }
  const rebound = await raw(s.port, 'GET', '/', {
    host: 'evil.example',
    'accept-language': 'fr-BE',
  });
  assert.equal(rebound.status, 421);
  assert.equal(rebound.body, 'Cet uploader ne répond pas pour l’adresse « evil.example ».\n');
});

test('a malformed drop (no boundary, cut-off parts) is a 400 that names the path and leaves no staging folder', async (t) => {
  const { port, session, configDir } = await start(t);
  const bodies: [string, string][] = [
    ['multipart/form-data', ''],
    ['multipart/form-data; boundary=x', '--x\r\ngarb'],
  ];
  for (const [contentType, body] of bodies) {
    const answer = await raw(
      port,
      'POST',
      '/api/files',
      { host: `127.0.0.1:${port}`, 'x-clearfacts-session': session, 'content-type': contentType },
      body,
    );
    assert.equal(answer.status, 400, `${contentType}: ${answer.body}`);
    const parsed = InvokeResult.parse(JSON.parse(answer.body));
    assert.ok(!parsed.ok);
    assert.equal(
      (parsed.error.message.params as { path?: unknown }).path,
      '/api/files',
      contentType,
    );
  }
  const left = await readdir(path.join(configDir, 'dropped-files'));
  assert.deepEqual(left, [], 'a refused drop left a staging folder behind');
});
