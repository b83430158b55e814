// A second process's end of the control channel: the running engine of a config folder, reached
// over its socket (named pipe on Windows), with the same shape as an engine of this process, so a
// command or the loopback bridge works with either. Every answer is checked against the
// contract's response schema and every event against its payload schema (contract/decode.ts).
import { msg, type ControlEndMessage } from '../../contract/messages/message.ts';
import net from 'node:net';
import {
  ApiError,
  requests,
  type ApiHandlers,
  type EventListener,
  type RequestChannel,
} from '../../contract/api-contract.ts';
import { decodeAnswer, decodeEvent } from '../../contract/decode.ts';
import { controlAddress, readPipeKey } from './control-address.ts';
import {
  CONTROL_PROTOCOL,
  encodeFrame,
  MAX_CLIENT_FRAME_BYTES,
  MAX_SERVER_FRAME_BYTES,
  ServerFrame,
  type ClientFrame,
  type HelloFrame,
} from './control-protocol.ts';
import type { EngineApi } from './engine-api.ts';
import { createFrameReader } from './frame-reader.ts';

/** An engine running in another process, reached over its control channel. */
export interface RunningEngine extends EngineApi {
  /** What the engine told about itself when the connection opened. */
  readonly about: Omit<HelloFrame, 'type'>;
  /**
   * Resolves with why, as a message code, once the connection has ended: the engine stopped,
   * broke the protocol, or close() was called. Calls still waiting reject with ApiError
   * `unavailable`.
   */
  readonly closed: Promise<ControlEndMessage>;
  /**
   * Asks the engine's process for a new single-use link to the page it serves in the browser
   * (`ui`). Resolves with the link, a secret to show only to the user, or null when that process
   * serves no page (`watch`, the desktop app). Rejects with ApiError `unavailable` when the
   * connection ends first (an engine too old to know the request hangs up on it).
   */
  newPageLink(): Promise<string | null>;
  /**
   * Offers the engine links to the page this process serves for it (a forwarding `ui`), so a
   * `ui --link` asking the engine gets one; `mint` is called once per request, null withdraws.
   */
  servePageLinks(mint: (() => string) | null): void;
  /** Hangs up; safe to call more than once. */
  close(): void;
}

export interface ConnectOptions {
  /** How long the engine has to accept and say hello. Default 5 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
/** Nobody listens here: no engine runs (or one killed left its socket, which it will clear). */
const NOBODY_LISTENS = new Set(['ENOENT', 'ECONNREFUSED']);

function unreachable(address: string, reason: ControlEndMessage): ApiError {
  return new ApiError('unavailable', msg('running_app_unreachable', { address, reason }));
}

/** The socket error's code (ECONNRESET, EACCES, …): the part of its message that is no prose. */
function errorCodeOf(error: NodeJS.ErrnoException): string {
  return error.code ?? error.name;
}

function open(address: string, timeoutMs: number): Promise<net.Socket | null> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(address);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(unreachable(address, msg('control_no_accept', { timeoutMs })));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      if (error.code !== undefined && NOBODY_LISTENS.has(error.code)) resolve(null);
      else
        reject(
          unreachable(address, msg('control_connection_failed', { errorCode: errorCodeOf(error) })),
        );
    });
  });
}

/**
 * Connects to the engine that runs with `configDir` (the one holding its engine.lock). Resolves
 * null when none listens, or when it hangs up before saying hello (it is stopping); rejects with
 * ApiError `unavailable` when something is there but cannot be used: permission denied (EACCES:
 * the folder is another user's), no hello in time, or another protocol version.
 */
