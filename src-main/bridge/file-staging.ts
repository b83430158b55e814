// Files dropped into a browser tab have no path on disk that core could read, so their bytes are
// POSTed here, streamed (never held whole in memory) into a staging folder, and answered as
// paths. Each file gets a folder of its own so it keeps its exact name, which Clearfacts shows.
import { cleanFileName } from '../contract/file-names.ts';
import { msg, type Message } from '../contract/messages/message.ts';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { StagedFile } from '../contract/api-contract.ts';

/** A drop batch kept this long is pruned: the user's original is still where they dropped it from. */
const STALE_BATCH_MS = 14 * 24 * 60 * 60 * 1000;
/** The renderer sends drops in batches below this; a request with more parts is refused whole. */
export const MAX_FILES_PER_REQUEST = 1_000;
/** Where the bridge receives dropped files; refusals name it. */
export const FILES_PATH = '/api/files';

/** A staging request refused whole, with the message for the user; nothing of it is kept. */
export class StagingRequestError extends Error {
  override readonly name: string = 'StagingRequestError';
  readonly userMessage: Message;
  constructor(userMessage: Message, options?: ErrorOptions) {
    super(userMessage.code, options);
    this.userMessage = userMessage;
  }
}

/** More parts than MAX_FILES_PER_REQUEST: answered 413 with the limit, nothing is kept. */
export class TooManyFilesError extends StagingRequestError {
  override readonly name = 'TooManyFilesError';
  constructor() {
    super(msg('drop_too_many_files', { maxFiles: MAX_FILES_PER_REQUEST }));
  }
}

/**
 * The last path segment of a browser-given name, without invisible characters and within 255
 * bytes (shortened, extension kept); null when nothing safe is left.
 */
export function safeFileName(given: string): string | null {
  const cleaned = cleanFileName(given.split(/[\\/]/).pop() ?? '');
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  return cleaned;
}

export async function pruneStaleBatches(stagingDir: string, now = Date.now()): Promise<void> {
  const batches = await readdir(stagingDir).catch(() => []);
  for (const batch of batches) {
    const batchDir = path.join(stagingDir, batch);
    const info = await stat(batchDir).catch(() => null);
    if (info !== null && now - info.mtimeMs > STALE_BATCH_MS) {
      await rm(batchDir, { recursive: true, force: true });
    }
  }
}

/** Streams every file part of a multipart request to disk; answers one StagedFile per part. */
export async function stageUploadedFiles(
  request: IncomingMessage,
  stagingDir: string,
  maxFileBytes: number,
): Promise<StagedFile[]> {
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new StagingRequestError(msg('staging_not_multipart', { path: FILES_PATH }));
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: maxFileBytes, files: MAX_FILES_PER_REQUEST, fields: 0 },
    });
  } catch (error) {
    // busboy throws at once for a multipart type without a boundary: the client's mistake, and
    // before any staging folder exists, so none is left behind.
    throw new StagingRequestError(msg('staging_not_multipart', { path: FILES_PATH }), {
      cause: error,
    });
  }
  const batchDir = path.join(stagingDir, `${Date.now()}-${randomUUID()}`);
  await mkdir(batchDir, { recursive: true, mode: 0o700 });
  const writes: Promise<StagedFile>[] = [];
  let index = 0;
  // busboy ignores the parts past its `files` limit; dropping them silently would lose files.
  let tooMany = false;
  parser.on('filesLimit', () => {
    tooMany = true;
  });

  parser.on('file', (_field, stream, info) => {
    // busboy leaves the name undefined when the part gave none.
    const givenName = (info.filename as string | undefined) ?? '';
    const name = safeFileName(givenName);
    if (name === null) {
      stream.resume();
      writes.push(
        Promise.resolve({
          ok: false,
          name: givenName,
          failure: { code: 'file_unreadable', message: msg('file_unreadable'), detail: givenName },
        }),
      );
      return;
    }
    const fileDir = path.join(batchDir, String(index++));
    const target = path.join(fileDir, name);
    writes.push(
      (async (): Promise<StagedFile> => {
        await mkdir(fileDir, { mode: 0o700 });
        await pipeline(stream, createWriteStream(target, { mode: 0o600 }));
        if (stream.truncated === true) {
          await rm(fileDir, { recursive: true, force: true });
          return {
            ok: false,
            name,
            failure: {
              code: 'too_large',
              message: msg('file_too_large', {
                sizeBytes: maxFileBytes + 1,
                maxBytes: maxFileBytes,
              }),
            },
          };
        }
        return { ok: true, name, path: target };
      })(),
    );
  });

  try {
    await pipeline(request, parser);
    const staged = await Promise.all(writes);
    if (tooMany) throw new TooManyFilesError();
    if (staged.length === 0) {
      throw new StagingRequestError(msg('staging_no_files', { path: FILES_PATH }));
    }
    return staged;
  } catch (error) {
    await Promise.allSettled(writes);
    await rm(batchDir, { recursive: true, force: true });
    if (error instanceof StagingRequestError) throw error;
    // The cause (busboy's or the disk's English words) is for the log, not the user.
    throw new StagingRequestError(msg('staging_failed', { path: FILES_PATH }), { cause: error });
  }
}
