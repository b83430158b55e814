// The control channel over real Unix sockets in temp folders, with the in-memory engine of the
// bridge tests: contract calls and events both ways, answers checked against the contract, bad
// peers cut off without harm to anyone else, and the socket file's life (0600, stale, in use).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ApiError, type EventChannel } from '../../../../src-main/contract/api-contract.ts';
import type { StatusSnapshot } from '../../../../src-main/contract/domain.ts';
import {
  connectToRunningEngine,
  type RunningEngine,
} from '../../../../src-main/core/control/control-client.ts';
import {
  CONTROL_PROTOCOL,
  MAX_CLIENT_FRAME_BYTES,
} from '../../../../src-main/core/control/control-protocol.ts';
import {
  startControlServer,
  type ControlServer,
} from '../../../../src-main/core/control/control-server.ts';
import { createFakeEngine, GOOD_TOKEN, type FakeEngine } from '../../bridge/fake-engine.ts';
import { createRecordingLogger } from '../../../support/recording-logger.ts';

const DEADLINE_MS = 10_000;

function within<T>(promise: Promise<T>, what: string, ms = DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function configFolder(t: TestContext): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfu-control-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function serve(
  t: TestContext,
  configDir: string,
  engine: FakeEngine = createFakeEngine(),
  idleTimeoutMs?: number,
): Promise<{
  server: ControlServer;
  engine: FakeEngine;
  logger: ReturnType<typeof createRecordingLogger>;
}> {
  const logger = createRecordingLogger();
  const server = await startControlServer({
    configDir,
    engine,
    version: '9.9.9',
    shell: 'cli',
    logger,
    ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
  });
  t.after(() => server.close());
  return { server, engine, logger };
}

async function connect(t: TestContext, configDir: string): Promise<RunningEngine> {
  const remote = await within(connectToRunningEngine(configDir), 'the client to connect');
  assert.ok(remote, 'an engine answers');
  t.after(() => remote.close());
  return remote;
}

/** A raw peer: the lines it was sent, and whether the server hung up on it. */
function rawPeer(socketPath: string) {
  const socket = net.connect(socketPath);
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: socket }).on('line', (line) => {
    lines.push(line);
    for (const waiter of [...waiters]) waiter();
  });
  const hungUp = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => {});
  return {
    socket,
    lines,
    hungUp,
    line(index: number, what: string): Promise<Record<string, unknown>> {
      return within(
        new Promise((resolve) => {
          const check = () => {
            const line = lines[index];
            if (line === undefined) return;
            waiters.delete(check);
            resolve(JSON.parse(line) as Record<string, unknown>);
          };
          waiters.add(check);
          check();
        }),
        what,
      );
    },
  };
}

