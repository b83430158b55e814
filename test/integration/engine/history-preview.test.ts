// Issue #14 finding 13 in the engine: History's eye shows the document. `history.preview` finds
// the file by its history id and reads it where the history holds it (its copy in `_uploaded`):
// a PDF's first pages drawn, a JPEG as a picture, a file gone as a message naming its path.
// An unknown id is refused, and a path sent along is refused before core reads anything.
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ApiError } from '../../../src-main/contract/api-contract.ts';
import { dispatchInvoke } from '../../../src-main/core/handlers/invoke-dispatch.ts';
import { partyOf, sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import { batchPdf, scannedSheetJpeg } from '../../fixtures/scanned-batch.ts';
import { startEngine } from '../../support/engine-harness.ts';
import { qpdfPageCount } from '../../support/qpdf-oracle.ts';

const JPEG_DATA_URL = /^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/;

test('the eye shows a moved PDF from _uploaded and an image, and says when the file is gone', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const dir = await harness.addFolder('Scans', administration.companyNumber, { type: 'purchase' });
  const pdf = path.join(dir, 'Two pages.pdf');
  await writeFile(pdf, await batchPdf([{ text: 'First' }, { text: 'Second' }]));
  const expectedPages = await qpdfPageCount(pdf);
  const photo = path.join(dir, 'Receipt.jpg');
  await writeFile(
    photo,
    await scannedSheetJpeg({ type: 'next' }, { dpi: 100, turnDegrees: 0, grey: false }),
  );

  const moved = await harness.waitForEntry(
    'the PDF delivered and moved to _uploaded',
    (entry) => entry.fileName === 'Two pages.pdf' && entry.state === 'archived',
  );
  assert.ok(moved.archivedPath?.includes('_uploaded'));
  const preview = await harness.engine.handlers['history.preview']({ id: moved.id });
  assert.equal(preview.path, moved.archivedPath);
  assert.equal(preview.fileName, 'Two pages.pdf');
  assert.equal(preview.content.kind, 'pages');
  assert.equal(preview.content.pageCount, expectedPages);
  assert.deepEqual(
    preview.content.pages.map((page) => page.page),
    [1, 2],
  );
  for (const page of preview.content.pages) assert.match(page.thumbnail, JPEG_DATA_URL);

  const image = await harness.waitForEntry(
    'the JPEG delivered',
    (entry) => entry.fileName === 'Receipt.jpg' && entry.state === 'archived',
  );
  const picture = await harness.engine.handlers['history.preview']({ id: image.id });
  assert.equal(picture.content.kind, 'image');
  assert.match(picture.content.thumbnail, JPEG_DATA_URL);

  // A file at the history's path that no reader can draw: said so, with that path.
  await writeFile(image.archivedPath ?? '', 'not a picture any more');
  assert.deepEqual((await harness.engine.handlers['history.preview']({ id: image.id })).content, {
    kind: 'unavailable',
    reason: { code: 'history_preview_unreadable', params: { path: image.archivedPath } },
  });

  await rm(moved.archivedPath ?? '');
  const gone = await harness.engine.handlers['history.preview']({ id: moved.id });
  assert.deepEqual(gone.content, {
    kind: 'unavailable',
    reason: { code: 'history_preview_missing', params: { path: moved.archivedPath } },
  });
});

test('an e-invoice is shown by the summary its history row holds', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  const dir = await harness.addFolder('Invoices', administration.companyNumber, {
    type: 'purchase',
  });
  await writeFile(
    path.join(dir, 'INV-77.xml'),
    ublXml(sampleInvoice({ number: 'INV-77', customer: partyOf(administration) })),
  );
  const entry = await harness.waitForEntry(
    'the e-invoice delivered and moved',
    (row) => row.fileName === 'INV-77.xml' && row.state === 'archived',
  );
  const preview = await harness.engine.handlers['history.preview']({ id: entry.id });
  assert.equal(preview.content.kind, 'e_invoice');
  assert.equal(preview.content.summary.number, 'INV-77');
  assert.deepEqual(preview.content.summary, entry.eInvoice);
});

test('the preview refuses an unknown id and any path the caller sends', async (t) => {
  const harness = await startEngine(t);
  const [administration] = harness.emulator.seed.administrations;
  assert.ok(administration);
  // A file the history never saw: core must not read it whatever the request says.
  const secret = path.join(harness.root, 'not-in-history.pdf');
  await writeFile(secret, await batchPdf([{ text: 'Secret' }]));

  await assert.rejects(
    harness.engine.handlers['history.preview']({ id: 999_999 }),
    (error: unknown) =>
      error instanceof ApiError &&
      error.code === 'not_found' &&
      error.userMessage.code === 'history_entry_unknown',
  );
  const unexpected: unknown[] = [];
  for (const request of [{ path: secret }, { id: 1, path: secret }, { fileId: 1 }]) {
    const answer = await dispatchInvoke(
      harness.engine.handlers,
      'history.preview',
      request,
      (error) => unexpected.push(error),
    );
    assert.equal(answer.ok, false, JSON.stringify(request));
    assert.equal(answer.ok === false && answer.error.code, 'invalid_request');
  }
  assert.deepEqual(unexpected, []);
});
