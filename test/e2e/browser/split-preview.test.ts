// Issue #19 in Chromium against the real core and the emulator: a batch dropped on the Drop
// screen with "On separator sheets" chosen there shows its documents (a picture of each first
// page, pages, destination) before anything is sent; a page is moved to the document before it,
// and Clearfacts receives the documents as they were left (hand-counted from the batch's layout).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedData } from '../../emulator/index.ts';
import { batchPdf, scannedSheetJpeg } from '../../fixtures/scanned-batch.ts';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { dropBatchForPreview } from './drop-batch.ts';
import { assertAccessible, screenshotBothThemes } from './page-checks.ts';

test('the Drop screen previews a batch, a page is moved to the document before, and it is sent so', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const look = { dpi: 200, turnDegrees: 0, grey: true };
  // Pages: 1-2 A, 3 sheet, 4-5 B, 6 sale sheet, 7 C.
  const batch = await batchPdf([
    { text: 'A1' },
    { text: 'A2' },
    { jpeg: await scannedSheetJpeg({ type: 'next' }, look) },
    { text: 'B1' },
    { text: 'B2' },
    { jpeg: await scannedSheetJpeg({ type: 'sale' }, look) },
    { text: 'C1' },
  ]);

  const { page } = await openApp(browser, stack);
  const parts = await dropBatchForPreview(
    page,
    batch,
    'Scan 0200.pdf',
    administration,
    'separator',
  );
  await parts.getByRole('listitem', { name: 'Document 3: pages 7' }).waitFor();
  assert.deepEqual(
    await parts
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label'))),
    ['Document 1: pages 1–2', 'Document 2: pages 4–5', 'Document 3: pages 7'],
  );
  await parts
    .getByRole('listitem', { name: 'Document 3: pages 7' })
    .getByText('To Sales invoices (separator sheet)')
    .waitFor();
  await parts.getByRole('img', { name: 'Page 4' }).waitFor();
  assert.ok(
    await parts
      .getByRole('img', { name: 'Page 1' })
      .evaluate((image) => (image as unknown as { naturalHeight: number }).naturalHeight === 240),
    'the thumbnail is a decoded 240 px picture',
  );

  // Page 4 (B1) belongs to the first document: move it there, across the sheet.
  await parts
    .getByRole('listitem', { name: 'Document 2: pages 4–5' })
    .getByRole('button', { name: 'Move page 4 to document 1' })
    .click();
  await parts.getByRole('listitem', { name: 'Document 1: pages 1–2, 4' }).waitFor();
  await parts.getByRole('listitem', { name: 'Document 2: pages 5' }).waitFor();
  // The document now starts with page 5: its card shows page 5's own picture, not a stand-in.
  assert.ok(
    await parts
      .getByRole('listitem', { name: 'Document 2: pages 5' })
      .getByRole('img', { name: 'Page 5' })
      .evaluate((image) => (image as unknown as { naturalHeight: number }).naturalHeight === 240),
    'the moved-to first page has its own decoded 240 px picture',
  );
  await assertAccessible(page, 'drop with a split preview');
  await screenshotBothThemes(page, 'drop-split-preview');

  await page.getByRole('button', { name: 'Send 1 file' }).click();
  await page.getByText('1 of 1 delivered').waitFor();
  assert.deepEqual(
    stack.emulator
      .uploads()
      .map((upload) => [upload.filename, upload.pages, upload.invoiceType])
      .sort(),
    [
      ['Scan 0200 (p. 1-4).pdf', 3, 'PURCHASE'],
      ['Scan 0200 (p. 5).pdf', 1, 'PURCHASE'],
      ['Scan 0200 (p. 7).pdf', 1, 'SALE'],
    ],
  );

  // The same preview in Dutch: no English.
  const { page: dutch } = await openApp(browser, stack, { locale: 'nl-BE' });
  await dutch.getByRole('link', { name: 'Bestanden slepen' }).click();
  await dutch
    .getByTestId('drop-files-input')
    .setInputFiles([
      { name: 'Scan 0201.pdf', mimeType: 'application/pdf', buffer: Buffer.from(batch) },
    ]);
  await dutch.getByLabel('Gescande stapels splitsen').selectOption('separator');
  await dutch
    .getByRole('list', { name: 'Documenten in Scan 0201.pdf' })
    .getByRole('listitem', { name: "Document 2: pagina's 4–5" })
    .getByRole('button', { name: 'Pagina 4 naar document 1' })
    .waitFor();
});
