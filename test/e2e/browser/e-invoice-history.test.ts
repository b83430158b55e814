// Issue #13 in Chromium against the real core and the emulator: History shows an e-invoice and a
// credit note with their supplier and amount, and its supplier and amount fields find them.
// Suppliers and amounts are the builder's inputs, typed as a Belgian user would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { partyOf, sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import { launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { screenshotBothThemes, waitForCount } from './page-checks.ts';

test('History shows e-invoices with supplier and amount, and filters on both', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const [administration] = seedData.administrations;
  assert.ok(administration);
  const scans = path.join(stack.workDir, 'Peppol');
  await mkdir(scans);
  await stack.engine.handlers['folders.add']({
    path: scans,
    companyNumber: administration.companyNumber,
    destination: { type: 'purchase' },
  });
  const customer = partyOf(administration);
  const invoice = sampleInvoice({ number: 'F2026/00417', payableAmount: '1210.50', customer });
  const creditNote = sampleInvoice({
    root: 'CreditNote',
    typeCode: '381',
    number: 'CN-2026-3',
    payableAmount: '250.00',
    customer,
    supplier: {
      name: 'Drukkerij Vermeulen BV',
      companyNumber: '0811223344',
      vatNumber: 'BE0811223344',
    },
  });
  await writeFile(path.join(scans, 'brouwerij-maart.xml'), ublXml(invoice));
  await writeFile(path.join(scans, 'drukkerij-creditnota.xml'), ublXml(creditNote));

  const { page } = await openApp(browser, stack);
  await page.getByRole('link', { name: 'History' }).click();
  const rows = page.locator('.history-row:not(.placeholder)');
  const invoiceRow = rows.filter({ hasText: 'brouwerij-maart.xml' });
  const creditRow = rows.filter({ hasText: 'drukkerij-creditnota.xml' });
  // The summary line: the kind, the supplier, the number and the amount in the reader's locale.
  await invoiceRow.getByText('Brouwerij Één & Zonen NV', { exact: false }).waitFor();
  await invoiceRow.getByText('1,210.50', { exact: false }).waitFor();
  await creditRow.getByText('Credit note', { exact: false }).waitFor();
  await creditRow.getByText('250.00', { exact: false }).waitFor();
  await invoiceRow.getByText('Uploaded', { exact: false }).first().waitFor();
  await creditRow.getByText('Uploaded', { exact: false }).first().waitFor();
  await screenshotBothThemes(page, 'history-e-invoices');

  await page.getByLabel('Supplier', { exact: true }).fill('vermeulen');
  await invoiceRow.waitFor({ state: 'detached' });
  await waitForCount(rows, 1, 'rows matching the supplier "vermeulen"');
  await waitForCount(creditRow, 1, 'credit note rows');

  await page.getByLabel('Supplier', { exact: true }).fill('');
  await page.getByLabel('Amount from').fill('1000');
  await page.getByLabel('Amount up to').fill('1210,50');
  await creditRow.waitFor({ state: 'detached' });
  await invoiceRow.waitFor();
  await waitForCount(rows, 1, 'rows between 1000 and 1210,50');
});
