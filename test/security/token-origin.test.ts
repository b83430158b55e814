// Issue #12, item 2: the token is bound to the API origin it was entered for. A changed API
// address (the settings, which a page reaching settings.update could change, or the address a
// process is started with) never receives a stored token until the user enters it again there;
// an address off this machine must be https. The other side is a real loopback server that
// records every request, standing for whoever wanted the token.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { ApiError } from '../../src-main/contract/api-contract.ts';
import { createMemoryTokenStore } from '../../src-main/core/account/token/memory-token-store.ts';
import type { TokenStore } from '../../src-main/core/account/token/token-store.ts';
import { createEngine, type Engine } from '../../src-main/core/engine.ts';
import { startEmulator } from '../emulator/index.ts';
import { FAST_TUNING } from '../support/engine-harness.ts';
import { runCli } from '../support/cli-process.ts';

interface Listener {
  url: string;
  requests: IncomingHttpHeaders[];
}

/** A loopback HTTP server that answers everything and keeps every request's headers. */
async function startListener(t: TestContext): Promise<Listener> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    requests.push(request.headers);
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"data":{}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests,
  };
}

/** A token kept as the keyring or token.enc keep it: stored, not given with the process. */
function storedTokenStore(initial: string | null): TokenStore {
  const memory = createMemoryTokenStore({ initial, backend: 'keyring' });
  return {
    load: () => memory.load(),
    save: (token) => memory.save(token),
    clear: () => memory.clear(),
    info: () => memory.info(),
  };
}

async function engineWithSettingsAddress(
  t: TestContext,
  tokenStore: TokenStore,
  apiUrl: string,
): Promise<{ engine: Engine; configDir: string }> {
  const root = await mkdtemp(path.join(tmpdir(), 'cf-token-origin-'));
  const configDir = path.join(root, 'config');
  const engine = await createEngine({
    configDir,
    tokenStore,
    shell: 'cli',
    version: 'test',
    tuning: FAST_TUNING,
  });
  await engine.handlers['settings.update']({ apiUrl });
  t.after(async () => {
    await engine.stop();
    await rm(root, { recursive: true, force: true });
  });
  return { engine, configDir };
}

test('a changed API address in the settings never receives the token the user entered elsewhere', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const other = await startListener(t);
  const { engine } = await engineWithSettingsAddress(
    t,
    storedTokenStore(null),
    emulator.graphqlUrl,
  );
  await engine.start();
  const signedIn = await engine.handlers['session.signIn']({ token: emulator.demoToken });
  assert.equal(signedIn.signedIn, true);

  // What a page that reached settings.update would do.
  await engine.handlers['settings.update']({ apiUrl: other.url });
  await assert.rejects(engine.handlers['administrations.list']({ refresh: true }));
  await assert.rejects(
    engine.handlers['session.get']({ verify: true }),
    (error: unknown) =>
      error instanceof ApiError && error.userMessage.code === 'token_for_other_api',
  );
  const session = await engine.handlers['session.get']({});
  assert.equal(session.signedIn, false, 'the token does not count as signed in there');
  const status = await engine.handlers['status.get']({});
  assert.equal(status.state, 'auth_required');
  assert.equal(status.reason?.code, 'token_for_other_api');
  assert.deepEqual(
    other.requests.filter((headers) => headers.authorization !== undefined),
    [],
    'the token left for the new address',
  );

  // Back at the address it was entered for, it works again without being entered again.
  await engine.handlers['settings.update']({ apiUrl: emulator.graphqlUrl });
  const list = await engine.handlers['administrations.list']({ refresh: true });
  assert.ok(list.length > 0);
});

test('a stored token entered for no address goes to Clearfacts itself only, not to a launch address', async (t) => {
  const other = await startListener(t);
  const root = await mkdtemp(path.join(tmpdir(), 'cf-token-origin-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const engine = await createEngine({
    configDir: path.join(root, 'config'),
    tokenStore: storedTokenStore('x'.repeat(80)),
    shell: 'cli',
    version: 'test',
    apiUrl: other.url,
    tuning: FAST_TUNING,
  });
  t.after(() => engine.stop());
  await engine.start();
  await assert.rejects(engine.handlers['administrations.list']({ refresh: true }));
  assert.deepEqual(
    other.requests.filter((headers) => headers.authorization !== undefined),
    [],
    'the stored token left for the address the process was started with',
  );
});

test('API addresses off this machine must be https; file:, javascript: and plain http are refused', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const { engine } = await engineWithSettingsAddress(
    t,
    createMemoryTokenStore({ initial: null }),
    emulator.graphqlUrl,
  );
  for (const apiUrl of [
    'http://api.example.com/graphql',
    'http://10.0.0.5/graphql',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ftp://api.clearfacts.be/graphql',
    'api.clearfacts.be/graphql',
    'not a url',
  ]) {
    await assert.rejects(
      engine.handlers['settings.update']({ apiUrl }),
      (error: unknown) => error instanceof ApiError && error.code === 'invalid_request',
      apiUrl,
    );
  }
  for (const apiUrl of ['https://api.example.com/graphql', 'http://localhost:4000/graphql']) {
    const settings = await engine.handlers['settings.update']({ apiUrl });
    assert.equal(settings.apiUrl, apiUrl);
  }
  await assert.rejects(
    createEngine({
      configDir: path.join(tmpdir(), 'never-created'),
      tokenStore: createMemoryTokenStore(),
      shell: 'cli',
      version: 'test',
      apiUrl: 'http://api.example.com/graphql',
    }),
    /https/,
  );
});

test('the CLI: a token set for one address is not sent to another --api-url, and plain http off loopback is refused', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const other = await startListener(t);
  const root = await mkdtemp(path.join(tmpdir(), 'cf-token-origin-cli-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const context = { configDir: path.join(root, 'config'), apiUrl: emulator.graphqlUrl };
  const set = await runCli(
    context,
    ['token', 'set', '--allow-plain-file'],
    `${emulator.demoToken}\n`,
  );
  assert.equal(set.code, 0, set.stderr);
  assert.equal((await runCli(context, ['administrations'])).code, 0);

  const elsewhere = await runCli({ ...context, apiUrl: other.url }, ['administrations']);
  assert.equal(elsewhere.code, 3, elsewhere.stderr);
  assert.match(elsewhere.stderr, /entered for http:\/\/127\.0\.0\.1:\d+.*Enter the token again/);
  assert.deepEqual(
    other.requests.filter((headers) => headers.authorization !== undefined),
    [],
    'the token left for the other --api-url',
  );

  const plain = await runCli({ ...context, apiUrl: 'http://api.example.com/graphql' }, ['status']);
  assert.equal(plain.code, 2);
  assert.match(plain.stderr, /must use https unless it is on this machine/);
});

test('`status` without a stored token exits 1 and says that no token is set', async (t) => {
  const emulator = await startEmulator();
  t.after(() => emulator.close());
  const root = await mkdtemp(path.join(tmpdir(), 'cf-status-no-token-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const context = { configDir: path.join(root, 'config'), apiUrl: emulator.graphqlUrl };
  const result = await runCli(context, ['status']);
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stdout, /Hold:\s+No Clearfacts token is set/);
  const json = await runCli(context, ['status', '--json']);
  assert.equal(json.code, 1);
  const parsed = JSON.parse(json.stdout) as { attention: boolean; holds: { kind: string }[] };
  assert.equal(parsed.attention, true);
  assert.deepEqual(
    parsed.holds.map((hold) => hold.kind),
    ['auth'],
  );
});
