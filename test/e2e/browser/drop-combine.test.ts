// Issue #19's "Combine into one document" in Chromium against the real core and the emulator:
// a phone photo, a scan as PNG and a two-page PDF dropped together, put in order on the Drop
// screen and sent as one document; Clearfacts (the emulator, counting pages itself) receives one
// PDF of 4 pages (hand-counted: 1 + 1 + 2), and History lists the files it was made of.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedData } from '../../emulator/index.ts';
import { photoPage } from '../../fixtures/photo-pages.ts';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { dropForPurchases } from './drop-batch.ts';
import { screenshotBothThemes } from './page-checks.ts';
import { pdfBytes } from './sample-files.ts';

test('files dropped together are put in order and sent as one document that History lists', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations[0];
  assert.ok(administration);
  const { page } = await openApp(browser, stack);
  await dropForPurchases(
    page,
    [
      { name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: await photoPage('2', 'jpeg') },
      { name: 'IMG_0001.png', mimeType: 'image/png', buffer: await photoPage('1', 'png') },
      { name: 'bijlage.pdf', mimeType: 'application/pdf', buffer: await pdfBytes(2, 'Bijlage') },
    ],
    administration,
  );
  await page.getByLabel('Combine into one document').check();
  await page.getByText('The files are sent as one PDF, in the order of the list').waitFor();
  await page.getByRole('button', { name: 'Move IMG_0001.png up' }).click();
  const names = page.locator('.file-table tbody th');
  await names.first().getByText('IMG_0001.png').waitFor();
  assert.deepEqual(
    (await names.allTextContents()).map((name) => name.trim()),
    ['IMG_0001.png', 'IMG_0002.jpg', 'bijlage.pdf'],
  );
  await page.getByRole('button', { name: 'Send as one document' }).scrollIntoViewIfNeeded();
  await screenshotBothThemes(page, 'drop-combine');

  await page.getByRole('button', { name: 'Send as one document' }).click();
  await page.getByText('3 of 3 delivered').waitFor();
  assert.deepEqual(
    stack.emulator.uploads().map((upload) => [upload.filename, upload.pages]),
    [['IMG_0001 (+2).pdf', 4]],
  );
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByText('Combined from 3 files: IMG_0001.png, IMG_0002.jpg, bijlage.pdf').waitFor();
});
