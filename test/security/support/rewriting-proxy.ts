// A loopback proxy in front of the emulator that plays a hostile or buggy server: it rewrites the
// `name` of every uploaded file in the answers to a path that climbs out of any folder. The
// engine must never use a name that comes back from the server to write a file.
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

const UPLOAD_FIELDS = ['uploadFile', 'uploadArchiveFile'];

function rewriteNames(body: Buffer, hostileName: string): Buffer {
  let answer: unknown;
  try {
    answer = JSON.parse(body.toString('utf8'));
  } catch {
    return body;
  }
  if (typeof answer !== 'object' || answer === null || !('data' in answer)) return body;
  const data = (answer as { data: unknown }).data;
  if (typeof data !== 'object' || data === null) return body;
  let changed = false;
  for (const field of UPLOAD_FIELDS) {
    const file = (data as Record<string, unknown>)[field];
    if (typeof file === 'object' && file !== null) {
      Object.assign(file, { name: hostileName, filename: hostileName });
      changed = true;
    }
  }
  return changed ? Buffer.from(JSON.stringify(answer), 'utf8') : body;
}

async function readAll(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startRewritingProxy(
  target: string,
  hostileName: string,
): Promise<{ origin: string; rewritten: () => number; close(): Promise<void> }> {
  const targetUrl = new URL(target);
  let rewritten = 0;
  const server = createServer((incoming, outgoing) => {
    const upstream = httpRequest(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: targetUrl.host },
      },
      (answer) => {
        readAll(answer).then(
          (body) => {
            const changed = rewriteNames(body, hostileName);
            if (changed !== body) rewritten += 1;
            const headers = { ...answer.headers, 'content-length': String(changed.length) };
            delete headers['transfer-encoding'];
            outgoing.writeHead(answer.statusCode ?? 502, headers);
            outgoing.end(changed);
          },
          () => outgoing.destroy(),
        );
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    rewritten: () => rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
