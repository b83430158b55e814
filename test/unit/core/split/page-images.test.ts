// A scanned page's one JPEG is decoded at a reduced scale for separator detection: libjpeg's DCT
// scaling gives ceil(size / factor) pixels a side. The scans' sizes are pdftoppm's (A4 at 300 dpi
// is 2481 × 3508, at 200 dpi 1654 × 2339), so the expected sizes are worked out by hand here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { pagePicture } from '../../../../src-main/core/split/page-images.ts';
import { batchPdf, scannedSheetJpeg } from '../../../fixtures/scanned-batch.ts';

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
