// A scanned page's one JPEG is decoded at a reduced scale for separator detection: libjpeg's DCT
// scaling gives ceil(size / factor) pixels a side. The scans' sizes are pdftoppm's (A4 at 300 dpi
// is 2481 × 3508, at 200 dpi 1654 × 2339), so the expected sizes are worked out by hand here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { readBarcodeTexts } from '../../../../src-main/core/split/barcode-reader.ts';
import { pagePicture } from '../../../../src-main/core/split/page-images.ts';
import { code128SheetPdf } from '../../../fixtures/code128-sheet.ts';
import { batchPdf, scannedPageJpeg, scannedSheetJpeg } from '../../../fixtures/scanned-batch.ts';

const cases = [
  // 3508 / 4 = 877 px: the least factor that keeps the long side at 800 px or more.
  { dpi: 300, width: 621, height: 877 },
  // 2339 / 2 = 1169.5: 1/4 would give 585, under 800 px.
  { dpi: 200, width: 827, height: 1170 },
];

for (const expected of cases) {
  test(`a ${expected.dpi} dpi scanned page is decoded at ${expected.width} × ${expected.height}`, async () => {
    const jpeg = await scannedSheetJpeg(
      { type: 'next' },
      { dpi: expected.dpi, turnDegrees: 0, grey: true },
    );
    const lib = await PDFDocument.load(await batchPdf([{ jpeg }]));
    const picture = await pagePicture(
      { lib, pdfjs: () => Promise.reject(new Error('a one-JPEG page needs no pdf.js')) },
      0,
    );
    assert.equal(picture.source, 'embedded_jpeg');
    assert.deepEqual([picture.width, picture.height], [expected.width, expected.height]);
    assert.equal(picture.data.length, expected.width * expected.height * 4);
  });
}

// paperless-ngx's PATCH T sheet is a Code 128 "PATCHT". At the reduced decode scale (75 dpi for a
// 300 dpi scan, 100 dpi for a 200 dpi one) zxing reads its bars from 0.8 mm a module (81 mm wide;
// measured: 0.7 mm is not read at 75 dpi). Decoding at 1/8 (37.5 dpi) loses it: so this test fails
// if JPEG_PICTURE_MIN_LONG_SIDE_PX is lowered far enough to shrink a 300 dpi page by 8.
for (const dpi of [300, 200]) {
  test(`a PATCH T Code 128 (0.8 mm modules) scanned at ${dpi} dpi is read at the reduced decode scale`, async () => {
    const jpeg = await scannedPageJpeg(await code128SheetPdf('PATCHT', 0.8), {
      dpi,
      turnDegrees: 0,
      grey: true,
    });
    const lib = await PDFDocument.load(await batchPdf([{ jpeg }]));
    const picture = await pagePicture(
      { lib, pdfjs: () => Promise.reject(new Error('a one-JPEG page needs no pdf.js')) },
      0,
    );
    assert.equal(picture.source, 'embedded_jpeg');
    assert.ok(
      picture.width < (dpi === 300 ? 2481 : 1654),
      `decoded at a reduced scale: ${picture.width} px wide`,
    );
    assert.deepEqual(await readBarcodeTexts(picture), ['PATCHT']);
  });
}
