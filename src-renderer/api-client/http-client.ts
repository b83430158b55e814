// Transport 2: the loopback bridge of browser mode. Requests are POSTs, events arrive as SSE
// frames over a streamed fetch (EventSource cannot send the session header), dropped files are
// uploaded in batches to be staged. Every request carries the page's session header.
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
import type { BridgeSession } from './bridge-session.ts';

export interface HttpApiOptions {
  /** Empty for the page's own origin. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** The page's session with the bridge (see bridge-session.ts). */
  session: BridgeSession;
}

/** How long the event stream waits before it reconnects after losing the bridge. */
const RECONNECT_MS = 2_000;

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

/** The `data:` payloads of complete SSE frames in `buffer`, and what is left of it. */
export function takeSseData(buffer: string): { data: string[]; rest: string } {
  const frames = buffer.split('\n\n');
  const rest = frames.pop() ?? '';
  const data = frames.flatMap((frame) =>
    frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice('data:'.length).trimStart()),
  );
  return { data, rest };
}

export function createHttpApi(options: HttpApiOptions): AppApi {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const listeners = new Set<EventListener>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let source: AbortController | null = null;
  let connected = true;

  async function sessionHeaders(): Promise<Record<string, string>> {
    return { 'x-clearfacts-session': await options.session.header() };
  }

  function setConnected(value: boolean): void {
    if (value === connected) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  }

  function deliver(data: string): void {
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const { channel, payload } = frame as { channel?: unknown; payload?: unknown };
    const event = decodeEvent(channel, payload);
    if (event === null) return;
    for (const listener of listeners) listener(event.channel, event.payload);
  }

  /** Reads one event stream to its end; resolves when it ends or fails. */
  async function readEvents(signal: AbortSignal): Promise<void> {
    const response = await doFetch(`${baseUrl}/api/events`, {
      headers: await sessionHeaders(),
      signal,
    });
    if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
    setConnected(true);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const { data, rest } = takeSseData(buffer + value);
      buffer = rest;
      for (const item of data) deliver(item);
    }
  }

  /** Keeps an event stream open until aborted, reconnecting after RECONNECT_MS. */
  function openEvents(): void {
    const controller = new AbortController();
    source = controller;
    void (async () => {
      while (!controller.signal.aborted) {
        await readEvents(controller.signal).catch(() => {});
        if (controller.signal.aborted) return;
        setConnected(false);
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    })();
  }

  return {
    transport: 'http',
    async invoke<C extends RequestChannel>(
      channel: C,
      request: RequestOf<C>,
    ): Promise<ResponseOf<C>> {
      const session = await sessionHeaders();
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...session },
          body: JSON.stringify(request),
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
          source.abort();
          source = null;
        }
      };
    },
    async prepareFiles(files, onProgress) {
      const staged: StagedFile[] = [];
      for (const batch of batchFiles(files)) {
        const form = new FormData();
        for (const file of batch) form.append('file', file, file.name);
        const session = await sessionHeaders();
        let response: Response;
        try {
          response = await doFetch(`${baseUrl}/api/files`, {
            method: 'POST',
            headers: session,
            body: form,
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
