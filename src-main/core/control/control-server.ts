// The engine's end of the control channel: a second process of the same user (`upload` while
// `watch` runs, `status`, a second `ui`) talks to the running engine instead of being refused by
// engine.lock. It speaks the contract (control-protocol.ts) and runs requests through the same
// dispatcher as IPC and the loopback bridge.
//
// Who can connect: only the owner of the config folder.
// - POSIX: the socket is `<configDir>/engine.sock`. The config folder is mode 0700, so no other
//   user can even reach the path; the socket itself is created 0600 (umask 077 around bind, then
//   chmod), so connect(2), which needs write permission on it, is refused (EACCES) to others even
//   where the folder was made more open. root can connect, as root can read the history anyway.
// - Windows: a named pipe whose name comes from a random key the engine writes into the config
//   folder at each start (control-address.ts): another user cannot read it, so cannot create the
//   pipe first and pose as the engine to a CLI that signs in through it. libuv creates it with
//   no security attributes, so it gets the default descriptor (CreateNamedPipe documentation):
//   full control for the creator owner, LocalSystem
//   and Administrators, read-only access for Everyone and anonymous. A read-only client cannot
//   send a frame, and the server writes nothing but the hello frame (version, shell, pid) until it
//   is sent one, so others learn only that an engine runs. libuv does not set
//   PIPE_REJECT_REMOTE_CLIENTS: a client on another machine is held to the same descriptor.
//   (Not exercised by the tests, which run on Linux.)
//
// What travels: contract requests and events, and one request outside the contract: a fresh
// single-use link to the page this process serves in the browser (`ui --link`). `session.signIn`
// carries a token typed by the user and a link answer carries a secret; no frame is ever logged,
// and the dispatcher's error log names the channel only. A link gives its holder nothing the
// control channel does not already give: whoever may connect can invoke every channel anyway.
//
// Robustness: frames are bounded, a malformed frame (answered with a `refused` frame saying why),
// a client that stops reading or one that sits idle loses only its own connection, and nothing here throws into the engine: a channel that cannot open is logged
// and the engine runs without it.
import { chmodSync, lstatSync, rmSync } from 'node:fs';
import net from 'node:net';
import { dispatchInvoke } from '../handlers/invoke-dispatch.ts';
import type { ControlFault } from '../../contract/messages/message.ts';
import type { Logger } from '../logging/logger.ts';
import { controlAddress, publishPipeKey } from './control-address.ts';
import {
  ClientFrame,
  CONTROL_PROTOCOL,
  encodeFrame,
  MAX_CLIENT_FRAME_BYTES,
  type HelloFrame,
  type ServerFrame,
} from './control-protocol.ts';
import type { EngineApi } from './engine-api.ts';
import { createFrameReader } from './frame-reader.ts';

export interface ControlServerOptions {
  /** The engine's config folder; the caller holds its engine.lock. */
  configDir: string;
  engine: EngineApi;
  /** Told to every client in the hello frame. */
  version: string;
  shell: HelloFrame['shell'];
  logger: Logger;
  /**
   * Mints a new single-use link to the page this process serves in the browser, or returns null
   * when it serves none (`watch`, the desktop app, or `ui` before its bridge listens). The link is
   * a secret: it is sent to the client that asked and nowhere else.
   */
  pageLink?: () => string | null;
  /**
   * How long a client may stay connected without a subscription, a request in flight or a new
   * frame before it is hung up, in ms. Default 30 s.
   */
  idleTimeoutMs?: number;
}

export interface ControlServer {
  /** The socket path or pipe name; null when the channel could not be opened (the reason is logged). */
  readonly address: string | null;
  /** Hangs up on every client and stops listening; the socket file goes with it. Never rejects. */
  close(): Promise<void>;
}

/** How long a forwarding `ui` has to mint a page link before the answer is "no page". */
const MINT_TIMEOUT_MS = 5_000;
/** More clients than this at once is not a person at a terminal: Node closes further ones. */
const MAX_CONNECTIONS = 32;
/**
 * Connections are few (above), so one that holds a place and does nothing is hung up: leaked or
 * stuck clients would otherwise lock every later command out. A subscriber (a second `ui`, a
 * following `upload`) waits for events and is never idle.
 */
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
/** A client that lets this much output pile up (it stopped reading) is hung up on. */
const MAX_UNREAD_BYTES = 64 * 1024 * 1024;
/** How long a live engine is given to answer on an existing socket before it is called stale. */
const STALE_PROBE_MS = 1_000;
/** How long a refused client is given to read why before the connection is cut. */
const REFUSAL_LINGER_MS = 1_000;
const OWNER_ONLY = 0o600;

