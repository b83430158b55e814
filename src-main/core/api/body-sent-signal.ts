// Whether an upload's body left in full, which decides if a failure may be retried (see the
// ambiguity rule in docs/architecture.md). Node's fetch is undici, which publishes the life of
// each request on node:diagnostics_channel: `undici:request:create` when a request is built and
// `undici:request:bodySent` once its whole body was written to the socket (undici's
// "Diagnostics Channel" docs). The call that owns a request is found with AsyncLocalStorage,
// which undici's dispatch runs inside. An injected fetch that is not undici (Electron's
// net.fetch) publishes nothing: then `observed` stays false and the caller must assume the worst.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';

/** What the diagnostics channels told about one call's requests. */
export interface SendProgress {
  /** undici built a request for this call: its body-sent signal can be trusted. */
  readonly observed: boolean;
  /** undici wrote the whole body of a request of this call. */
  readonly bodySent: boolean;
}

interface MutableProgress {
  observed: boolean;
  bodySent: boolean;
  /** undici reported an error for a request of this call before its body was sent. */
  failedBeforeSent: boolean;
}

const current = new AsyncLocalStorage<MutableProgress>();
const owners = new WeakMap<object, MutableProgress>();
let subscribed = false;

function requestOf(message: unknown): object | null {
  if (message === null || typeof message !== 'object' || !('request' in message)) return null;
  const request = message.request;
  return request !== null && typeof request === 'object' ? request : null;
}

function onCreate(message: unknown): void {
  const progress = current.getStore();
  const request = requestOf(message);
  if (progress === undefined || request === null) return;
  progress.observed = true;
  owners.set(request, progress);
}

function onBodySent(message: unknown): void {
  const request = requestOf(message);
  const progress = request === null ? undefined : owners.get(request);
  // undici ends a streamed body's writer after a write error too, and publishes bodySent then
  // (seen with undici 7 in Node 24: a reset mid-body gives request:error, then bodySent): a body
  // whose writing failed did not leave whole.
  if (progress !== undefined && !progress.failedBeforeSent) progress.bodySent = true;
}

function onError(message: unknown): void {
  const request = requestOf(message);
  const progress = request === null ? undefined : owners.get(request);
  if (progress !== undefined && !progress.bodySent) progress.failedBeforeSent = true;
}

function subscribeOnce(): void {
  if (subscribed) return;
  subscribed = true;
  diagnosticsChannel.subscribe('undici:request:create', onCreate);
  diagnosticsChannel.subscribe('undici:request:bodySent', onBodySent);
  diagnosticsChannel.subscribe('undici:request:error', onError);
}

/**
 * Runs `call` with its undici requests watched. `progress` is live: read it after the call
 * failed to learn whether the body had left.
 */
export function watchBodySent<T>(call: (progress: SendProgress) => Promise<T>): Promise<T> {
  subscribeOnce();
  const progress: MutableProgress = { observed: false, bodySent: false, failedBeforeSent: false };
  return current.run(progress, () => call(progress));
}

/**
 * Whether the server may hold the whole request: yes once undici said the body left, and, where
 * no such signal exists, as soon as the request was handed to fetch.
 */
export function mayHaveArrived(progress: SendProgress, handedOver: boolean): boolean {
  return progress.observed ? progress.bodySent : handedOver;
}
