// What arrives from core is validated on the receiving side, whichever transport carried it (IPC,
// the loopback bridge, the control channel): an answer must match its channel's response schema
// and an event its channel's payload schema.
import { msg } from './messages/message.ts';
import {
  ApiError,
  events,
  InvokeResult,
  requests,
  type EventChannel,
  type EventOf,
  type RequestChannel,
  type ResponseOf,
} from './api-contract.ts';

/** The answer's value, or the handler's error rethrown as ApiError (`internal` when malformed). */
export function decodeAnswer<C extends RequestChannel>(channel: C, raw: unknown): ResponseOf<C> {
  const result = InvokeResult.safeParse(raw);
  if (!result.success) {
    throw new ApiError('internal', msg('internal'), `unexpected answer to ${channel}`);
  }
  if (!result.data.ok) throw ApiError.fromBody(result.data.error);
  const value = requests[channel].response.safeParse(result.data.value);
  if (!value.success) {
    throw new ApiError('internal', msg('answer_breaks_contract', { channel }));
  }
  return value.data as ResponseOf<C>;
}

export type DecodedEvent = {
  [E in EventChannel]: { channel: E; payload: EventOf<E> };
}[EventChannel];

function isEventChannel(value: string): value is EventChannel {
  return Object.hasOwn(events, value);
}

/** Null for anything that is not a known event with a valid payload: it is dropped, not trusted. */
export function decodeEvent(channel: unknown, payload: unknown): DecodedEvent | null {
  if (typeof channel !== 'string' || !isEventChannel(channel)) return null;
  const parsed = events[channel].safeParse(payload);
  if (!parsed.success) return null;
  return { channel, payload: parsed.data } as DecodedEvent;
}
