// Building a Message: a plain object, checked by the compiler only. Kept apart from the Message
// schema (message.ts, zod) so a module that only says something does not build that schema.
import type { Message, MessageCode } from './message.ts';

/**
 * Each message by its code, resolved once. Looking a code up here is one indexed access, where
 * `Extract<Message, { code: C }>` walks every member of the union at every call: with a few
 * hundred codes that made type checking the project take ten minutes.
 */
type MessageByCode = { [M in Message as M['code']]: M };
export type MessageParams<C extends MessageCode> = MessageByCode[C]['params'];

/** Builds a Message, with params checked against the code by the compiler. */
export function msg<C extends MessageCode>(
  code: C,
  ...params: Record<string, never> extends MessageParams<C> ? [] : [MessageParams<C>]
): MessageByCode[C] {
  return { code, params: params[0] ?? {} } as MessageByCode[C];
}
