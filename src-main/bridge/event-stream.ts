// Core's events pushed to every open browser tab in the Server-Sent Events format: one-way, and
// nothing but a plain HTTP response per tab. The page reads it with a streamed fetch, not
// EventSource, so that its session travels in a header (no cookie another loopback port could
// read); it reconnects itself (http-client.ts), and the `retry:` line is kept for any SSE reader.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventChannel, EventOf } from '../contract/api-contract.ts';

const KEEPALIVE_MS = 20_000;
const RECONNECT_MS = 2_000;

export interface EventStream {
  attach(request: IncomingMessage, response: ServerResponse): void;
  publish<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
  close(): void;
}

export function createEventStream(): EventStream {
  const clients = new Set<ServerResponse>();
  const keepalive = setInterval(() => {
    for (const client of clients) client.write(': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref();

  return {
    attach(request, response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(`retry: ${RECONNECT_MS}\n\n`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    publish(channel, payload) {
      // JSON never contains a raw newline, so one `data:` line carries the whole event.
      const frame = `data: ${JSON.stringify({ channel, payload })}\n\n`;
      for (const client of clients) client.write(frame);
    },
    close() {
      clearInterval(keepalive);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
