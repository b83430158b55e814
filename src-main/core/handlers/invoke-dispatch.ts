// Runs one request against core's handlers the way every transport must (Electron IPC, the
// loopback bridge, the control channel): the channel is checked, the argument validated with the
// channel's schema, and whatever happens comes back as an InvokeResult, so the client can rethrow
// an ApiError with its code and sentence. It lives in core so no transport imports another.
import { msg, type Message } from '../../contract/messages/message.ts';
import type { z } from 'zod';
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

/** The dotted paths of the fields zod refused (`folders.0.path`), the channel for the whole. */
function invalidFields(channel: string, error: z.ZodError): string {
  const fields = error.issues.map((issue) =>
    issue.path.length === 0 ? channel : issue.path.map(String).join('.'),
  );
  return [...new Set(fields)].join(', ');
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
    return failed('invalid_request', msg('request_channel_unknown', { channel }));
  }
  const parsed = requests[channel].request.safeParse(rawRequest);
  if (!parsed.success) {
    // zod's sentences are English, so only the names of the refused fields travel.
    return failed(
      'invalid_request',
      msg('request_arguments_invalid', { channel, fields: invalidFields(channel, parsed.error) }),
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
