// A small greyscale-ready picture of each page of a PDF, big enough to read a separator sheet's
// QR code (100 mm wide) and no bigger, for the split worker. Scanners write most pages as one
// JPEG filling the page: that JPEG is taken from the file as it is and decoded by sharp (libvips
// with libjpeg-turbo) at 1/2, 1/4 or 1/8 of its size while it is decoded (JPEG shrink-on-load),
// so a 300 dpi page never exists at full size in memory. Any other page (text, vector drawings,
// Flate or CCITT images, several images) is rendered with pdf.js on its own @napi-rs/canvas.
import { PDFArray, PDFDict, PDFName, PDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';

/** pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the part pdf.js uses. */
type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/**
 * The long side of a page picture, in pixels. An A4 page at this size is about 100 dpi: the
 * sheet's QR code is then about 400 px wide, 9 px per module, which zxing reads even when the
 * scan is skewed or grey, while a page costs a tenth of what a 300 dpi picture costs.
 */
export const PAGE_PICTURE_LONG_SIDE_PX = 1200;

/**
 * The least long side, in pixels, of a picture decoded from a JPEG at reduced scale. A 300 dpi A4
 * scan (3508 px) is decoded at 1/4 (877 px, 75 dpi: the sheet's QR code about 295 px wide, over
 * 8 px a module, which zxing reads turned, skewed and grey), a 200 dpi one at 1/2. Measured on a
 * 300 dpi page: decoding at 1/4 costs 60-70 ms of CPU where decoding it whole and scaling it down
 * with @napi-rs/canvas cost 140-160 ms.
 */
export const JPEG_PICTURE_MIN_LONG_SIDE_PX = 800;

/** The reductions libjpeg can apply while it decodes (its DCT scaling), largest first. */
const JPEG_SHRINK_FACTORS = [8, 4, 2] as const;

/** Pixels as zxing-wasm takes them (the shape of a DOM ImageData; RGBA, 4 bytes a pixel). */
export interface PagePicture {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  /** How the picture was made, for the benchmark and for tests. */
  source: 'embedded_jpeg' | 'rendered';
}

function isDctOnly(filter: unknown): boolean {
  if (filter instanceof PDFName) return filter.asString() === '/DCTDecode';
  if (filter instanceof PDFArray && filter.size() === 1) return isDctOnly(filter.get(0));
  return false;
}

/**
 * The JPEG bytes of a page that is one JPEG image and nothing else drawn from its resources
 * (no font, no second image), else null. The content stream is not parsed: a page whose only
 * resource is one image draws at most that image, which is all a QR search needs.
 */
export function singleJpegOf(page: PDFPage): Uint8Array | null {
  const resources = page.node.Resources();
  if (resources === undefined) return null;
  const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (fonts !== undefined && fonts.entries().length > 0) return null;
  const xObjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (xObjects === undefined) return null;
  const entries = xObjects.entries();
  if (entries.length !== 1) return null;
  const [, reference] = entries[0] as [PDFName, unknown];
  const image = page.doc.context.lookup(reference as never);
  if (!(image instanceof PDFRawStream)) return null;
  const subtype = image.dict.lookupMaybe(PDFName.of('Subtype'), PDFName);
  if (subtype?.asString() !== '/Image') return null;
  if (!isDctOnly(image.dict.get(PDFName.of('Filter')))) return null;
  return image.contents;
}

/**
 * The largest JPEG shrink factor that keeps the long side of a `width` × `height` image at
 * JPEG_PICTURE_MIN_LONG_SIDE_PX or more; 1 when even halving would go below it.
 */
export function jpegShrinkFactor(width: number, height: number): number {
  const longSide = Math.max(width, height);
  return (
    JPEG_SHRINK_FACTORS.find((factor) => longSide / factor >= JPEG_PICTURE_MIN_LONG_SIDE_PX) ?? 1
  );
}

/**
 * Frees the memory behind `bytes` now rather than at the thread's next garbage collection, by
 * detaching its buffer (the view reads as empty afterwards). V8 collects only after external
 * memory grew by tens of MB, and a page's pixels are MBs that are looked at once: left to the
 * collector, 20 pages of a 300 dpi batch stacked up about 60 MB. A buffer that cannot be detached
 * (one a native module owns) is left to the collector.
 */
export function releaseBytes(bytes: ArrayBufferView): void {
  const { buffer } = bytes;
  if (!(buffer instanceof ArrayBuffer) || buffer.detached) return;
  try {
    buffer.transfer(0);
  } catch {
    // Not detachable: the collector frees it.
  }
}

/** Frees a picture's pixels (see releaseBytes); the picture must not be used afterwards. */
export function releasePicture(picture: PagePicture): void {
  releaseBytes(picture.data);
}

/** Grey pixels (one byte each) as the RGBA zxing-wasm takes. */
function rgbaOfGrey(grey: Uint8Array, width: number, height: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let pixel = 0, offset = 0; pixel < grey.length; pixel += 1, offset += 4) {
    const value = grey[pixel] ?? 0;
    rgba[offset] = value;
    rgba[offset + 1] = value;
    rgba[offset + 2] = value;
    rgba[offset + 3] = 255;
  }
  return rgba;
}

