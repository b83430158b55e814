// The chunk structure of a PNG, checked before any decoder sees it: pdf-lib's PNG decoder loops
// forever on a file cut off mid-chunk, which would hang the whole engine on one bad scan.
import { crc32 } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

/** Every chunk up to IEND, or null when the file is not a whole, undamaged PNG. */
export function readPngChunks(bytes: Uint8Array): PngChunk[] | null {
  if (bytes.length < SIGNATURE.length || SIGNATURE.some((byte, index) => bytes[index] !== byte)) {
    return null;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = SIGNATURE.length;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) return null;
    const typeAndData = bytes.subarray(offset + 4, offset + 8 + length);
    if (crc32(typeAndData) !== view.getUint32(offset + 8 + length)) return null;
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    chunks.push({ type, data: typeAndData.subarray(4) });
    if (type === 'IEND') return chunks[0]?.type === 'IHDR' ? chunks : null;
    offset = end;
  }
  return null;
}
