// Random access to a file's bytes, on disk or already in memory, so the PDF structure checks
// read only the few places they look at when given a file, and no copy when given bytes.
import { open } from 'node:fs/promises';

/** Bytes addressed by offset; `read` returns fewer bytes than asked only at the end. */
export interface ByteSource {
  readonly size: number;
  read(position: number, length: number): Promise<Uint8Array>;
}

/** A view of bytes in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (position, length) =>
      Promise.resolve(bytes.subarray(position, Math.min(bytes.length, position + length))),
  };
}

/** Opens a file for random reads; the caller closes it. */
export async function openFileSource(
  filePath: string,
): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(position, length) {
        const buffer = new Uint8Array(Math.max(0, Math.min(length, size - position)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
        return buffer.subarray(0, bytesRead);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
