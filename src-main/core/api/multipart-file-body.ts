// An upload's multipart/form-data body (RFC 7578), streamed from a file handle this module owns.
// Node's file-backed Blob (fs.openAsBlob) fails its reads outside any promise the caller holds when
// the file changes under it (an unhandled NotReadableError, or ERR_INVALID_STATE from a stream
// already closed), which ends the process. Here every read is ours: a file that changes while it
// is sent errors the body stream before its last byte, so fetch rejects (its cause a
// FileChangedWhileSendingError) and the server never receives a complete request. The body's
// length is known in advance, so it travels with a Content-Length, as FormData's did.
import { randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { compareVersion, type RecordedVersion } from '../store/file-version.ts';

/** How much of the file one pull reads. */
const CHUNK_BYTES = 64 * 1024;

/** What identifies one version of a file on disk; any difference means it changed. */
export interface FileVersionStamp {
  sizeBytes: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/**
 * The file being sent changed (or was not the version the caller checked): the upload stopped
 * before its body was complete. `found` is what the file looked like when noticed.
 */
export class FileChangedWhileSendingError extends Error {
  readonly found: FileVersionStamp | null;
  constructor(found: FileVersionStamp | null) {
    super('The file changed while it was being sent.');
    this.name = 'FileChangedWhileSendingError';
    this.found = found;
  }
}

function stampOf(stats: Stats): FileVersionStamp {
  return {
    sizeBytes: stats.size,
    mtimeMs: stats.mtimeMs,
    ctimeMs: stats.ctimeMs,
    ino: stats.ino,
  };
}

function sameVersion(a: FileVersionStamp, b: FileVersionStamp): boolean {
  return (
    a.sizeBytes === b.sizeBytes &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs &&
    a.ino === b.ino
  );
}

/** A quoted form-data parameter, escaped as browsers and undici's FormData do (WHATWG HTML). */
function quoted(value: string): string {
  return value.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

export interface MultipartFileBodyOptions {
  /** Text fields, in order, before the file. */
  fields: readonly (readonly [name: string, value: string])[];
  fileField: string;
  path: string;
  /** The name sent in the file part's filename parameter. */
  fileName: string;
  /** The file part's Content-Type. */
  mediaType: string;
  /**
   * The version the caller checked (size, mtime, ctime, inode): a file that differs already when
   * it is opened (another file renamed over it, even of the same size and mtime) is not sent.
   */
  expected?: RecordedVersion;
  /**
   * Called each time the stream hands file bytes on: the file's bytes handed on so far and the
   * file's size, both in bytes (the framing not counted). Not throttled; a throw is not caught.
   */
  onFileBytes?: (sentBytes: number, totalBytes: number) => void;
}

export interface MultipartFileBody {
  /** The body, for fetch with `duplex: 'half'`; reading it reads the file. */
  stream: ReadableStream<Uint8Array>;
  /** `multipart/form-data; boundary=…` */
  contentType: string;
  /** Exact body length in bytes. */
  contentLength: number;
  /** The file's version when it was opened. */
  version: FileVersionStamp;
  /** The file's bytes the stream has handed on so far (the framing not counted). */
  fileBytesSent(): number;
  /** Closes the file handle if the stream did not (a request that never started). */
  close(): Promise<void>;
}

/**
 * Opens `path` and builds the body around it. Throws the file system's error when the file cannot
 * be opened, and FileChangedWhileSendingError when it is not the `expected` version.
 */
export async function openMultipartFileBody(
  options: MultipartFileBodyOptions,
): Promise<MultipartFileBody> {
  const handle: FileHandle = await open(options.path, 'r');
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  let version: FileVersionStamp;
  try {
    const stats = await handle.stat();
    version = stampOf(stats);
    if (options.expected !== undefined && compareVersion(options.expected, stats) !== 'same') {
      throw new FileChangedWhileSendingError(version);
    }
  } catch (error) {
    await close();
    throw error;
  }

  const boundary = `----ClearfactsUploader${randomBytes(16).toString('hex')}`;
  const head = Buffer.from(
    options.fields
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(options.fileField)}"; ` +
      `filename="${quoted(options.fileName)}"\r\nContent-Type: ${options.mediaType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const fileBytes = version.sizeBytes;
  let position = 0;
  /** File bytes enqueued: what fetch was handed, which `position` (read) may run ahead of. */
  let handedOn = 0;
  let headSent = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headSent) {
          headSent = true;
          controller.enqueue(new Uint8Array(head));
          return;
        }
        if (position < fileBytes) {
          const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, fileBytes - position));
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
          if (bytesRead === 0) throw new FileChangedWhileSendingError(stampOf(await handle.stat()));
          position += bytesRead;
          if (position === fileBytes) {
            // The last bytes of the file go only if the file is still the version opened, so a
            // changed file never makes a complete request.
            const now = stampOf(await handle.stat());
            if (!sameVersion(now, version)) throw new FileChangedWhileSendingError(now);
          }
          controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
          handedOn += bytesRead;
          options.onFileBytes?.(handedOn, fileBytes);
          return;
        }
        controller.enqueue(new Uint8Array(tail));
        controller.close();
        await close();
      } catch (error) {
        controller.error(error);
        await close().catch(() => {});
      }
    },
    async cancel() {
      await close();
    },
  });

  return {
    stream,
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: head.length + fileBytes + tail.length,
    version,
    fileBytesSent: () => handedOn,
    close,
  };
}
