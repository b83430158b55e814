// Both transports of the api-client: answers and events are validated, handler errors come back
// as ApiError with their code, and over HTTP the client works against the real loopback bridge.
import { msg } from '../../../src-main/contract/messages/index.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBrowserMode } from '../../../src-main/bridge/browser-mode.ts';
import {
  ApiError,
  type EventChannel,
  type InvokeResult,
  type PreloadBridge,
} from '../../../src-main/contract/api-contract.ts';
import { createBridgeSession } from '../../../src-renderer/api-client/bridge-session.ts';
import { createHttpApi } from '../../../src-renderer/api-client/http-client.ts';
import { createIpcApi } from '../../../src-renderer/api-client/ipc-client.ts';
import { AppStore } from '../../../src-renderer/state/app-store.ts';
import { createFakeEngine, GOOD_TOKEN } from '../bridge/fake-engine.ts';
import { withDeadline } from '../../support/waiting.ts';

function fakeBridge(answers: Record<string, InvokeResult>): {
  bridge: PreloadBridge;
  push: (channel: EventChannel, payload: unknown) => void;
} {
  const listeners = new Set<(channel: EventChannel, payload: unknown) => void>();
  const bridge: PreloadBridge = {
    invoke: (channel) =>
      Promise.resolve(
        answers[channel] ?? {
          ok: false,
          error: { code: 'not_found', message: msg('legacy_text', { text: `no ${channel}` }) },
        },
      ),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pathForFile: (file) => (file.name === 'no-path.pdf' ? '' : `/home/anna/${file.name}`),
  };
  return {
    bridge,
    push: (channel, payload) => listeners.forEach((listener) => listener(channel, payload)),
  };
}

const SETTINGS_ANSWER = await createFakeEngine().handlers['settings.get']({});

test('IPC: answers are validated and errors rethrown as ApiError', async () => {
  const { bridge } = fakeBridge({
    'settings.get': { ok: true, value: SETTINGS_ANSWER },
    'status.get': { ok: true, value: { state: 'nonsense' } },
    'session.signIn': {
      ok: false,
      error: {
        code: 'auth',
        message: msg('legacy_text', { text: 'Clearfacts refused the token.' }),
      },
    },
  });
  const api = createIpcApi(bridge);
  assert.equal((await api.invoke('settings.get', {})).concurrency, 2);
  await assert.rejects(
    api.invoke('status.get', {}),
    (error) => error instanceof ApiError && error.code === 'internal',
  );
  await assert.rejects(
    api.invoke('session.signIn', { token: 'x' }),
    (error) => error instanceof ApiError && error.code === 'auth' && /refused/.test(error.message),
  );
  assert.equal(api.pickFolder, null, 'no picker when the preload offers none');
});

test('IPC: invalid events are dropped, valid ones delivered; files become their paths', async () => {
  const { bridge, push } = fakeBridge({});
  const api = createIpcApi(bridge);
  const seen: string[] = [];
  const stop = api.subscribe((channel) => seen.push(channel));
  push('settings.changed', { concurrency: 'many' });
  push('settings.changed', SETTINGS_ANSWER);
  stop();
  push('settings.changed', SETTINGS_ANSWER);
  assert.deepEqual(seen, ['settings.changed']);

  const staged = await api.prepareFiles([
    new File(['a'], 'factuur.pdf'),
    new File(['b'], 'no-path.pdf'),
  ]);
  assert.deepEqual(staged[0], { ok: true, name: 'factuur.pdf', path: '/home/anna/factuur.pdf' });
  assert.equal(staged[1]?.ok, false);
});

