// zxing-wasm's reader, loaded from the WASM file inside its own npm package. Left to itself the
// library fetches its WASM from a CDN; an uploader at an accountant's office must not depend on
// (or leak anything to) a third party to split a scan, so the bytes are always handed over here.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
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

/** The symbologies of a separator: QR (the app's sheets), Code 128 (paperless-ngx's PATCH T). */
const SEPARATOR_FORMATS: ReaderOptions['formats'] = ['QRCode', 'Code128'];

/**
 * The first look at a page: zxing's quick scan (fewer lines, no extra finder search), which on a
 * 75 dpi picture of a page of text takes about half the CPU of `tryHarder` and reads every sheet
 * of the split tests. `returnErrors` makes it also report symbols it located but could not decode:
 * only then is the page looked at again, harder.
 */
const QUICK_PASS: ReaderOptions = {
  formats: SEPARATOR_FORMATS,
  tryHarder: false,
  returnErrors: true,
  maxNumberOfSymbols: 4,
};

/** The second look, once per page at most, when the quick one found a symbol it could not read. */
const HARD_PASS: ReaderOptions = {
  formats: SEPARATOR_FORMATS,
  tryHarder: true,
  maxNumberOfSymbols: 4,
};

/**
 * The texts of the QR and Code 128 barcodes on a picture (Code 128: paperless-ngx's PATCH T
 * sheets are usually printed that way). zxing tries rotations and inverted images itself. A quick
 * pass first; the `tryHarder` pass only when the quick one located a symbol it could not decode.
 */
export async function readBarcodeTexts(picture: PagePicture): Promise<string[]> {
  await prepareBarcodeReader();
  const image = {
    width: picture.width,
    height: picture.height,
    data: picture.data,
    colorSpace: 'srgb' as const,
  };
  const quick = await readBarcodes(image, QUICK_PASS);
  const read = quick.filter((result) => result.isValid);
  if (read.length > 0 || quick.length === 0) return read.map((result) => result.text);
  const hard = await readBarcodes(image, HARD_PASS);
  return hard.filter((result) => result.isValid).map((result) => result.text);
}
