// Issue #19's blank-page mode in Chromium against the real core and the emulator: a batch with
// generated blank back sides dropped with "On blank pages" shows its documents and names the blank
// pages left out; a page is moved and Clearfacts receives the documents as left (hand-counted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedData } from '../../emulator/index.ts';
import { scannedBackSide } from '../../fixtures/scanned-back-sides.ts';
import { batchPdf } from '../../fixtures/scanned-batch.ts';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { dropBatchForPreview } from './drop-batch.ts';
import { screenshotBothThemes } from './page-checks.ts';

test('the Drop screen previews a batch cut on blank pages, names them, and sends a moved page', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const look = { dpi: 200, grey: true };
  // Pages: 1 A, 2 blank, 3-4 B, 5 blank (scanner noise), 6 C.
  const batch = await batchPdf([
    { text: 'A1' },
    { jpeg: (await scannedBackSide('white', look)).jpeg },
    { text: 'B1' },
    { text: 'B2' },
    { jpeg: (await scannedBackSide('scanner_noise', look)).jpeg },
    { text: 'C1' },
  ]);
  const { page } = await openApp(browser, stack);
  const parts = await dropBatchForPreview(page, batch, 'Scan 0300.pdf', administration, 'blank');
  await parts.getByRole('listitem', { name: 'Document 3: pages 6' }).waitFor();
  await page.getByText(/Blank pages 2, 5 are not sent/).waitFor();
  await parts
    .getByRole('listitem', { name: 'Document 2: pages 3–4' })
    .getByRole('button', { name: 'Move page 4 to document 3' })
    .click();
  await parts.getByRole('listitem', { name: 'Document 3: pages 4, 6' }).waitFor();
  await screenshotBothThemes(page, 'drop-blank-preview');

  await page.getByRole('button', { name: 'Send 1 file' }).click();
  await page.getByText('1 of 1 delivered').waitFor();
  assert.deepEqual(
    stack.emulator
      .uploads()
      .map((upload) => [upload.filename, upload.pages])
      .sort(),
    [
      ['Scan 0300 (p. 1).pdf', 1],
      ['Scan 0300 (p. 3).pdf', 1],
      ['Scan 0300 (p. 4-6).pdf', 2],
    ],
  );
});
