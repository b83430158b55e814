// What the CLI says when Clearfacts cannot be reached: the address it tried and what to check.
// The engine's own words ("tried again later") are for its queue; a command speaks of the address.
import type { ApiError } from '../contract/api-contract.ts';
import { msg, type Message } from '../contract/messages/message.ts';

/**
 * The CLI's sentence for `error` when it is a network failure reaching Clearfacts at `address`
 * (core's `api_network` or `api_network_said`), naming the address and what to check; null for
 * any other error.
 */
export function unreachableSentence(error: ApiError, address: string): Message | null {
  const said = error.userMessage;
  if (said.code === 'api_network') {
    return msg('cli_api_unreachable', { address, networkProblem: said.params.networkProblem });
  }
  if (said.code === 'api_network_said') {
    return msg('cli_api_unreachable_said', { address, problem: said.params.problem });
  }
  return null;
}
