// The control channel's wire format: newline-delimited JSON, one frame per line, every frame
// validated with zod on arrival. The requests and events are the contract's own: an `invoke`
// frame carries a contract channel and its argument and is answered by a `result` frame with the
// contract's InvokeResult; after `subscribe`, every contract event arrives as an `event` frame.
//
//   server → client, first:  {"type":"hello","protocol":1,"version":"0.1.0","shell":"cli","pid":42}
//   client → server:         {"type":"invoke","id":1,"channel":"status.get","request":{}}
//   server → client:         {"type":"result","id":1,"result":{"ok":true,"value":{…}}}
//   client → server:         {"type":"subscribe"}            (and {"type":"unsubscribe"})
//   server → client:         {"type":"event","channel":"history.changed","payload":{…}}
//   server → client, last:   {"type":"refused","reason":"…","fault":"idle"}  (the server hangs up;
//                            `reason` for logs, `fault` the code a client says in its language)
//
// Outside the contract, for `ui --link`: a fresh single-use link to the page the engine's process
// serves in the browser (null when it serves none). It is no contract channel, so the renderer,
// IPC and the bridge can never ask for one, and it passes no dispatcher that logs.
//   client → server:         {"type":"link","id":2}
//   server → client:         {"type":"link","id":2,"link":"http://127.0.0.1:41234/#link=…"}
// A `ui` that forwards to this engine (it runs as `watch`, a service or the desktop app) serves
// the page instead, so it offers to mint those links; the server asks it when asked for one:
//   client → server:         {"type":"serve-links"}
//   server → client:         {"type":"mint","id":7}
//   client → server:         {"type":"minted","id":7,"link":"http://127.0.0.1:41235/#link=…"}
import { z } from 'zod';
import { InvokeResult } from '../../contract/api-contract.ts';
import { TERM_TABLES } from '../../contract/messages/message.ts';

/** Raised when the frames change incompatibly; a client refuses a server of another protocol. */
export const CONTROL_PROTOCOL = 1;

/** A request frame may be this large: 10,000 long paths for `drop.send` fit with room to spare. */
export const MAX_CLIENT_FRAME_BYTES = 8 * 1024 * 1024;
/** An answer or event frame may be this large: 1,000 history rows are a few MB at most. */
export const MAX_SERVER_FRAME_BYTES = 64 * 1024 * 1024;

/**
 * A single-use link to a bridge page as `startBrowserMode` mints it: the loopback origin and a
 * base64url code in the fragment. `ui --link` prints it to a terminal, so whatever a peer of the
 * channel sends as `minted`, or an engine as `link`, must be exactly that: no escape sequence, no
 * page elsewhere that could ask for the token.
 */
export const PageLink = z
  .string()
  .regex(/^http:\/\/(?:127\.0\.0\.1|localhost):\d{1,5}\/#link=[A-Za-z0-9_-]+$/);

export const ClientFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('invoke'),
    /** Chosen by the client; the answer carries it back. Answers may come in any order. */
    id: z.number().int().nonnegative(),
    /** Checked against the contract by the dispatcher, which answers `invalid_request`. */
    channel: z.string(),
    request: z.unknown(),
  }),
  z.object({ type: z.literal('subscribe') }),
  z.object({ type: z.literal('unsubscribe') }),
  z.object({ type: z.literal('link'), id: z.number().int().nonnegative() }),
  z.object({ type: z.literal('serve-links') }),
  /** `link` is a secret, sent only to the server that asked with this id. */
  z.object({
    type: z.literal('minted'),
    id: z.number().int().nonnegative(),
    link: PageLink.nullable(),
  }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const EngineShell = z.enum(['electron', 'browser', 'cli']);

export const HelloFrame = z.object({
  type: z.literal('hello'),
  protocol: z.number().int(),
  /** The app version of the engine's process. */
  version: z.string(),
  /** Which shell runs the engine: the desktop app, `ui`, or another CLI command. */
  shell: EngineShell,
  pid: z.number().int(),
});
export type HelloFrame = z.infer<typeof HelloFrame>;

export const ServerFrame = z.discriminatedUnion('type', [
  HelloFrame,
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: InvokeResult }),
  /** The payload is checked against the channel's event schema by the client (contract/decode). */
  z.object({ type: z.literal('event'), channel: z.string(), payload: z.unknown() }),
  /** `fault` is optional: an engine of an earlier release sends only its English `reason`. */
  z.object({
    type: z.literal('refused'),
    reason: z.string(),
    fault: z.enum(TERM_TABLES.controlFault).optional(),
  }),
  /** `link` is a secret: a single-use link to the page, or null when the process serves none. */
  z.object({
    type: z.literal('link'),
    id: z.number().int().nonnegative(),
    link: PageLink.nullable(),
  }),
  z.object({ type: z.literal('mint'), id: z.number().int().nonnegative() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** One frame as one line. JSON.stringify never writes a raw newline, so the line is the frame. */
export function encodeFrame(frame: ClientFrame | ServerFrame): string {
  return `${JSON.stringify(frame)}\n`;
}