test('HTTP: the client talks to the real bridge, rethrows ApiError and stages files', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'http-client-test-'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  const engine = createFakeEngine();
  const bridge = await startBrowserMode({ engine, staticDir: root, configDir: root });
  t.after(async () => {
    await bridge.close();
    await rm(root, { recursive: true, force: true });
  });
  const pageOf = (hash: string) => {
    const stored = new Map<string, string>();
    const replaced: string[] = [];
    const host = {
      location: { hash, pathname: '/', search: '' },
      history: {
        replaceState: (_data: unknown, _unused: string, url: string) => replaced.push(url),
      },
      sessionStorage: {
        getItem: (key: string) => stored.get(key) ?? null,
        setItem: (key: string, value: string) => void stored.set(key, value),
      },
    };
    return { host, stored, replaced };
  };
  const page = pageOf(new URL(bridge.url).hash);
  const api = createHttpApi({
    baseUrl: bridge.origin,
    session: createBridgeSession(page.host, bridge.origin, fetch),
  });

  assert.equal((await api.invoke('app.info', {})).shell, 'browser');
  await assert.rejects(
    api.invoke('session.signIn', { token: 'wrong' }),
    (error) => error instanceof ApiError && error.code === 'auth',
  );
  assert.equal((await api.invoke('session.signIn', { token: GOOD_TOKEN })).signedIn, true);

  const progress: number[] = [];
  const staged = await api.prepareFiles(
    Array.from({ length: 25 }, (_, n) => new File([`file ${n}`], `scan-${n}.pdf`)),
    (done) => progress.push(done),
  );
  assert.deepEqual(progress, [20, 25], 'uploaded in batches, with progress');
  const last = staged[24];
  assert.ok(last?.ok);
  assert.equal(await readFile(last.path, 'utf8'), 'file 24');

  assert.deepEqual(page.replaced, ['/'], 'the link left the address bar before anything else');
  assert.equal(page.stored.size, 1, 'the session is kept by the page');

  const reused = pageOf(new URL(bridge.url).hash);
  // bridge.url's code was used above: a second page with the same link gets nothing.
  const second = createHttpApi({
    baseUrl: bridge.origin,
    session: createBridgeSession(reused.host, bridge.origin, fetch),
  });
  await assert.rejects(
    second.invoke('status.get', {}),
    (error) => error instanceof ApiError && error.userMessage.code === 'bridge_link_used',
  );
  const withoutLink = createHttpApi({
    baseUrl: bridge.origin,
    session: createBridgeSession(pageOf('').host, bridge.origin, fetch),
  });
  await assert.rejects(
    withoutLink.invoke('status.get', {}),
    (error) => error instanceof ApiError && error.userMessage.code === 'bridge_link_needed',
  );
  const fresh = createHttpApi({
    baseUrl: bridge.origin,
    session: createBridgeSession(pageOf(new URL(bridge.newLink()).hash).host, bridge.origin, fetch),
  });
  assert.equal((await fresh.invoke('app.info', {})).shell, 'browser', 'a fresh link works');
});

test('the store loads everything, follows events and asks again after a reconnect', async () => {
  const engine = createFakeEngine();
  const connection = new Set<(connected: boolean) => void>();
  const dispatch = (channel: string, request: unknown) =>
    (engine.handlers as unknown as Record<string, (request: unknown) => Promise<unknown>>)[
      channel
    ]?.(request);
  const api = {
    ...createIpcApi({
      invoke: async (channel, request) => ({ ok: true, value: await dispatch(channel, request) }),
      subscribe: (listener) => engine.subscribe((channel, payload) => listener(channel, payload)),
      pathForFile: () => '',
    }),
    onConnectionChange(listener: (connected: boolean) => void) {
      connection.add(listener);
      return () => connection.delete(listener);
    },
  };
  const store = new AppStore(api);
  const changed = (awaited: string) =>
    withDeadline(
      `the store to change on the way to ${awaited}`,
      new Promise<void>((resolve) => {
        const stop = store.subscribe(() => {
          stop();
          resolve();
        });
      }),
    );
  const stop = store.start();
  while (store.getSnapshot().phase !== 'ready') await changed('phase ready');
  assert.equal(store.getSnapshot().session?.signedIn, false);
  assert.equal(store.getSnapshot().administrations.state, 'idle');

  engine.emit('settings.changed', { ...SETTINGS_ANSWER, language: 'fr' });
  assert.equal(store.getSnapshot().settings?.language, 'fr');

  await engine.handlers['session.signIn']({ token: GOOD_TOKEN });
  connection.forEach((listener) => listener(false));
  assert.equal(store.getSnapshot().connected, false);
  connection.forEach((listener) => listener(true));
  while (store.getSnapshot().resyncCount === 0) await changed('a resync');
  assert.equal(store.getSnapshot().session?.signedIn, true, 'asked for again after the reconnect');
  while (store.getSnapshot().administrations.state !== 'ready') {
    await changed('administrations ready');
  }
  stop();
});