type SocketCheck = { kind: 'free' } | { kind: 'blocked'; reason: string };

/** Whether anything answers on `socketPath`: connecting is the only proof a socket is stale. */
function probeSocket(socketPath: string): Promise<'answered' | 'refused' | string> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    const timer = setTimeout(() => {
      probe.destroy();
      resolve('answered');
    }, STALE_PROBE_MS);
    probe.once('connect', () => {
      clearTimeout(timer);
      probe.destroy();
      resolve('answered');
    });
    probe.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ECONNREFUSED' ? 'refused' : (error.code ?? error.message));
    });
  });
}

/**
 * A socket file left by an engine that was killed is removed, but only once connecting to it is
 * refused: a socket someone still answers on, or a file that is not a socket, is left alone.
 */
async function clearStaleSocket(socketPath: string): Promise<SocketCheck> {
  let isSocket: boolean;
  try {
    isSocket = lstatSync(socketPath).isSocket();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'free' };
    return { kind: 'blocked', reason: `${socketPath} cannot be examined: ${String(error)}` };
  }
  if (!isSocket) return { kind: 'blocked', reason: `${socketPath} exists and is not a socket` };
  const probe = await probeSocket(socketPath);
  if (probe === 'answered') {
    return { kind: 'blocked', reason: `another process answers on ${socketPath}` };
  }
  if (probe !== 'refused') {
    return { kind: 'blocked', reason: `${socketPath} cannot be probed (${probe})` };
  }
  rmSync(socketPath, { force: true });
  return { kind: 'free' };
}

/** Binds with umask 077, so the socket is never open to others, not even before the chmod. */
function listen(server: net.Server, address: string, isSocket: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Worker threads may not set the umask; the chmod below still applies, and the folder guards.
    let previousUmask: number | null = null;
    if (isSocket) {
      try {
        previousUmask = process.umask(0o077);
      } catch {
        previousUmask = null;
      }
    }
    try {
      // For a path, bind(2) and listen(2) happen within this call, so the umask is ours alone.
      server.listen(address, () => {
        server.off('error', reject);
        resolve();
      });
    } finally {
      if (previousUmask !== null) process.umask(previousUmask);
    }
  });
}

const CLOSED: ControlServer = { address: null, close: () => Promise.resolve() };

/**
 * Opens the control channel of an engine that holds engine.lock. Resolves once it listens, or,
 * when it cannot (socket path too long, something else in the way), after logging why: the engine
 * works the same without it; only a second process is then refused as before.
 */
