// Issue #18 in Chromium against the real core and the emulator: an e-invoice dropped into the
// folder of one administration but addressed to another is held (never sent there), and one
// click on "Send to <name>" delivers it to the administration it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { partyOf, sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import { withDeadline } from '../../support/waiting.ts';
import {
  addWatchedFolder,
  launchChromium,
  openApp,
  signInThroughCore,
  startStack,
} from './browser-stack.ts';
import { screenshotBothThemes } from './page-checks.ts';

test('an e-invoice addressed to another administration is held, then sent there with one click', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const [folderAdministration, addressee] = seedData.administrations;
  assert.ok(folderAdministration && addressee);
  assert.notEqual(folderAdministration.companyNumber, addressee.companyNumber);

  const scans = await addWatchedFolder(stack, 'Scans', folderAdministration.companyNumber);
  // The customer (BG-7) is the other administration, written with its VAT number's BE prefix.
  const invoice = sampleInvoice({
    number: 'ROUTE-2026-001',
    customer: partyOf(addressee),
  });
  await writeFile(path.join(scans, 'ROUTE-2026-001.xml'), ublXml(invoice));

  const { page } = await openApp(browser, stack);
  await page.getByRole('link', { name: 'History' }).click();
  const row = page.locator('.history-row').filter({ hasText: 'ROUTE-2026-001.xml' });
  await row
    .getByText(
      `This invoice is addressed to ${addressee.name} (${addressee.companyNumber}), not to ${folderAdministration.name}.`,
    )
    .waitFor();
  assert.equal(stack.emulator.uploads().length, 0, 'nothing is sent while the file is held');
  // The status line counts it as waiting for a choice, not as a failure.
  const counts = page.locator('.status-counts');
  await counts.getByRole('link', { name: '1 waiting for your choice' }).waitFor();
  assert.doesNotMatch(await counts.innerText(), /failed/);
  await screenshotBothThemes(page, 'history-held');

  const delivered = new Promise<void>((resolve) => {
    const stop = stack.emulator.onUpload(() => {
      stop();
      resolve();
    });
  });
  await row.getByRole('button', { name: `Send to ${addressee.name} (purchases)` }).click();
  await withDeadline('the held invoice to reach the emulator', delivered);
  const [upload] = stack.emulator.uploads();
  assert.ok(upload);
  assert.equal(upload.companyNumber, addressee.companyNumber);
  assert.equal(upload.invoiceType, 'PURCHASE');
  assert.equal(upload.filename, 'ROUTE-2026-001.xml');
  assert.equal(upload.xml?.invoiceNumber, 'ROUTE-2026-001');
  await row.getByText('Uploaded', { exact: false }).first().waitFor();
});