test('contract calls and events travel both ways, checked against the contract', async (t) => {
  const configDir = configFolder(t);
  const { server, engine } = await serve(t, configDir);
  const socketPath = path.join(configDir, 'engine.sock');
  assert.equal(server.address, socketPath);
  assert.equal(statSync(socketPath).mode & 0o777, 0o600, 'only the owner may connect');

  const remote = await connect(t, configDir);
  assert.deepEqual(remote.about, {
    protocol: CONTROL_PROTOCOL,
    version: '9.9.9',
    shell: 'cli',
    pid: process.pid,
  });
  assert.equal((await remote.handlers['status.get']({})).state, 'idle');
  const page = await remote.handlers['history.query']({ filter: {}, offset: 0, limit: 3 });
  assert.equal(page.rows.length, 0);
  assert.deepEqual(engine.calls.at(-1), {
    channel: 'history.query',
    request: { filter: {}, offset: 0, limit: 3 },
  });

  await assert.rejects(remote.handlers['folders.remove']({ id: 'nope' }), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'There is no such folder.');
    return true;
  });
  // A caller outside TypeScript's reach: the server validates with the contract's schema.
  const retry = remote.handlers['history.retry'] as (request: unknown) => Promise<unknown>;
  await assert.rejects(retry({ id: 'seven' }), { name: 'ApiError', code: 'invalid_request' });

  // Several calls at once are answered by id, whatever order they finish in.
  const [session, info, settings] = await Promise.all([
    remote.handlers['session.get']({}),
    remote.handlers['app.info']({}),
    remote.handlers['settings.get']({}),
  ]);
  assert.equal(session.signedIn, false);
  assert.equal(info.version, '0.0.0-test');
  assert.equal(typeof settings.apiUrl, 'string');

  const seen: { channel: EventChannel; payload: unknown }[] = [];
  const unsubscribe = remote.subscribe((channel, payload) => seen.push({ channel, payload }));
  // The subscribe frame precedes this call on the connection: once it is answered, events flow.
  await remote.handlers['status.get']({});
  const paused: StatusSnapshot = await engine.handlers['queue.pause']({});
  engine.emit('status', paused);
  // An event that breaks the contract is dropped by the client, not handed on.
  engine.emit('status', { state: 'exploded' } as unknown as StatusSnapshot);
  engine.emit('folders.changed', { revision: 1, folders: [] });
  await within(
    new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (seen.length >= 2) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    }),
    'two events',
  );
  assert.deepEqual(seen, [
    { channel: 'status', payload: paused },
    { channel: 'folders.changed', payload: { revision: 1, folders: [] } },
  ]);
  unsubscribe();
  await remote.handlers['status.get']({});
  engine.emit('folders.changed', { revision: 1, folders: [] });
  await remote.handlers['status.get']({});
  assert.equal(seen.length, 2, 'no events after the last listener left');

  await server.close();
  assert.equal(
    (await within(remote.closed, 'the client to see the engine go')).code,
    'control_engine_stopped',
  );
  await assert.rejects(remote.handlers['status.get']({}), { code: 'unavailable' });
  assert.equal(existsSync(socketPath), false, 'the socket file goes with the server');
  assert.equal(await connectToRunningEngine(configDir), null, 'no engine: null');
});

test('an answer that breaks the contract is refused by the client', async (t) => {
  const configDir = configFolder(t);
  const engine = createFakeEngine();
  engine.handlers['status.get'] = () =>
    Promise.resolve({ state: 'exploded' } as unknown as StatusSnapshot);
  await serve(t, configDir, engine);
  const remote = await connect(t, configDir);
  await assert.rejects(remote.handlers['status.get']({}), {
    code: 'internal',
    message: /does not match the contract/,
  });
  assert.equal(
    (await remote.handlers['app.info']({})).platform,
    'linux',
    'the connection lives on',
  );
});

test('garbage, foreign frames, oversized and half frames cost only their own connection', async (t) => {
  const configDir = configFolder(t);
  const { logger } = await serve(t, configDir);
  const socketPath = path.join(configDir, 'engine.sock');
  const remote = await connect(t, configDir);

  const cases: { name: string; send: (socket: net.Socket) => void; reason: RegExp }[] = [
    { name: 'not JSON', send: (s) => s.write('hello there\n'), reason: /not a line of UTF-8 JSON/ },
    {
      name: 'not UTF-8',
      send: (s) => s.write(Buffer.from([0x22, 0xc3, 0x28, 0x22, 0x0a])),
      reason: /UTF-8/,
    },
    {
      name: 'JSON that is no frame',
      send: (s) => s.write('{"type":"invoke","id":-1,"channel":"status.get"}\n'),
      reason: /not a control channel frame/,
    },
    {
      name: 'a frame over the bound',
      send: (s) =>
        s.write(
          `{"type":"invoke","id":1,"channel":"x","request":"${'a'.repeat(MAX_CLIENT_FRAME_BYTES)}`,
        ),
      reason: /longer than/,
    },
  ];
  for (const { name, send, reason } of cases) {
    const peer = rawPeer(socketPath);
    assert.equal((await peer.line(0, `the hello (${name})`)).type, 'hello');
    send(peer.socket);
    const refused = await peer.line(1, `the refusal (${name})`);
    assert.equal(refused.type, 'refused', name);
    assert.match(String(refused.reason), reason, name);
    await within(peer.hungUp, `the server to hang up (${name})`);
  }

  // Half a frame, then the peer goes away: nothing to answer, nothing broken.
  const half = rawPeer(socketPath);
  await half.line(0, 'the hello (half frame)');
  half.socket.end('{"type":"invoke","id":1,"chan');
  await within(half.hungUp, 'the half-frame peer to be gone');

  // A peer that answers a good frame after a bad one gets nothing more.
  const late = rawPeer(socketPath);
  await late.line(0, 'the hello (late)');
  late.socket.write('nonsense\n{"type":"invoke","id":2,"channel":"status.get","request":{}}\n');
  await within(late.hungUp, 'the server to hang up on the late peer');
  assert.equal(late.lines.length, 2, 'a hello and a refusal, no answer');

  // The well-behaved client never noticed.
  assert.equal((await remote.handlers['status.get']({})).state, 'idle');
  assert.equal(
    logger.lines.filter((line) => line.message === 'A control channel client was disconnected')
      .length,
    cases.length + 1,
  );
  assert.ok(
    logger.lines.every((line) => !JSON.stringify(line.fields ?? {}).includes('aaaa')),
    'frames are never logged',
  );
});

