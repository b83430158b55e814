// Issue #18 in Chromium against the real core and the emulator: an e-invoice inbox invoice whose
// parties carry no Belgian number offers, beside Dismiss, "choose the administration…"; its
// dialog speaks nl/fr/en (no English left on a Dutch or French screen), and naming an
// administration and "sales" sends the invoice there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import {
  DUTCH_SUPPLIER,
  GERMAN_CUSTOMER,
  sampleInvoice,
  ublXml,
} from '../../fixtures/e-invoice-builder.ts';
import { withDeadline } from '../../support/waiting.ts';
import { goTo, launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import { englishLeftOnScreen } from './page-checks.ts';

/** The words of the choice and its dialog, as each language's catalogue words them. */
const WORDS = {
  nl: {
    pick: 'Administratie kiezen…',
    title: 'Waar gaat foreign.xml heen?',
    field: 'Administratie',
    sale: 'Verkoopfacturen',
    send: 'Versturen',
    cancel: 'Annuleren',
  },
  fr: {
    pick: 'Choisir l’administration…',
    title: 'Où va foreign.xml ?',
    field: 'Administration',
    sale: 'Factures de vente',
    send: 'Envoyer',
    cancel: 'Annuler',
  },
  en: {
    pick: 'Choose the administration…',
    title: 'Where does foreign.xml go?',
    field: 'Administration',
    sale: 'Sales invoices',
    send: 'Send',
    cancel: 'Cancel',
  },
} as const;

test('an inbox invoice with no Belgian number is sent where the user names, in nl, fr and en', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const [, seller] = seedData.administrations;
  assert.ok(seller);
  const inbox = path.join(stack.workDir, 'Peppol');
  await mkdir(inbox);
  await stack.engine.handlers['folders.addInbox']({ path: inbox });
  // A Dutch supplier and a German customer: no company number or VAT number is Belgian.
  await writeFile(
    path.join(inbox, 'foreign.xml'),
    ublXml(
      sampleInvoice({
        number: 'F-1',
        supplier: DUTCH_SUPPLIER,
        customer: GERMAN_CUSTOMER,
      }),
    ),
  );

  for (const language of ['nl', 'fr', 'en'] as const) {
    const words = WORDS[language];
    await stack.engine.handlers['settings.update']({ language });
    const { page, context } = await openApp(browser, stack);
    await goTo(page, '#/history');
    const row = page.locator('.history-row').filter({ hasText: 'foreign.xml' });
    await row.getByRole('button', { name: words.pick }).click();
    const dialog = page.getByRole('dialog', { name: words.title });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: words.field }).waitFor();
    assert.equal(
      await dialog.getByRole('button', { name: words.send }).isDisabled(),
      true,
      `${language}: nothing is sent before an administration is named`,
    );
    if (language !== 'en') {
      assert.deepEqual(await englishLeftOnScreen(page, language), [], `${language}: English`);
      await dialog.getByRole('button', { name: words.cancel }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(stack.emulator.uploads().length, 0, `${language}: cancelled, nothing sent`);
      await context.close();
      continue;
    }
    // Settled, not just received: the engine is stopped only after its last write.
    const delivered = new Promise<void>((resolve) => {
      const stop = stack.engine.subscribe((channel, payload) => {
        if (channel !== 'history.changed') return;
        const { entries } = payload as { entries: { fileName: string; state: string }[] };
        if (
          entries.some((entry) => entry.fileName === 'foreign.xml' && entry.state === 'archived')
        ) {
          stop();
          resolve();
        }
      });
    });
    await dialog.getByRole('combobox', { name: words.field }).fill(seller.name);
    await dialog
      .getByRole('option', { name: new RegExp(seller.name) })
      .first()
      .click();
    await dialog.getByRole('radio', { name: words.sale }).check();
    await dialog.getByRole('button', { name: words.send }).click();
    await withDeadline('foreign.xml sent and archived', delivered);
    await context.close();
  }
  assert.deepEqual(
    stack.emulator.uploads().map((upload) => ({
      fileName: upload.filename,
      companyNumber: upload.companyNumber,
      type: upload.invoiceType,
    })),
    [{ fileName: 'foreign.xml', companyNumber: seller.companyNumber, type: 'SALE' }],
  );
});
