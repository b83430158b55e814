// A small greyscale-ready picture of each page of a PDF, big enough to read a separator sheet's
// QR code (100 mm wide) and no bigger, for the split worker. Scanners write most pages as one
// JPEG filling the page: that JPEG is taken from the file as it is and decoded at a reduced size
// by @napi-rs/canvas, which is much cheaper than rendering the page. Any other page (text, vector
// drawings, Flate or CCITT images, several images) is rendered with pdf.js on @napi-rs/canvas.
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { PDFArray, PDFDict, PDFName, PDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the part pdf.js uses. */
type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/**
 * The long side of a page picture, in pixels. An A4 page at this size is about 100 dpi: the
 * sheet's QR code is then about 400 px wide, 9 px per module, which zxing reads even when the
 * scan is skewed or grey, while a page costs a tenth of what a 300 dpi picture costs.
 */
export const PAGE_PICTURE_LONG_SIDE_PX = 1200;

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

function pictureOf(canvas: Canvas, source: PagePicture['source']): PagePicture {
  const context = canvas.getContext('2d');
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  return { width: pixels.width, height: pixels.height, data: pixels.data, source };
}

/** Width and height scaled so the long side is at most `longSide`, never enlarged. */
function fit(width: number, height: number, longSide: number): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** Decodes a JPEG at picture size; null when the JPEG cannot be decoded (the page is rendered). */
async function pictureOfJpeg(jpeg: Uint8Array): Promise<PagePicture | null> {
  try {
    const image = await loadImage(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength));
    const size = fit(image.width, image.height, PAGE_PICTURE_LONG_SIDE_PX);
    const canvas = createCanvas(size.width, size.height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(image, 0, 0, size.width, size.height);
    return pictureOf(canvas, 'embedded_jpeg');
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
 * rendered by pdf.js. Rejects only when pdf.js cannot render the page.
 */
export async function pagePicture(
  pages: { lib: PDFDocument; pdfjs: PDFDocumentProxy },
  index: number,
): Promise<PagePicture> {
  const jpeg = singleJpegOf(pages.lib.getPage(index));
  const fromJpeg = jpeg === null ? null : await pictureOfJpeg(jpeg);
  return fromJpeg ?? renderPage(pages.pdfjs, index);
}
