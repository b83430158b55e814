// Small text bodies (JSON, application/graphql, test-hook commands) read whole, with a cap so a
// wrong client cannot make the emulator buffer gigabytes.
import type { IncomingMessage } from 'node:http';
import { RequestError } from './request-error.ts';

const MAX_TEXT_BODY_BYTES = 1024 * 1024;

export async function readTextBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  // Reads to the end even past the cap: the 413 must reach a client still sending.
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    length += buffer.length;
    if (length <= MAX_TEXT_BODY_BYTES) chunks.push(buffer);
  }
  if (length > MAX_TEXT_BODY_BYTES) {
    throw new RequestError(413, 'The request body is larger than 1 MiB.');
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and discards the rest of a body, so an early answer still reaches the client. */
export async function drainBody(request: IncomingMessage): Promise<void> {
  if (request.readableEnded) return;
  await new Promise<void>((resolve) => {
    request.on('end', resolve);
    request.on('close', resolve);
    request.resume();
  });
}