/**
 * Decodes a JPEG at reduced scale into a grey picture; null when sharp cannot decode it (the page
 * is then rendered). The image's ICC profile is ignored: a separator is black on white, and
 * colour-managing a scan costs more than decoding it.
 */
async function pictureOfJpeg(jpeg: Uint8Array): Promise<PagePicture | null> {
  try {
    const input = Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
    const image = sharp(input, { ignoreIcc: true, failOn: 'none' });
    const { width, height } = await image.metadata();
    const factor = jpegShrinkFactor(width, height);
    // The exact reduced size, so libjpeg's DCT scaling does all of it and nothing is resampled;
    // `nearest` keeps any rounding remainder cheap.
    const { data, info } = await image
      .resize({
        width: Math.ceil(width / factor),
        height: Math.ceil(height / factor),
        fit: 'fill',
        kernel: 'nearest',
        fastShrinkOnLoad: true,
      })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const rgba = rgbaOfGrey(data, info.width, info.height);
    releaseBytes(data);
    return { width: info.width, height: info.height, data: rgba, source: 'embedded_jpeg' };
  } catch {
    return null;
  }
}

/**
 * The part of pdf.js's Node canvas factory used here. pdf.js renders with its own copy of
 * @napi-rs/canvas (its dependency, another version than ours) and polyfills `ImageData` from it;
 * drawing its images onto a canvas of our copy ends the process with a segmentation fault. So a
 * rendered page is always drawn on a canvas pdf.js made itself (`PDFDocumentProxy.canvasFactory`,
 * typed `Object` by pdf.js).
 */
interface PdfjsCanvasFactory {
  create(
    width: number,
    height: number,
  ): {
    canvas: RenderParameters['canvas'];
    context: {
      fillStyle: string;
      fillRect(x: number, y: number, width: number, height: number): void;
      getImageData(x: number, y: number, width: number, height: number): PixelData;
    } & RenderParameters['canvasContext'];
  };
  destroy(canvasAndContext: unknown): void;
}

interface PixelData {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Renders page `index` (0-based) with pdf.js at picture size on a white background. */
async function renderPage(document: PDFDocumentProxy, index: number): Promise<PagePicture> {
  const page = await document.getPage(index + 1);
  const factory = document.canvasFactory as PdfjsCanvasFactory;
  try {
    const natural = page.getViewport({ scale: 1 });
    const scale = PAGE_PICTURE_LONG_SIDE_PX / Math.max(natural.width, natural.height);
    const viewport = page.getViewport({ scale });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const target = factory.create(width, height);
    try {
      target.context.fillStyle = '#ffffff';
      target.context.fillRect(0, 0, width, height);
      await page.render({ canvas: target.canvas, canvasContext: target.context, viewport }).promise;
      const pixels = target.context.getImageData(0, 0, width, height);
      return { width: pixels.width, height: pixels.height, data: pixels.data, source: 'rendered' };
    } finally {
      factory.destroy(target);
    }
  } finally {
    page.cleanup();
  }
}

/**
 * The picture of page `index` (0-based): from its one embedded JPEG where it has one, else
 * rendered by pdf.js, whose document `pdfjs` opens only when a page needs it (a scanner's batch
 * never does, and pdf.js then holds no copy of it). Rejects only when pdf.js cannot render the page.
 */
export async function pagePicture(
  pages: { lib: PDFDocument; pdfjs: () => Promise<PDFDocumentProxy> },
  index: number,
): Promise<PagePicture> {
  const jpeg = singleJpegOf(pages.lib.getPage(index));
  const fromJpeg = jpeg === null ? null : await pictureOfJpeg(jpeg);
  return fromJpeg ?? renderPage(await pages.pdfjs(), index);
}
