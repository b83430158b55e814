// The blank-page test (issue #19) on generated back sides shaped like a duplex scanner's: pure
// white, scanner noise (off-white paper, grain, dust, edge shadow), show-through of the front, a
// faint stamp, a single handwritten line, and two black marks sized at half and three times the
// stated threshold. The expected verdict comes from the page's own content coverage, counted on
// a clean render by the fixture, against the threshold stated in blank-page.ts; the picture is
// taken the way the split worker takes it, from the PDF a scanner would write.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  BLANK_BELOW_FRACTION,
  measurePageInk,
} from '../../../../src-main/core/split/blank-page.ts';
import { pagePicture } from '../../../../src-main/core/split/page-images.ts';
import {
  scannedBackSide,
  type BackSide,
  type BackSideLook,
} from '../../../fixtures/scanned-back-sides.ts';
import { batchPdf } from '../../../fixtures/scanned-batch.ts';

const cases: { kind: BackSide; blank: boolean }[] = [
  { kind: 'white', blank: true },
  { kind: 'scanner_noise', blank: true },
  { kind: 'show_through', blank: true },
  { kind: 'mark_below_threshold', blank: true },
  { kind: 'faint_stamp', blank: false },
  { kind: 'handwritten_line', blank: false },
  { kind: 'mark_above_threshold', blank: false },
];

const looks: BackSideLook[] = [
  { dpi: 150, grey: false },
  { dpi: 200, grey: true },
  { dpi: 300, grey: false },
];

for (const look of looks) {
  for (const { kind, blank } of cases) {
    test(`a ${kind} page scanned at ${look.dpi} dpi ${look.grey ? 'grey' : 'colour'} is ${blank ? '' : 'not '}blank`, async () => {
      const page = await scannedBackSide(kind, look);
      // The fixture's own count agrees with the case's verdict under the stated threshold.
      assert.equal(page.contentCoverage < BLANK_BELOW_FRACTION, blank, 'content coverage');
      const pdf = await batchPdf([{ jpeg: page.jpeg }]);
      const lib = await PDFDocument.load(pdf);
      const task = getDocument({ data: pdf.slice() });
      try {
        const picture = await pagePicture({ lib, pdfjs: () => task.promise }, 0);
        const ink = measurePageInk(picture);
        assert.equal(ink.blank, blank, `coverage measured ${ink.coverage}`);
      } finally {
        await task.destroy();
      }
    });
  }
}

test('a text page made by pdf-lib (rendered, not an embedded JPEG) is not blank', async () => {
  const pdf = await batchPdf([{ text: 'A1' }]);
  const lib = await PDFDocument.load(pdf);
  const task = getDocument({ data: pdf.slice() });
  try {
    const picture = await pagePicture({ lib, pdfjs: () => task.promise }, 0);
    assert.equal(picture.source, 'rendered');
    assert.equal(measurePageInk(picture).blank, false);
  } finally {
    await task.destroy();
  }
});