export async function connectToRunningEngine(
  configDir: string,
  options: ConnectOptions = {},
): Promise<RunningEngine | null> {
  const pipeKey = process.platform === 'win32' ? await readPipeKey(configDir) : null;
  const address = controlAddress(configDir, process.platform, pipeKey);
  if (address.kind === 'none') return null;
  const where = address.path;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const opened = await open(where, timeoutMs);
  if (opened === null) return null;
  const socket: net.Socket = opened;

  type Pending = {
    channel: RequestChannel;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  };
  const pending = new Map<number, Pending>();
  /** Link requests waiting for their answer, by frame id (ids are shared with `pending`). */
  const pendingLinks = new Map<
    number,
    { resolve: (link: string | null) => void; reject: (error: unknown) => void }
  >();
  const listeners = new Set<EventListener>();
  let nextId = 1;
  let ended: ControlEndMessage | null = null;
  let resolveClosed: (reason: ControlEndMessage) => void = () => {};
  const closed = new Promise<ControlEndMessage>((resolve) => (resolveClosed = resolve));
  let resolveHello: (hello: HelloFrame | null) => void = () => {};
  let rejectHello: (error: ApiError) => void = () => {};
  /** Null when the connection ended before the hello: the engine was stopping. */
  const greeted = new Promise<HelloFrame | null>((resolve, reject) => {
    resolveHello = resolve;
    rejectHello = reject;
  });
  let greetedYet = false;
  let mintPageLink: (() => string) | null = null;

  /** `hungUp`: the connection closed or broke, rather than the engine breaking the protocol. */
  function end(reason: ControlEndMessage, hungUp = false): void {
    if (ended !== null) return;
    ended = reason;
    reader.stop();
    socket.destroy();
    if (hungUp) resolveHello(null);
    else rejectHello(unreachable(where, reason));
    for (const call of pending.values()) {
      call.reject(
        new ApiError(
          'unavailable',
          msg('running_app_no_answer', { channel: call.channel, reason }),
        ),
      );
    }
    pending.clear();
    for (const call of pendingLinks.values()) {
      call.reject(
        new ApiError('unavailable', msg('running_app_no_answer', { channel: 'link', reason })),
      );
    }
    pendingLinks.clear();
    resolveClosed(reason);
  }

  function send(frame: ClientFrame): void {
    if (ended === null) socket.write(encodeFrame(frame));
  }

  function deliverEvent(channel: unknown, payload: unknown): void {
    const event = decodeEvent(channel, payload);
    if (event === null) return;
    for (const listener of [...listeners]) {
      try {
        listener(event.channel, event.payload);
      } catch (error) {
        // As in the engine's event hub: one broken listener must not silence the others.
        process.emitWarning(
          `A listener of the running engine's events failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  const reader = createFrameReader({
    maxFrameBytes: MAX_SERVER_FRAME_BYTES,
    onError: (_reason, fault) => end(msg('control_engine_broke_protocol', { controlFault: fault })),
    onFrame(raw) {
      const parsed = ServerFrame.safeParse(raw);
      if (!parsed.success) {
        end(msg('control_engine_broke_protocol', { controlFault: 'not_a_frame' }));
        return;
      }
      const frame = parsed.data;
      if (!greetedYet) {
        if (frame.type !== 'hello') {
          end(msg('control_engine_broke_protocol', { controlFault: 'no_hello_first' }));
        } else if (frame.protocol !== CONTROL_PROTOCOL) {
          end(msg('control_protocol_mismatch', { theirs: frame.protocol, ours: CONTROL_PROTOCOL }));
        } else {
          greetedYet = true;
          resolveHello(frame);
        }
        return;
      }
      switch (frame.type) {
        case 'result': {
          const call = pending.get(frame.id);
          if (call === undefined) return;
          pending.delete(frame.id);
          try {
            call.resolve(decodeAnswer(call.channel, frame.result));
          } catch (error) {
            call.reject(error);
          }
          return;
        }
        case 'event':
          deliverEvent(frame.channel, frame.payload);
          return;
        case 'link': {
          const call = pendingLinks.get(frame.id);
          if (call === undefined) return;
          pendingLinks.delete(frame.id);
          call.resolve(frame.link);
          return;
        }
        case 'mint':
          send({ type: 'minted', id: frame.id, link: mintPageLink?.() ?? null });
          return;
        case 'refused':
          end(
            frame.fault === undefined
              ? msg('control_engine_hung_up_said', { detail: frame.reason })
              : msg('control_engine_hung_up', { controlFault: frame.fault }),
          );
          return;
        case 'hello':
          end(msg('control_engine_broke_protocol', { controlFault: 'hello_twice' }));
          return;
      }
    },
  });

  socket.on('data', (chunk: Buffer) => reader.push(chunk));
  socket.on('error', (error) =>
    end(msg('control_connection_failed', { errorCode: errorCodeOf(error) }), true),
  );
  socket.on('close', () => end(msg('control_engine_stopped'), true));

  const helloTimer = setTimeout(() => end(msg('control_no_hello', { timeoutMs })), timeoutMs);
  let hello: HelloFrame | null;
  try {
    hello = await greeted;
  } finally {
    clearTimeout(helloTimer);
  }
  // An engine that hangs up before its hello is stopping (or has all the clients it takes).
  if (hello === null) return null;
  const about = {
    protocol: hello.protocol,
    version: hello.version,
    shell: hello.shell,
    pid: hello.pid,
  };

  function invoke(channel: RequestChannel, request: unknown): Promise<unknown> {
    if (ended !== null) {
      return Promise.reject(
        new ApiError('unavailable', msg('running_app_no_answer', { channel, reason: ended })),
      );
    }
    const id = nextId++;
    const frame: ClientFrame = { type: 'invoke', id, channel, request };
    const line = encodeFrame(frame);
    if (Buffer.byteLength(line) > MAX_CLIENT_FRAME_BYTES) {
      return Promise.reject(new ApiError('invalid_request', msg('request_too_large', { channel })));
    }
    return new Promise((resolve, reject) => {
      pending.set(id, { channel, resolve, reject });
      socket.write(line);
    });
  }

  // Every channel of the contract, each a remote call; the contract's types hold per channel
  // because decodeAnswer checks each answer against that channel's response schema.
  const handlers = Object.fromEntries(
    Object.keys(requests).map((channel) => [
      channel,
      (request: unknown) => invoke(channel as RequestChannel, request),
    ]),
  ) as unknown as ApiHandlers;

  return {
    handlers,
    about,
    closed,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) send({ type: 'subscribe' });
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) send({ type: 'unsubscribe' });
      };
    },
    newPageLink() {
      if (ended !== null) {
        return Promise.reject(
          new ApiError(
            'unavailable',
            msg('running_app_no_answer', { channel: 'link', reason: ended }),
          ),
        );
      }
      const id = nextId++;
      return new Promise<string | null>((resolve, reject) => {
        pendingLinks.set(id, { resolve, reject });
        send({ type: 'link', id });
      });
    },
    servePageLinks(mint) {
      const first = mintPageLink === null;
      mintPageLink = mint;
      if (first && mint !== null) send({ type: 'serve-links' });
    },
    close() {
      end(msg('control_closed_here'));
    },
  };
}
