// Transport 2: the loopback bridge of browser mode. Requests are POSTs, events arrive over SSE
// (EventSource reconnects on its own), dropped files are uploaded in batches to be staged.
import { msg } from '../../src-main/contract/messages/message.ts';
import {
  ApiError,
  StagedFiles,
  type EventListener,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
  type StagedFile,
} from '../../src-main/contract/api-contract.ts';
import type { AppApi } from './app-api.ts';
import { decodeAnswer, decodeEvent } from '../../src-main/contract/decode.ts';
import { rethrowBridgeError } from './decode.ts';

export interface HttpApiOptions {
  /** Empty for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  EventSource?: typeof globalThis.EventSource;
}

const FILES_PER_BATCH = 20;
const BYTES_PER_BATCH = 64 * 1024 * 1024;

function unreachable(cause: unknown): ApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiError('unavailable', msg('uploader_unreachable'), reason);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new ApiError(
      'unavailable',
      msg('uploader_unreachable'),
      `HTTP ${response.status} without JSON`,
    );
  }
}

/** Batches small enough to show progress and to keep one failed request from losing many files. */
export function batchFiles(files: readonly File[]): File[][] {
  const batches: File[][] = [];
  let current: File[] = [];
  let bytes = 0;
  for (const file of files) {
    if (
      current.length > 0 &&
      (current.length >= FILES_PER_BATCH || bytes + file.size > BYTES_PER_BATCH)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function createHttpApi(options: HttpApiOptions = {}): AppApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const EventSourceImpl = options.EventSource ?? globalThis.EventSource;
  const listeners = new Set<EventListener>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let source: EventSource | null = null;
  let connected = true;

  function setConnected(value: boolean): void {
    if (value === connected) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  }

  function openEvents(): void {
    const opened = new EventSourceImpl(`${baseUrl}/api/events`);
    opened.onopen = () => setConnected(true);
    opened.onerror = () => setConnected(false);
    opened.onmessage = (message: { data: unknown }) => {
      if (typeof message.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      if (typeof frame !== 'object' || frame === null) return;
      const { channel, payload } = frame as { channel?: unknown; payload?: unknown };
      const event = decodeEvent(channel, payload);
      if (event === null) return;
      for (const listener of listeners) listener(event.channel, event.payload);
    };
    source = opened;
  }

  return {
    transport: 'http',
    async invoke<C extends RequestChannel>(
      channel: C,
      request: RequestOf<C>,
    ): Promise<ResponseOf<C>> {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
          credentials: 'same-origin',
        });
      } catch (error) {
        throw unreachable(error);
      }
      return decodeAnswer(channel, await readJson(response));
    },
    subscribe(listener) {
      listeners.add(listener);
      if (source === null) openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source !== null) {
          source.close();
          source = null;
        }
      };
    },
    async prepareFiles(files, onProgress) {
      const staged: StagedFile[] = [];
      for (const batch of batchFiles(files)) {
        const form = new FormData();
        for (const file of batch) form.append('file', file, file.name);
        let response: Response;
        try {
          response = await doFetch(`${baseUrl}/api/files`, {
            method: 'POST',
            body: form,
            credentials: 'same-origin',
          });
        } catch (error) {
          throw unreachable(error);
        }
        const body = await readJson(response);
        const parsed = StagedFiles.safeParse(body);
        if (!parsed.success) {
          rethrowBridgeError(body);
          throw new ApiError('internal', msg('internal'), 'unexpected answer to the dropped files');
        }
        staged.push(...parsed.data.files);
        onProgress?.(staged.length, files.length);
      }
      return staged;
    },
    pickFolder: null,
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
}
