// Whether a PDF looks finished: a scanner or a copy writes the `%%EOF` marker last, so a file
// without it in its tail is still being written or was cut off. Only the tail is read, so the
// readiness gate can ask this of every PDF on every pass cheaply.
import { open } from 'node:fs/promises';

/** PDF readers look for the marker near the end; a few KB allows for trailing padding. */
const TAIL_BYTES = 4096;
const END_OF_FILE_MARKER = Buffer.from('%%EOF', 'latin1');

export async function hasCompletePdfTrailer(filePath: string): Promise<boolean> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    const { bytesRead } = await handle.read(tail, 0, length, size - length);
    return tail.subarray(0, bytesRead).includes(END_OF_FILE_MARKER);
  } finally {
    await handle.close();
  }
}

/** The same question of a PDF already read into memory. */
export function bytesHaveCompletePdfTrailer(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES));
  return Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).includes(END_OF_FILE_MARKER);
}
