// Runs one request against core's handlers the way every transport must (Electron IPC, the
// loopback bridge, the control channel): the channel is checked, the argument validated with the
// channel's schema, and whatever happens comes back as an InvokeResult, so the client can rethrow
// an ApiError with its code and sentence. It lives in core so no transport imports another.
import { msg, type Message } from '../../contract/messages/message.ts';
import { z } from 'zod';
import {
  ApiError,
  isRequestChannel,
  requests,
  type ApiErrorBody,
  type ApiHandlers,
  type InvokeResult,
} from '../../contract/api-contract.ts';

function failed(code: ApiErrorBody['code'], message: Message, detail?: string): InvokeResult {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

/**
 * Validates `rawRequest` against `channel`'s request schema and runs the handler. Never throws:
 * an unknown channel or invalid argument answers `invalid_request`, an ApiError answers its own
 * code, anything else answers `internal` after `onUnexpectedError` (which must not log the
 * request: `session.signIn` carries the token).
 */
export async function dispatchInvoke(
  handlers: ApiHandlers,
  channel: string,
  rawRequest: unknown,
  onUnexpectedError: (error: unknown, channel: string) => void,
): Promise<InvokeResult> {
  if (!isRequestChannel(channel)) {
    return failed(
      'invalid_request',
      msg('request_rejected', { problem: `there is no request channel named "${channel}"` }),
    );
  }
  const parsed = requests[channel].request.safeParse(rawRequest);
  if (!parsed.success) {
    return failed(
      'invalid_request',
      msg('request_rejected', { problem: `${channel}: ${z.prettifyError(parsed.error)}` }),
    );
  }
  // The channel and its parsed argument were matched by the line above; TypeScript cannot relate
  // a union of handlers to a union of arguments, so the call goes through one erased signature.
  const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    onUnexpectedError(error, channel);
    return failed('internal', msg('internal'));
  }
}
