// The bridge's own answers (staged files) are validated here; contract answers and events are
// decoded by src-main/contract/decode.ts, shared with every other client of core.
import { InvokeResult, ApiError } from '../../src-main/contract/api-contract.ts';

/** For answers that are not InvokeResults (staged files): rethrows the bridge's error, if any. */
export function rethrowBridgeError(raw: unknown): void {
  const result = InvokeResult.safeParse(raw);
  if (result.success && !result.data.ok) {
    throw ApiError.fromBody(result.data.error);
  }
}