test('a socket left by a killed engine is cleared; a live one or another file is left alone', async (t) => {
  const configDir = configFolder(t);
  const socketPath = path.join(configDir, 'engine.sock');
  // A process that binds the socket and is killed leaves the file behind, listened on by no one.
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(socketPath)}, () => console.log('up'))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  t.after(() => child.kill('SIGKILL'));
  await within(
    new Promise<void>((resolve) => child.stdout.once('data', () => resolve())),
    'the child to listen',
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await within(exited, 'the child to die');
  assert.ok(statSync(socketPath).isSocket(), 'the stale socket is there');
  assert.equal(await connectToRunningEngine(configDir), null, 'a stale socket is no engine');

  const { server } = await serve(t, configDir);
  assert.equal(server.address, socketPath);
  assert.equal((await (await connect(t, configDir)).handlers['status.get']({})).state, 'idle');
  await server.close();

  // Someone else answers on the socket: it is not taken from them.
  const squatter = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve) => squatter.listen(socketPath, resolve));
  t.after(() => squatter.close());
  const blocked = await serve(t, configDir);
  assert.equal(blocked.server.address, null);
  assert.match(String(blocked.logger.lines.at(-1)?.fields?.reason), /another process answers/);
  assert.ok(squatter.listening);
  await new Promise<void>((resolve) => squatter.close(() => resolve()));

  // A file that is not a socket is not removed.
  writeFileSync(socketPath, 'mine');
  const notSocket = await serve(t, configDir);
  assert.equal(notSocket.server.address, null);
  assert.match(String(notSocket.logger.lines.at(-1)?.fields?.reason), /is not a socket/);
  assert.equal(statSync(socketPath).isFile(), true);
});

test('a peer that never says hello, or speaks another protocol, is reported; one that hangs up is none', async (t) => {
  const configDir = configFolder(t);
  const socketPath = path.join(configDir, 'engine.sock');
  let greeting: string | null = null;
  const impostor = net.createServer((socket) => {
    if (greeting !== null) socket.write(greeting);
  });
  await new Promise<void>((resolve) => impostor.listen(socketPath, resolve));
  t.after(() => impostor.close());

  await assert.rejects(connectToRunningEngine(configDir, { timeoutMs: 200 }), {
    code: 'unavailable',
    message: /did not say hello within 200 ms/,
  });
  greeting = `${JSON.stringify({ type: 'hello', protocol: CONTROL_PROTOCOL + 1, version: '99', shell: 'cli', pid: 1 })}\n`;
  await assert.rejects(connectToRunningEngine(configDir, { timeoutMs: 2_000 }), {
    code: 'unavailable',
    message: /control protocol 2/,
  });
  greeting = '{"type":"result","id":1,"result":{"ok":true,"value":1}}\n';
  await assert.rejects(connectToRunningEngine(configDir, { timeoutMs: 2_000 }), {
    message: /did not say hello first/,
  });
  // Hanging up before the hello is what an engine that is stopping does: no engine to talk to.
  greeting = '';
  impostor.removeAllListeners('connection');
  impostor.on('connection', (socket) => socket.destroy());
  assert.equal(await connectToRunningEngine(configDir, { timeoutMs: 2_000 }), null);
});

