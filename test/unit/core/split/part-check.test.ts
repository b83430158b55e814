// The read-back of cut parts, now done by the check's pdf.js worker (part-check.ts): a part that
// pdf.js reads with other pages than planned, or cannot read, sends the batch whole. The parts
// are real PDFs made with pdf-lib; their expected page counts are counted by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { countPdfPages } from '../../../../src-main/core/documents/check-document.ts';
import { checkCutParts } from '../../../../src-main/core/split/part-check.ts';
import type { SplitResult } from '../../../../src-main/core/split/split-protocol.ts';

async function pdfOfPages(count: number): Promise<Uint8Array<ArrayBuffer>> {
  const document = await PDFDocument.create();
  for (let page = 0; page < count; page += 1) document.addPage();
  // pdf-lib writes into a fresh ArrayBuffer; the protocol's parts are typed so (transferable).
  return (await document.save()) as Uint8Array<ArrayBuffer>;
}

/** A 5-page batch with a sheet on page 3: parts 1-2 (2 pages) and 4-5 (2 pages). */
async function splitOf(secondPartPages: number): Promise<SplitResult> {
  return {
    outcome: 'split',
    pages: 5,
    separatorPages: [3],
    parts: [
      { firstPage: 1, lastPage: 2, sheet: null, bytes: await pdfOfPages(2) },
      { firstPage: 3, lastPage: 5, sheet: null, bytes: await pdfOfPages(secondPartPages) },
    ],
    blankPages: null,
  };
}

test('parts that read back with their planned pages pass, and keep their bytes', async () => {
  const result = await splitOf(2);
  const checked = await checkCutParts(result, countPdfPages);
  assert.equal(checked, result);
  assert.ok(result.outcome === 'split' && result.parts.every((part) => part.bytes.length > 0));
});

test('a part with other pages than planned sends the batch whole', async () => {
  const checked = await checkCutParts(await splitOf(3), countPdfPages);
  assert.deepEqual(checked, {
    outcome: 'whole',
    pages: 5,
    reason: { why: 'part_mismatch', firstPage: 3, lastPage: 5, expectedPages: 2, foundPages: 3 },
  });
});

test('a part pdf.js cannot read sends the batch whole', async () => {
  const result = await splitOf(2);
  assert.equal(result.outcome, 'split');
  const broken = result.parts[1];
  assert.ok(broken !== undefined);
  broken.bytes = new TextEncoder().encode('not a PDF at all');
  const checked = await checkCutParts(result, countPdfPages);
  assert.equal(checked.outcome, 'whole');
  assert.deepEqual(checked.reason, {
    why: 'part_mismatch',
    firstPage: 3,
    lastPage: 5,
    expectedPages: 2,
    foundPages: null,
  });
});
