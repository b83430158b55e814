// The small picture of a part's first page that the split preview shows (issue #19), made from
// the page picture the separator search already takes (page-images.ts), so a preview costs no
// second rendering. @napi-rs/canvas scales it down and encodes it as JPEG; it is loaded by the
// first thumbnail, so a split worker that only cuts a batch never carries it (about 15 MB
// resident in a worker thread, issue #17's peak RSS target).
import type { PagePicture } from './page-images.ts';

/** The long side of a thumbnail in pixels: a 120 px card on a screen with twice the density. */
export const THUMBNAIL_LONG_SIDE_PX = 240;

/** JPEG quality (0-100): enough to recognise a page at 240 px, small enough to send many. */
const JPEG_QUALITY = 70;

/** The picture as a `data:image/jpeg;base64,…` URL, its long side at most 240 px. */
export async function thumbnailDataUrl(picture: PagePicture): Promise<string> {
  const { createCanvas, ImageData } = await import('@napi-rs/canvas');
  // Copied: the pixels may belong to pdf.js's own copy of @napi-rs/canvas (see page-images.ts).
  const pixels = new ImageData(new Uint8ClampedArray(picture.data), picture.width, picture.height);
  const full = createCanvas(picture.width, picture.height);
  full.getContext('2d').putImageData(pixels, 0, 0);
  const scale = Math.min(1, THUMBNAIL_LONG_SIDE_PX / Math.max(picture.width, picture.height));
  const width = Math.max(1, Math.round(picture.width * scale));
  const height = Math.max(1, Math.round(picture.height * scale));
  const small = createCanvas(width, height);
  small.getContext('2d').drawImage(full, 0, 0, width, height);
  const jpeg = await small.encode('jpeg', JPEG_QUALITY);
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

/**
 * A JPEG or PNG file's picture for History's preview (issue #14), as a page's: a
 * `data:image/jpeg;base64,…` URL, long side at most 240 px, turned as its EXIF orientation says.
 * sharp (libvips) decodes it off the event loop, shrinking a JPEG while decoding. Rejects when
 * sharp cannot decode the bytes.
 */
export async function imageThumbnailDataUrl(bytes: Uint8Array): Promise<string> {
  const { default: sharp } = await import('sharp');
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jpeg = await sharp(input, { failOn: 'none' })
    .rotate()
    .resize({
      width: THUMBNAIL_LONG_SIDE_PX,
      height: THUMBNAIL_LONG_SIDE_PX,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: JPEG_QUALITY })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
