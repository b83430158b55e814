// The sent copy of a PDF that has bytes before `%PDF-` (a byte-order mark, a newline): the same
// file from its header on, written to staging. The file on disk is never modified; the copy's
// SHA-256 is returned so the history can keep both hashes.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Copies `input` from byte `prefixBytes` on to `output` and returns the copy's SHA-256 (hex).
 * File-system errors reject.
 */
export async function writeWithoutPrefix(
  input: string,
  output: string,
  prefixBytes: number,
): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(
    createReadStream(input, { start: prefixBytes }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    }),
    createWriteStream(output),
  );
  return hash.digest('hex');
}
