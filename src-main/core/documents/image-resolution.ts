// The resolution an image was scanned at, so a converted page has the paper's real size: a
// 300 dpi A4 scan becomes an A4 page, not a 2480-point poster. Read from PNG's pHYs chunk and
// JPEG's JFIF header; null when the image does not say.
import type { PngChunk } from './png-chunks.ts';

const METERS_PER_INCH = 0.0254;
/** Outside this range the header is wrong rather than the scanner. */
const PLAUSIBLE_DPI = { min: 20, max: 4800 };

export interface Resolution {
  dpiX: number;
  dpiY: number;
}

function plausible(resolution: Resolution): Resolution | null {
  const within = (dpi: number) => dpi >= PLAUSIBLE_DPI.min && dpi <= PLAUSIBLE_DPI.max;
  return within(resolution.dpiX) && within(resolution.dpiY) ? resolution : null;
}

export function pngResolution(chunks: PngChunk[]): Resolution | null {
  const physical = chunks.find((chunk) => chunk.type === 'pHYs');
  if (physical === undefined || physical.data.length !== 9 || physical.data[8] !== 1) return null;
  const view = new DataView(physical.data.buffer, physical.data.byteOffset, 9);
  return plausible({
    dpiX: view.getUint32(0) * METERS_PER_INCH,
    dpiY: view.getUint32(4) * METERS_PER_INCH,
  });
}

export function jpegResolution(bytes: Uint8Array): Resolution | null {
  // JFIF's APP0 segment directly follows the start-of-image marker when present.
  const isJfif =
    bytes.length >= 18 &&
    bytes[2] === 0xff &&
    bytes[3] === 0xe0 &&
    String.fromCharCode(...bytes.subarray(6, 11)) === 'JFIF\0';
  if (!isJfif) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = bytes[13];
  const densityX = view.getUint16(14);
  const densityY = view.getUint16(16);
  if (units === 1) return plausible({ dpiX: densityX, dpiY: densityY });
  if (units === 2) return plausible({ dpiX: densityX * 2.54, dpiY: densityY * 2.54 });
  return null;
}
