import { test } from 'node:test';
import { englishOf, msg, type Message } from '../../../src-main/contract/messages/index.ts';
import assert from 'node:assert/strict';
import { ApiError } from '../../../src-main/contract/api-contract.ts';
import {
  forwardEvent,
  registerIpcBridge,
  UntrustedSenderError,
  type InvokeEvent,
  type SenderFrame,
} from '../../../src-main/electron/ipc-bridge.ts';
import { IPC_EVENT, IPC_INVOKE, IPC_PICK_FOLDER } from '../../../src-main/electron/ipc-channels.ts';
import { fakeHandlers, recordingLogger, status } from './fakes.ts';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle(channel: string, listener: Listener) {
      assert.equal(listeners.has(channel), false, `${channel} registered twice`);
      listeners.set(channel, listener);
    },
    removeHandler(channel: string) {
      listeners.delete(channel);
    },
    call(channel: string, event: InvokeEvent, ...args: unknown[]): Promise<unknown> {
      const listener = listeners.get(channel);
      assert.ok(listener, `no handler for ${channel}`);
      return listener(event, ...args);
    },
  };
}

const topFrame: SenderFrame = { url: 'app://clearfacts/index.html#/history', parent: null };

function eventFrom(frame: SenderFrame | null, senderId = 7): InvokeEvent {
  return { senderFrame: frame as InvokeEvent['senderFrame'], sender: { id: senderId } };
}

function setup(overrides: Parameters<typeof fakeHandlers>[0] = {}) {
  const ipcMain = fakeIpcMain();
  const { handlers, calls } = fakeHandlers(overrides);
  const logger = recordingLogger();
  const picked: number[] = [];
  const unregister = registerIpcBridge({
    ipcMain,
    handlers,
    logger,
    pickFolder: async (senderId) => {
      picked.push(senderId);
      return '/home/ann/Scans';
    },
  });
  return { ipcMain, calls, logger, picked, unregister };
}

test('a request from our top frame reaches core and answers the InvokeResult envelope', async () => {
  const { ipcMain, calls } = setup({ 'status.get': async () => status({ state: 'uploading' }) });
  const answer = await ipcMain.call(IPC_INVOKE, eventFrom(topFrame), 'status.get', {});
  assert.deepEqual(answer, { ok: true, value: status({ state: 'uploading' }) });
  assert.deepEqual(calls, [{ channel: 'status.get', request: {} }]);
});

const untrusted: Array<[string, SenderFrame | null]> = [
  ['another origin', { url: 'https://evil.example/', parent: null }],
  ['a look-alike host', { url: 'app://clearfacts.evil.example/index.html', parent: null }],
  ['a file URL', { url: 'file:///home/ann/index.html', parent: null }],
  ['about:blank', { url: 'about:blank', parent: null }],
  ['a subframe of our own page', { url: 'app://clearfacts/index.html', parent: topFrame as never }],
  ['a frame that is gone', null],
];

for (const [name, frame] of untrusted) {
  test(`refuses an invoke from ${name} without reaching core`, async () => {
    const { ipcMain, calls, logger } = setup({ 'session.signOut': async () => assert.fail() });
    await assert.rejects(
      ipcMain.call(IPC_INVOKE, eventFrom(frame), 'session.signOut', {}),
      UntrustedSenderError,
    );
    assert.deepEqual(calls, []);
    assert.ok(logger.lines.some((line) => line.level === 'warn' && /untrusted/.test(line.message)));
  });

  test(`refuses the folder picker to ${name}`, async () => {
    const { ipcMain, picked } = setup();
    await assert.rejects(ipcMain.call(IPC_PICK_FOLDER, eventFrom(frame)), UntrustedSenderError);
    assert.deepEqual(picked, []);
  });
}

test('an invalid payload is refused with invalid_request before core sees it', async () => {
  const { ipcMain, calls } = setup({ 'folders.add': async () => ({ revision: 1, folders: [] }) });
  const answer = await ipcMain.call(IPC_INVOKE, eventFrom(topFrame), 'folders.add', {
    path: '/scans',
    companyNumber: '12345',
    destination: { type: 'purchase' },
  });
  assert.equal((answer as { ok: boolean }).ok, false);
  assert.deepEqual(Object.keys((answer as { error: object }).error), ['code', 'message']);
  assert.equal((answer as { error: { code: string } }).error.code, 'invalid_request');
  assert.deepEqual((answer as { error: { message: Message } }).error.message, {
    code: 'request_arguments_invalid',
    params: { channel: 'folders.add', fields: 'companyNumber' },
  });
  assert.deepEqual(calls, []);
});

test('an unknown or non-string channel is refused with invalid_request', async () => {
  const { ipcMain, calls } = setup();
  for (const channel of ['constructor', 'toString', 'session.steal', 42, null]) {
    const answer = (await ipcMain.call(IPC_INVOKE, eventFrom(topFrame), channel, {})) as {
      ok: boolean;
      error: { code: string };
    };
    assert.equal(answer.ok, false, String(channel));
    assert.equal(answer.error.code, 'invalid_request');
  }
  assert.deepEqual(calls, []);
});

test("core's ApiError crosses as data; anything else becomes internal and is logged", async () => {
  const { ipcMain, logger } = setup({
    'session.signOut': async () => {
      throw new ApiError('not_signed_in', msg('legacy_text', { text: 'You are not signed in.' }));
    },
    'status.get': async () => {
      throw new Error('database is locked');
    },
  });
  assert.deepEqual(await ipcMain.call(IPC_INVOKE, eventFrom(topFrame), 'session.signOut', {}), {
    ok: false,
    error: {
      code: 'not_signed_in',
      message: msg('legacy_text', { text: 'You are not signed in.' }),
    },
  });
  const internal = (await ipcMain.call(IPC_INVOKE, eventFrom(topFrame), 'status.get', {})) as {
    error: { code: string; message: Message };
  };
  assert.equal(internal.error.code, 'internal');
  assert.doesNotMatch(englishOf(internal.error.message), /database is locked/);
  assert.ok(logger.lines.some((line) => line.level === 'error'));
});

test('the folder picker answers the trusted window that asked', async () => {
  const { ipcMain, picked } = setup();
  assert.equal(await ipcMain.call(IPC_PICK_FOLDER, eventFrom(topFrame, 12)), '/home/ann/Scans');
  assert.deepEqual(picked, [12]);
});

test('unregistering removes every handler', () => {
  const { ipcMain, unregister } = setup();
  assert.deepEqual([...ipcMain.listeners.keys()].sort(), [IPC_INVOKE, IPC_PICK_FOLDER].sort());
  unregister();
  assert.equal(ipcMain.listeners.size, 0);
});

test('events go to live windows showing our page, and nowhere else', () => {
  const sent: Array<{ target: string; args: unknown[] }> = [];
  const target = (name: string, url: string, destroyed = false) => ({
    mainFrame: { url },
    isDestroyed: () => destroyed,
    send: (...args: unknown[]) => {
      sent.push({ target: name, args });
    },
  });
  forwardEvent(
    [
      target('main', 'app://clearfacts/index.html#/'),
      target('drop', 'app://clearfacts/index.html#/drop'),
      target('closed', 'app://clearfacts/index.html', true),
      target('elsewhere', 'https://evil.example/'),
    ],
    'status',
    status(),
  );
  assert.deepEqual(
    sent.map((entry) => entry.target),
    ['main', 'drop'],
  );
  assert.deepEqual(sent[0]?.args, [IPC_EVENT, 'status', status()]);
});
