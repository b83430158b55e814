// SHA-256 of a file, streamed so a large scan never sits whole in memory. The hash is what the
// duplicate check compares, so it is always of the bytes on disk, never of a converted copy.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

export async function hashFile(filePath: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(filePath), hash, { signal });
  return hash.digest('hex');
}
