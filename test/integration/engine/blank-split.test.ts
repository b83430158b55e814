// Split modes `blank` and `blank-backs` in the engine (issue #19): a duplex-shaped batch in a
// folder that splits on blank pages arrives as its documents, or (`blank-backs`) as one document
// without its blank back sides, moved only once that has its uuid; either way the blank pages are
// kept on disk as one PDF that the original's history note names. Pages are generated (test/fixtures/scanned-back-sides.ts); the
// expected documents are hand-counted from how the batch is built, the kept file's pages by qpdf.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scannedBackSide } from '../../fixtures/scanned-back-sides.ts';
import { batchPdf } from '../../fixtures/scanned-batch.ts';
import type { SplitMode } from '../../../src-main/contract/domain.ts';
import { startEngine, type EngineHarness } from '../../support/engine-harness.ts';
import { qpdfPageCount } from '../../support/qpdf-oracle.ts';

const look = { dpi: 200, grey: true };

/** An engine with a purchase folder `Scans` of the first administration, splitting in `split`. */
async function blankFolder(
  t: TestContext,
  split: SplitMode,
): Promise<{ harness: EngineHarness; dir: string }> {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const dir = await harness.addFolder('Scans', administration.companyNumber, { type: 'purchase' });
  const [view] = harness.folders();
  assert.ok(view);
  await harness.engine.handlers['folders.setSplit']({ id: view.binding.id, split });
  return { harness, dir };
}

test('a batch in a blank-page folder arrives as its documents and keeps its blank pages', async (t) => {
  const { harness, dir } = await blankFolder(t, 'blank');
  // Pages: 1 invoice A, 2 blank, 3-4 invoice B (4: a back side with a handwritten line), 5 blank
  // with scanner noise, 6 invoice C.
  const batch = await batchPdf([
    { text: 'A1' },
    { jpeg: (await scannedBackSide('white', look)).jpeg },
    { text: 'B1' },
    { jpeg: (await scannedBackSide('handwritten_line', look)).jpeg },
    { jpeg: (await scannedBackSide('scanner_noise', look)).jpeg },
    { text: 'C1' },
  ]);
  await writeFile(path.join(dir, 'Scan 0007.pdf'), batch);

  const original = await harness.waitForEntry(
    'the batch delivered after its parts',
    (entry) => entry.fileName === 'Scan 0007.pdf' && entry.state === 'archived',
  );
  assert.deepEqual(
    harness.emulator
      .uploads()
      .map((upload) => [upload.filename, upload.pages])
      .sort(),
    [
      ['Scan 0007 (p. 1).pdf', 1],
      ['Scan 0007 (p. 3-4).pdf', 2],
      ['Scan 0007 (p. 6).pdf', 1],
    ],
  );
  const keptDir = path.join(harness.configDir, 'blank-pages');
  const kept = await readdir(keptDir);
  assert.deepEqual(kept, [`${original.id} Scan 0007 (blank p. 2, 5).pdf`]);
  assert.equal(await qpdfPageCount(path.join(keptDir, kept[0] ?? '')), 2);
  assert.equal(original.splitNote?.code, 'split_into_parts_blank');
  assert.deepEqual(original.splitNote?.params, {
    count: 3,
    blankPages: 2,
    path: path.join(keptDir, kept[0] ?? ''),
  });
});

test('a duplex batch in a blank-backs folder arrives whole without its blank back sides', async (t) => {
  const { harness, dir } = await blankFolder(t, 'blank-backs');
  // Pages: 1 front, 2 blank back, 3 front, 4 back with a handwritten line, 5 front, 6 blank back
  // with scanner noise.
  const batch = await batchPdf([
    { text: 'A1' },
    { jpeg: (await scannedBackSide('white', look)).jpeg },
    { text: 'A2' },
    { jpeg: (await scannedBackSide('handwritten_line', look)).jpeg },
    { text: 'A3' },
    { jpeg: (await scannedBackSide('scanner_noise', look)).jpeg },
  ]);
  await writeFile(path.join(dir, 'Duplex 0001.pdf'), batch);

  const original = await harness.waitForEntry(
    'the batch delivered after its document',
    (entry) => entry.fileName === 'Duplex 0001.pdf' && entry.state === 'archived',
  );
  const uploads = harness.emulator.uploads();
  assert.deepEqual(
    uploads.map((upload) => [upload.filename, upload.pages]),
    [['Duplex 0001 (p. 1-5).pdf', 4]],
  );
  const keptDir = path.join(harness.configDir, 'blank-pages');
  const kept = await readdir(keptDir);
  assert.deepEqual(kept, [`${original.id} Duplex 0001 (blank p. 2, 6).pdf`]);
  assert.equal(await qpdfPageCount(path.join(keptDir, kept[0] ?? '')), 2);
  assert.equal(original.splitNote?.code, 'split_blank_backs_left_out');
  assert.deepEqual(original.splitNote?.params, {
    count: 2,
    path: path.join(keptDir, kept[0] ?? ''),
  });
  assert.deepEqual(
    (await readdir(dir)).filter((name) => !name.startsWith('.')),
    ['_uploaded'],
    'the original moved after the upload',
  );
});
