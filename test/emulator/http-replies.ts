// The few ways the emulator answers over HTTP. A hung request gets a silent replier: the work is
// done, the answer is never written (a stuck server as the client experiences it).
import { STATUS_CODES } from 'node:http';
import type { ServerResponse } from 'node:http';

export interface Replier {
  json(status: number, body: unknown, headers?: Record<string, string>): void;
  html(status: number, body: string, headers?: Record<string, string>): void;
  empty(status: number, headers?: Record<string, string>): void;
}

export function replierFor(response: ServerResponse): Replier {
  const send = (status: number, headers: Record<string, string>, body: string | null): void => {
    if (response.headersSent || response.destroyed) return;
    response.writeHead(status, {
      ...headers,
      ...(body === null ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
    });
    response.end(body ?? undefined);
  };
  return {
    json: (status, body, headers = {}) =>
      send(status, { 'Content-Type': 'application/json', ...headers }, JSON.stringify(body)),
    html: (status, body, headers = {}) =>
      send(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body),
    empty: (status, headers = {}) => send(status, headers, null),
  };
}

export const silentReplier: Replier = {
  json: () => undefined,
  html: () => undefined,
  empty: () => undefined,
};

/** What the reverse proxy in front of the API answers when the backend is down or busy. */
export function gatewayPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
  );
}
