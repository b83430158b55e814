// Clearfacts refuses PNG, so a PNG (and a JPEG, when a caller wants one PDF per image) becomes a
// one-page PDF with pdf-lib. The page has the paper's size when the image records its resolution;
// otherwise the image is fitted within A4 so a large screenshot does not become a poster.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { PDFDocument, PageSizes, type PDFImage } from 'pdf-lib';
import { jpegResolution, pngResolution, type Resolution } from './image-resolution.ts';
import { readPngChunks } from './png-chunks.ts';

const POINTS_PER_INCH = 72;

export class ImageConversionError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'ImageConversionError';
  }
}

function pageSize(image: PDFImage, resolution: Resolution | null): [number, number] {
  if (resolution !== null) {
    return [
      (image.width * POINTS_PER_INCH) / resolution.dpiX,
      (image.height * POINTS_PER_INCH) / resolution.dpiY,
    ];
  }
  const [shortSide, longSide] = PageSizes.A4;
  const [maxWidth, maxHeight] =
    image.width > image.height ? [longSide, shortSide] : [shortSide, longSide];
  const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
  return [image.width * scale, image.height * scale];
}

/**
 * Adds the PNG or JPEG image in `bytes` to `document` as one page of its paper's size (or fitted
 * within A4). Throws ImageConversionError, in English for the log, when it is no PNG or JPEG or
 * cannot be read. Shared by the conversion below and by combining files into one PDF.
 */
export async function addImagePage(document: PDFDocument, bytes: Uint8Array): Promise<void> {
  const type = await fileTypeFromBuffer(bytes);
  let image: PDFImage;
  let resolution: Resolution | null;
  try {
    if (type?.ext === 'png') {
      const chunks = readPngChunks(bytes);
      if (chunks === null) {
        throw new ImageConversionError(
          'The PNG image is incomplete or damaged (it may have been cut off while being saved).',
        );
      }
      image = await document.embedPng(bytes);
      resolution = pngResolution(chunks);
    } else if (type?.ext === 'jpg') {
      image = await document.embedJpg(bytes);
      resolution = jpegResolution(bytes);
    } else {
      throw new ImageConversionError(
        `Only PNG and JPEG images can be converted to PDF; this file is ${type === undefined ? 'of an unknown type' : type.mime}.`,
      );
    }
  } catch (error) {
    if (error instanceof ImageConversionError) throw error;
    throw new ImageConversionError(
      'The image is damaged or uses a format variant that cannot be read.',
      {
        cause: error,
      },
    );
  }
  const [width, height] = pageSize(image, resolution);
  const page = document.addPage([width, height]);
  page.drawImage(image, { x: 0, y: 0, width, height });
}

export async function convertImageToPdf(
  inputPath: string,
  outputPath: string,
): Promise<{ pages: number }> {
  const document = await PDFDocument.create();
  await addImagePage(document, await readFile(inputPath));
  document.setTitle(path.parse(inputPath).name);
  document.setProducer('Clearfacts Uploader');
  document.setCreator('Clearfacts Uploader');

  // Written beside the target and renamed, so nobody ever sees half a PDF under the final name.
  const partial = `${outputPath}.partial`;
  try {
    await writeFile(partial, await document.save());
    await rename(partial, outputPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { pages: document.getPageCount() };
}
