// A scanner (or an SMB copy) as it behaves in the field: it opens the file, writes it in parts
// with pauses longer than any stability window, and keeps it open until the last part. The
// pauses are the scanner's pace, not a synchronisation; the test decides what they prove.
import { open } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

export interface SlowScanOptions {
  /** How many parts the bytes are cut into (the last takes the remainder). */
  parts: number;
  /** The pause after each part but the last, in milliseconds, with the file still open. */
  pauseMs: number;
  /** Called after each part is written and flushed, with its index from 0. */
  onPartWritten?: (index: number) => void | Promise<void>;
}

/**
 * Writes `bytes` to `filePath` in `parts` parts, pausing `pauseMs` after each but the last and
 * closing the file only at the end. Resolves with the time (epoch ms) the last part was written.
 */
export async function scanSlowly(
  filePath: string,
  bytes: Uint8Array,
  options: SlowScanOptions,
): Promise<number> {
  const partSize = Math.ceil(bytes.length / options.parts);
  const handle = await open(filePath, 'w');
  let lastWriteAt = 0;
  try {
    for (let index = 0; index < options.parts; index += 1) {
      const part = bytes.subarray(index * partSize, (index + 1) * partSize);
      await handle.write(part);
      await handle.sync();
      lastWriteAt = Date.now();
      await options.onPartWritten?.(index);
      if (index < options.parts - 1) await delay(options.pauseMs);
    }
  } finally {
    await handle.close();
  }
  return lastWriteAt;
}

/**
 * A structurally whole baseline JPEG of about `sizeBytes` (ITU T.81: SOI, APP0, DQT, SOF0, DHT,
 * SOS, entropy-coded data with stuffed 0xFF bytes and restart markers, EOI), so a cut anywhere
 * before its last two bytes leaves a file that does not reach its end.
 */
export function wholeJpeg(sizeBytes = 64 * 1024): Buffer {
  const segment = (marker: number, body: number[]) => [
    0xff,
    marker,
    (body.length + 2) >> 8,
    (body.length + 2) & 0xff,
    ...body,
  ];
  const header = [
    0xff,
    0xd8,
    ...segment(
      0xe0,
      [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0],
    ),
    ...segment(0xdb, [0x00, ...Array.from({ length: 64 }, () => 1)]),
    ...segment(0xc0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...Array.from({ length: 15 }, () => 0), 0]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
  ];
  const dataLength = Math.max(16, sizeBytes - header.length - 2);
  const data = Buffer.alloc(dataLength);
  for (let index = 0; index < dataLength; index += 1) data[index] = (index * 31) % 0xff;
  // Sprinkle what real scans contain: stuffed 0xFF 0x00 pairs and restart markers.
  for (let index = 100; index + 1 < dataLength; index += 997) {
    data[index] = 0xff;
    data[index + 1] = index % 2 === 0 ? 0x00 : 0xd0 + (index % 8);
  }
  return Buffer.concat([Buffer.from(header), data, Buffer.from([0xff, 0xd9])]);
}