test('a token signed in with over the channel is never logged, even when the handler fails', async (t) => {
  const configDir = configFolder(t);
  const engine = createFakeEngine();
  const { logger } = await serve(t, configDir, engine);
  const remote = await connect(t, configDir);
  assert.equal((await remote.handlers['session.signIn']({ token: GOOD_TOKEN })).signedIn, true);

  engine.handlers['session.signIn'] = () => Promise.reject(new Error('keyring exploded'));
  await assert.rejects(remote.handlers['session.signIn']({ token: GOOD_TOKEN }), {
    code: 'internal',
  });
  const logged = JSON.stringify(logger.lines);
  assert.match(logged, /session\.signIn/, 'the failure is logged with its channel');
  assert.match(logged, /keyring exploded/);
  assert.equal(logged.includes(GOOD_TOKEN), false, 'but never with the request');
});

test('32 connections (31 idle, one subscriber) no longer lock every other client out: the idle ones are hung up', async (t) => {
  const configDir = configFolder(t);
  const idleTimeoutMs = 300;
  const { logger } = await serve(t, configDir, createFakeEngine(), idleTimeoutMs);
  const socketPath = path.join(configDir, 'engine.sock');
  // A subscriber waits for events: it is never idle, however long it waits.
  const subscriber = await connect(t, configDir);
  const events: EventChannel[] = [];
  subscriber.subscribe((channel) => events.push(channel));
  // With the subscriber, the 32 connections the server allows.
  const idle = Array.from({ length: 31 }, () => rawPeer(socketPath));
  t.after(() => idle.forEach((peer) => peer.socket.destroy()));
  for (const [index, peer] of idle.entries()) {
    assert.equal((await peer.line(0, `the hello of idle peer ${index}`)).type, 'hello');
  }
  await within(
    Promise.all(idle.map((peer) => peer.hungUp)),
    'the server to hang up on every idle connection',
  );
  for (const peer of idle) {
    const frame = await peer.line(1, 'why the idle peer was hung up');
    assert.equal(frame.type, 'refused');
    assert.match(String(frame.reason), /sent nothing for 300 ms/);
  }
  // Room again for a command, and the subscriber was kept.
  const remote = await connect(t, configDir);
  assert.equal((await remote.handlers['status.get']({})).state, 'idle');
  assert.equal((await subscriber.handlers['status.get']({})).state, 'idle');
  assert.ok(
    logger.lines.some((line) => JSON.stringify(line.fields ?? {}).includes('sent nothing')),
  );
});

test('a link frame is answered with a link minted for the asker, or null where no page is served', async (t) => {
  const withPage = configFolder(t);
  const minted: string[] = [];
  const logger = createRecordingLogger();
  const server = await startControlServer({
    configDir: withPage,
    engine: createFakeEngine(),
    version: '9.9.9',
    shell: 'browser',
    logger,
    pageLink: () => {
      const link = `http://127.0.0.1:1/#link=code-${minted.length + 1}`;
      minted.push(link);
      return link;
    },
  });
  t.after(() => server.close());
  const remote = await connect(t, withPage);
  assert.equal(await within(remote.newPageLink(), 'the first link'), minted[0]);
  assert.equal(await within(remote.newPageLink(), 'the second link'), minted[1]);
  assert.equal(minted.length, 2, 'one minted per request');
  assert.ok(
    logger.lines.every((line) => !JSON.stringify(line).includes('code-')),
    'no link is logged',
  );

  const withoutPage = configFolder(t);
  await serve(t, withoutPage);
  const other = await connect(t, withoutPage);
  assert.equal(await within(other.newPageLink(), 'the answer'), null, 'no page, no link');
});

test('a peer posing as a forwarding ui cannot have `ui --link` print anything but a loopback page link', async (t) => {
  const configDir = configFolder(t);
  await serve(t, configDir);
  const impostor = rawPeer(path.join(configDir, 'engine.sock'));
  await impostor.line(0, 'the hello');
  impostor.socket.write('{"type":"serve-links"}\n');
  const asker = await connect(t, configDir);
  // A terminal escape that retitles the window, then a page elsewhere asking for the token.
  const lure = '\u001b]0;Clearfacts\u0007https://clearfacts-login.example/#link=abc';
  const answer = asker.newPageLink();
  const mint = await impostor.line(1, 'the mint request');
  assert.equal(mint.type, 'mint');
  impostor.socket.write(`${JSON.stringify({ type: 'minted', id: mint.id, link: lure })}\n`);
  assert.equal(await within(answer, 'the answer to ui --link'), null, 'the lure was passed on');
});
