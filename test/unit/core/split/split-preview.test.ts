// The split preview and the cut as the user chose (issue #19), through the real worker. Batches
// are generated with sheets rendered by pdftoppm; expected parts are hand-counted from how each
// batch is built, page counts come from qpdf and each part's words from poppler's pdftotext,
// neither of which shares code with pdf-lib or pdf.js.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { loadImage } from '@napi-rs/canvas';
import { createSplitService } from '../../../../src-main/core/split/split-service.ts';
import { qpdfPageCount } from '../../../support/qpdf-oracle.ts';
import { batchPdf, scannedSheetJpeg } from '../../../fixtures/scanned-batch.ts';

const run = promisify(execFile);
const service = createSplitService();
let folder = '';
test.before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'cf-preview-'));
});
test.after(async () => {
  await service.close();
  await rm(folder, { recursive: true, force: true });
});

const look = { dpi: 200, turnDegrees: 0, grey: true };

/** Pages: 1-2 A, 3 "next" sheet, 4 B, 5 sale sheet, 6-7 C. */
async function sampleBatch(): Promise<Uint8Array> {
  return batchPdf([
    { text: 'A1' },
    { text: 'A2' },
    { jpeg: await scannedSheetJpeg({ type: 'next' }, look) },
    { text: 'B1' },
    { jpeg: await scannedSheetJpeg({ type: 'sale' }, look) },
    { text: 'C1' },
    { text: 'C2' },
  ]);
}

test('the preview lists the parts a separator batch would be cut into, each with a thumbnail', async () => {
  const preview = await service.preview(await sampleBatch(), 'separator');
  assert.equal(preview.outcome, 'split');
  assert.equal(preview.pages, 7);
  assert.deepEqual(preview.separatorPages, [3, 5]);
  assert.deepEqual(
    preview.parts.map((part) => [part.firstPage, part.lastPage, part.sheet?.type ?? null]),
    [
      [1, 2, null],
      [4, 4, null],
      [6, 7, 'sale'],
    ],
  );
  for (const part of preview.parts) {
    const prefix = 'data:image/jpeg;base64,';
    assert.ok(part.thumbnail.startsWith(prefix));
    // An independent decoder (skia through @napi-rs/canvas) reads the JPEG: an A4 page, 240 px high.
    const image = await loadImage(Buffer.from(part.thumbnail.slice(prefix.length), 'base64'));
    assert.equal(image.height, 240);
    assert.equal(image.width, Math.round((240 * 595.28) / 841.89));
  }
});

test('a one-document batch previews as whole', async () => {
  const preview = await service.preview(
    await batchPdf([{ text: 'A1' }, { text: 'A2' }]),
    'separator',
  );
  assert.deepEqual(preview, { outcome: 'whole', pages: 2, reason: { why: 'one_document' } });
});

test('a batch is cut as the user chose: page 4 moved to the first part, across the sheet', async () => {
  const result = await service.split(await sampleBatch(), 'separator', {
    separatorPages: [3, 5],
    parts: [
      { firstPage: 1, lastPage: 4, sheet: null },
      { firstPage: 6, lastPage: 7, sheet: { type: 'sale' } },
    ],
  });
  assert.equal(result.outcome, 'split');
  const found: [number | null, string][] = [];
  for (const [index, part] of result.parts.entries()) {
    const file = path.join(folder, `chosen-${index}.pdf`);
    await writeFile(file, part.bytes);
    const { stdout } = await run('pdftotext', [file, '-']);
    found.push([await qpdfPageCount(file), stdout.replace(/\s+/g, ' ').trim()]);
  }
  assert.deepEqual(found, [
    [3, 'A1 A2 B1'],
    [2, 'C1 C2'],
  ]);
});

test('a choice that leaves out a page with content, or calls it a sheet, sends the batch whole', async () => {
  const gap = await service.split(await sampleBatch(), 'separator', {
    separatorPages: [3, 5],
    parts: [
      { firstPage: 1, lastPage: 2, sheet: null },
      { firstPage: 6, lastPage: 7, sheet: null },
    ],
  });
  assert.deepEqual(gap, {
    outcome: 'whole',
    pages: 7,
    reason: { why: 'choice_mismatch', detail: 'page 4 is in no part' },
  });
  const notSheet = await service.split(await sampleBatch(), 'separator', {
    separatorPages: [3, 4, 5],
    parts: [
      { firstPage: 1, lastPage: 2, sheet: null },
      { firstPage: 6, lastPage: 7, sheet: null },
    ],
  });
  assert.deepEqual(notSheet, {
    outcome: 'whole',
    pages: 7,
    reason: { why: 'choice_mismatch', detail: 'page 4 carries no separator sheet' },
  });
});