export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const { engine, logger } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  let pipeKey: string | null = null;
  if (process.platform === 'win32') {
    try {
      pipeKey = await publishPipeKey(options.configDir);
    } catch (error) {
      logger.warn('The control channel is not opened', {
        reason: `the pipe key cannot be written: ${String(error)}`,
      });
      return CLOSED;
    }
  }
  const address = controlAddress(options.configDir, process.platform, pipeKey);
  if (address.kind === 'none') {
    logger.warn('The control channel is not opened', { reason: address.reason });
    return CLOSED;
  }
  const isSocket = address.kind === 'socket';
  if (isSocket) {
    const check = await clearStaleSocket(address.path);
    if (check.kind === 'blocked') {
      logger.warn('The control channel is not opened', { reason: check.reason });
      return CLOSED;
    }
  }

  const hello: HelloFrame = {
    type: 'hello',
    protocol: CONTROL_PROTOCOL,
    version: options.version,
    shell: options.shell,
    pid: process.pid,
  };
  const connections = new Set<net.Socket>();
  /** Forwarding `ui`s that serve this engine's page: each is asked to mint a link by id. */
  const linkServers = new Map<net.Socket, (id: number) => void>();
  const pendingMints = new Map<number, (link: string | null) => void>();
  let nextMintId = 1;

  /** A link to this process's page, else to the page of a `ui` forwarding to it; null for none. */
  function pageLink(): Promise<string | null> {
    const own = options.pageLink?.() ?? null;
    const ask = [...linkServers.values()].at(-1);
    if (own !== null || ask === undefined) return Promise.resolve(own);
    const id = nextMintId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => answer(null), MINT_TIMEOUT_MS);
      function answer(link: string | null): void {
        clearTimeout(timer);
        pendingMints.delete(id);
        resolve(link);
      }
      pendingMints.set(id, answer);
      ask(id);
    });
  }

  function serve(socket: net.Socket): void {
    connections.add(socket);
    let unsubscribe: (() => void) | null = null;
    let open = true;
    let inFlight = 0;
    let idleTimer: NodeJS.Timeout | null = null;

    /** Starts the idle clock again, or stops it while the client waits for something. */
    function watchIdleness(): void {
      if (idleTimer !== null) clearTimeout(idleTimer);
      idleTimer = null;
      if (!open || unsubscribe !== null || inFlight > 0) return;
      idleTimer = setTimeout(
        () => hangUp(`the client sent nothing for ${idleTimeoutMs} ms`, 'idle'),
        idleTimeoutMs,
      );
      idleTimer.unref();
    }

    function hangUp(reason: string, fault: ControlFault): void {
      if (!open) return;
      open = false;
      if (idleTimer !== null) clearTimeout(idleTimer);
      reader.stop();
      unsubscribe?.();
      unsubscribe = null;
      logger.warn('A control channel client was disconnected', { reason });
      const refused: ServerFrame = { type: 'refused', reason, fault };
      socket.end(encodeFrame(refused));
      setTimeout(() => socket.destroy(), REFUSAL_LINGER_MS).unref();
    }

    function send(frame: ServerFrame): void {
      if (!open || socket.destroyed) return;
      if (socket.writableLength > MAX_UNREAD_BYTES) {
        hangUp('the client stopped reading', 'not_reading');
        return;
      }
      let line: string;
      try {
        line = encodeFrame(frame);
      } catch (error) {
        logger.error('A control channel frame cannot be encoded', {
          type: frame.type,
          error: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      socket.write(line);
    }

    const reader = createFrameReader({
      maxFrameBytes: MAX_CLIENT_FRAME_BYTES,
      onError: hangUp,
      onFrame(raw) {
        const parsed = ClientFrame.safeParse(raw);
        if (!parsed.success) {
          hangUp('a frame is not a control channel frame', 'not_a_frame');
          return;
        }
        const frame = parsed.data;
        switch (frame.type) {
          case 'invoke':
            inFlight += 1;
            watchIdleness();
            void dispatchInvoke(engine.handlers, frame.channel, frame.request, (error, channel) =>
              logger.error('A control channel request failed unexpectedly', {
                channel,
                error: error instanceof Error ? error.message : String(error),
              }),
            ).then((result) => {
              inFlight -= 1;
              send({ type: 'result', id: frame.id, result });
              watchIdleness();
            });
            return;
          case 'subscribe':
            unsubscribe ??= engine.subscribe((channel, payload) =>
              send({ type: 'event', channel, payload }),
            );
            watchIdleness();
            return;
          case 'unsubscribe':
            unsubscribe?.();
            unsubscribe = null;
            watchIdleness();
            return;
          case 'link':
            inFlight += 1;
            watchIdleness();
            void pageLink().then((link) => {
              inFlight -= 1;
              send({ type: 'link', id: frame.id, link });
              watchIdleness();
            });
            return;
          case 'serve-links':
            linkServers.set(socket, (id) => send({ type: 'mint', id }));
            return;
          case 'minted':
            pendingMints.get(frame.id)?.(frame.link);
            return;
        }
      },
    });

    socket.on('data', (chunk: Buffer) => reader.push(chunk));
    // A client that vanishes mid-write is its own business; 'close' follows.
    socket.on('error', () => {});
    socket.on('close', () => {
      open = false;
      if (idleTimer !== null) clearTimeout(idleTimer);
      reader.stop();
      unsubscribe?.();
      unsubscribe = null;
      connections.delete(socket);
      linkServers.delete(socket);
    });
    send(hello);
    watchIdleness();
  }

  const server = net.createServer(serve);
  server.maxConnections = MAX_CONNECTIONS;
  server.on('error', (error) =>
    logger.error('The control channel failed', { error: error.message }),
  );
  try {
    await listen(server, address.path, isSocket);
    if (isSocket) chmodSync(address.path, OWNER_ONLY);
  } catch (error) {
    server.close();
    logger.warn('The control channel is not opened', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return CLOSED;
  }

  let closing: Promise<void> | null = null;
  return {
    address: address.path,
    close() {
      // libuv removes the socket file when the server closes.
      closing ??= new Promise<void>((resolve) => {
        for (const socket of connections) socket.destroy();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
