// Clearfacts' upload form: text parts `query` and `variables` (a JSON string) and one file part
// named `file` (not the graphql-multipart-request-spec). The file streams to a temp file while
// it is hashed and counted; past the size limit the rest is discarded and the part is marked
// truncated, so the request still completes and the client gets a readable GraphQL error.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { RequestError } from './request-error.ts';

export interface ReceivedFilePart {
  /** Temp file holding the bytes (only the first maxFileBytes when truncated). */
  path: string;
  /** Bytes kept (at most maxFileBytes + 1: enough to know the part was too large). */
  bytes: number;
  sha256: string;
  truncated: boolean;
  clientFilename: string;
  mimeType: string;
}

export interface MultipartBody {
  fields: Map<string, string>;
  file: ReceivedFilePart | null;
}

export interface MultipartLimits {
  tempDir: string;
  maxFileBytes: number;
}

const MAX_TEXT_PART_BYTES = 1024 * 1024;
const MAX_TEXT_PARTS = 16;

async function saveFilePart(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  target: string,
  clientFilename: string,
  mimeType: string,
): Promise<ReceivedFilePart> {
  const hash = createHash('sha256');
  let bytes = 0;
  let truncated = false;
  stream.on('limit', () => {
    truncated = true;
  });
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  await pipeline(stream, hashing, createWriteStream(target));
  return {
    path: target,
    bytes,
    sha256: hash.digest('hex'),
    truncated: truncated || stream.truncated === true,
    clientFilename,
    mimeType,
  };
}

/** Reads the whole multipart body; cleans up its temp file itself when it throws. */
export async function readMultipartBody(
  request: IncomingMessage,
  limits: MultipartLimits,
): Promise<MultipartBody> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: {
        // busboy marks a part truncated when it reaches the limit; one byte more lets a file of
        // exactly maxFileBytes through.
        fileSize: limits.maxFileBytes + 1,
        fieldSize: MAX_TEXT_PART_BYTES,
        fields: MAX_TEXT_PARTS,
      },
    });
  } catch (error) {
    request.resume();
    throw new RequestError(400, `Malformed multipart/form-data request: ${String(error)}`);
  }

  const fields = new Map<string, string>();
  const problems: string[] = [];
  let filePart: Promise<ReceivedFilePart> | null = null;
  const target = path.join(limits.tempDir, `upload-${randomUUID()}`);

  parser.on('field', (name, value, info) => {
    if (info.valueTruncated) problems.push(`The form part "${name}" is larger than 1 MiB.`);
    else fields.set(name, value);
  });
  parser.on('fieldsLimit', () => {
    problems.push(`The form has more than ${MAX_TEXT_PARTS} text parts.`);
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file') {
      problems.push(`Unexpected file part "${name}": send the document as the part named "file".`);
      stream.resume();
      return;
    }
    if (filePart !== null) {
      problems.push('The form has more than one part named "file": send one document per request.');
      stream.resume();
      return;
    }
    filePart = saveFilePart(stream, target, info.filename ?? '', info.mimeType);
    // Surfaced when awaited below; keeps an early failure from being reported as unhandled.
    filePart.catch(() => undefined);
  });

  try {
    await pipeline(request, parser);
    const file = filePart === null ? null : await filePart;
    if (problems.length > 0) throw new RequestError(400, problems.join(' '));
    return { fields, file };
  } catch (error) {
    // Let the file part settle first, so its write stream cannot recreate the file after rm.
    await (filePart as Promise<ReceivedFilePart> | null)?.catch(() => undefined);
    await rm(target, { force: true });
    if (error instanceof RequestError) throw error;
    if (request.destroyed || request.readableAborted) throw error;
    throw new RequestError(
      400,
      `Malformed multipart/form-data request: ${(error as Error).message}`,
    );
  }
}
