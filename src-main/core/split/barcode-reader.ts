// zxing-wasm's reader, loaded from the WASM file inside its own npm package. Left to itself the
// library fetches its WASM from a CDN; an uploader at an accountant's office must not depend on
// (or leak anything to) a third party to split a scan, so the bytes are always handed over here.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { PagePicture } from './page-images.ts';

let prepared: Promise<unknown> | null = null;

/** Loads the WASM once per thread, from `zxing-wasm/dist/reader/zxing_reader.wasm`. */
export function prepareBarcodeReader(): Promise<unknown> {
  prepared ??= (async () => {
    const wasmUrl = import.meta.resolve('zxing-wasm/reader/zxing_reader.wasm');
    const wasmBinary = await readFile(fileURLToPath(wasmUrl));
    return prepareZXingModule({
      overrides: { wasmBinary: wasmBinary.buffer.slice(0) as ArrayBuffer },
      fireImmediately: true,
    });
  })();
  return prepared;
}

/**
 * The texts of the QR and Code 128 barcodes on a picture (Code 128: paperless-ngx's PATCH T
 * sheets are usually printed that way). zxing tries rotations and inverted images itself.
 */
export async function readBarcodeTexts(picture: PagePicture): Promise<string[]> {
  await prepareBarcodeReader();
  const results = await readBarcodes(
    { width: picture.width, height: picture.height, data: picture.data, colorSpace: 'srgb' },
    { formats: ['QRCode', 'Code128'], tryHarder: true, maxNumberOfSymbols: 4 },
  );
  return results.filter((result) => result.isValid).map((result) => result.text);
}
