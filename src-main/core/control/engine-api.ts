// What a transport needs of an engine: the contract's handlers and its events. The engine of this
// process (createEngine) is one; an engine running in another process, reached over the control
// channel (connectToRunningEngine), is another, so the CLI and the loopback bridge serve either.
import type { ApiHandlers, EventListener } from '../../contract/api-contract.ts';

export interface EngineApi {
  /** One function per contract channel; each throws only ApiError. */
  readonly handlers: ApiHandlers;
  /** Calls `listener` with every contract event until the returned function is called. */
  subscribe(listener: EventListener): () => void;
}
