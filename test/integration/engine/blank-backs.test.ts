// Split mode `blank-backs` in the engine (issue #19): a duplex batch in a folder that leaves out
// blank back sides arrives in Clearfacts (the emulator) as one document without them, the blank
// pages are kept on disk as one PDF that the original's history note names, and the original is
// moved only once the document has its uuid. Pages are generated; the expected pages are
// hand-counted from how the batch is built, the kept file's pages counted by qpdf.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scannedBackSide } from '../../fixtures/scanned-back-sides.ts';
import { batchPdf } from '../../fixtures/scanned-batch.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { qpdfPageCount } from '../../support/qpdf-oracle.ts';

test('a duplex batch in a blank-backs folder arrives whole without its blank back sides', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const look = { dpi: 200, grey: true };
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
  const dir = await harness.addFolder('Scans', administration.companyNumber, { type: 'purchase' });
  const [view] = harness.folders();
  assert.ok(view);
  await harness.engine.handlers['folders.setSplit']({ id: view.binding.id, split: 'blank-backs' });
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
