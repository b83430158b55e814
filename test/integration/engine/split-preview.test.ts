// Issue #19 in the engine: a dropped batch previewed in separator mode, one page moved to the
// part before it, and sent: Clearfacts receives the parts as chosen. A file changed after its
// preview is sent whole with the note that says so.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { movePage } from '../../../src-main/contract/split-choice.ts';
import { batchPdf, scannedSheetJpeg } from '../../fixtures/scanned-batch.ts';
import { startEngine } from '../../support/engine-harness.ts';

test('a dropped batch is sent in the parts the user chose in the preview', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const next = await scannedSheetJpeg({ type: 'next' }, { dpi: 200, turnDegrees: 0, grey: true });
  // Pages: 1-2 A, 3 sheet, 4-5 B.
  const file = path.join(harness.root, 'Scan 0100.pdf');
  await writeFile(
    file,
    await batchPdf([
      { text: 'A1' },
      { text: 'A2' },
      { jpeg: next },
      { text: 'B1' },
      { text: 'B2' },
    ]),
  );
  const preview = await harness.engine.handlers['drop.previewSplit']({
    path: file,
    mode: 'separator',
  });
  assert.deepEqual(
    preview.parts.map((part) => [part.firstPage, part.lastPage]),
    [
      [1, 2],
      [4, 5],
    ],
  );
  // The user moves page 4 (B1) to the first part.
  const parts = movePage(preview.parts, preview.separatorPages, 1, 'previous').map(
    ({ firstPage, lastPage, sheet }) => ({ firstPage, lastPage, sheet }),
  );
  await harness.engine.handlers['drop.send']({
    paths: [file],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
    split: 'separator',
    splitChoices: [{ path: file, choice: { sha256: preview.sha256, separatorPages: [3], parts } }],
  });
  await harness.waitForEntry(
    'the batch delivered after its parts',
    (entry) => entry.fileName === 'Scan 0100.pdf' && entry.state === 'uploaded',
  );
  // Hand-counted: A1 A2 B1 (the sheet on page 3 left out), then B2. The emulator counts pages
  // with its own reader; the unit test checks the same cut's words and qpdf's count.
  assert.deepEqual(
    harness.emulator
      .uploads()
      .map((upload) => [upload.filename, upload.pages])
      .sort(),
    [
      ['Scan 0100 (p. 1-4).pdf', 3],
      ['Scan 0100 (p. 5).pdf', 1],
    ],
  );
});

test('a batch changed after its preview is sent whole, and says why', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const file = path.join(harness.root, 'Scan 0101.pdf');
  await writeFile(file, await batchPdf([{ text: 'A1' }, { text: 'A2' }]));
  const preview = await harness.engine.handlers['drop.previewSplit']({ path: file, mode: 'page' });
  const parts = preview.parts.map(({ firstPage, lastPage, sheet }) => ({
    firstPage,
    lastPage,
    sheet,
  }));
  assert.equal(parts.length, 2);
  await writeFile(file, await batchPdf([{ text: 'A1' }, { text: 'A2' }, { text: 'A3' }]));
  await harness.engine.handlers['drop.send']({
    paths: [file],
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
    split: 'page',
    splitChoices: [{ path: file, choice: { sha256: preview.sha256, separatorPages: [], parts } }],
  });
  const entry = await harness.waitForEntry(
    'the changed batch delivered whole',
    (row) => row.fileName === 'Scan 0101.pdf' && row.state === 'uploaded',
  );
  assert.equal(entry.splitNote?.code, 'split_whole_changed_since_preview');
  assert.deepEqual(
    harness.emulator.uploads().map((upload) => [upload.filename, upload.pages]),
    [['Scan 0101.pdf', 3]],
  );
});
