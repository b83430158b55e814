// The Drop screen gives each file its own destination (issue #14 finding 13), in nl, fr and en:
// by default a file goes where the common choice sends it; one file set to sales invoices and one
// to an archive category reach Clearfacts there, the others as purchases, in one Send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedData } from '../../emulator/index.ts';
import { pdfBytes } from './sample-files.ts';
import { goTo, launchChromium, openApp, signInThroughCore, startStack } from './browser-stack.ts';
import type { Language } from './layout-checks.ts';
import { withDeadline } from '../../support/waiting.ts';

/** The words a user meets, by hand from each language's screen. */
const WORDS: Record<
  Language,
  {
    purchase: string;
    sale: string;
    various: string;
    whereGoes: (name: string) => string;
    open: (name: string) => string;
    common: string;
  }
> = {
  en: {
    purchase: 'Purchase invoices',
    sale: 'Sales invoices',
    various: 'Archive – various',
    whereGoes: (name) => `Where ${name} goes`,
    common: 'As the others',
    open: (name) => `Other destination for ${name}`,
  },
  nl: {
    purchase: 'Aankoopfacturen',
    sale: 'Verkoopfacturen',
    various: 'Archief – diversen',
    whereGoes: (name) => `Waar ${name} naartoe gaat`,
    common: 'Zoals de andere',
    open: (name) => `Andere bestemming voor ${name}`,
  },
  fr: {
    purchase: 'Factures d’achat',
    sale: 'Factures de vente',
    various: 'Archive – divers',
    whereGoes: (name) => `Où va ${name}`,
    common: 'Comme les autres',
    open: (name) => `Autre destination pour ${name}`,
  },
};

test('each dropped file can get its own destination before sending (nl, fr, en)', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const administration = seedData.administrations.find(
    (candidate) => candidate.categories.various.length > 0,
  );
  assert.ok(administration, 'an administration with various archive categories');
  const [category] = administration.categories.various;
  assert.ok(category);

  for (const language of ['nl', 'fr', 'en'] as const) {
    const words = WORDS[language];
    await stack.engine.handlers['settings.update']({ language });
    const { context, page } = await openApp(browser, stack, { locale: `${language}-BE` });
    await goTo(page, '#/drop');
    const names = ['aankoop', 'verkoop', 'archief'].map((kind) => `${kind}-${language}.pdf`);
    const [purchaseName, saleName, archiveName] = names as [string, string, string];
    await page.getByTestId('drop-files-input').setInputFiles(
      await Promise.all(
        names.map(async (name, index) => ({
          name,
          mimeType: 'application/pdf',
          buffer: Buffer.from(await pdfBytes(index + 1)),
        })),
      ),
    );
    const picker = page.locator('.send-target [role="combobox"]');
    await picker.fill(administration.companyNumber.slice(1, 7));
    await page.getByRole('option', { name: new RegExp(administration.name) }).click();
    await page.locator('.send-target').getByText(words.purchase, { exact: true }).click();

    // Each file offers its own destination, the common one first and chosen.
    for (const name of names) await page.getByRole('button', { name: words.open(name) }).click();
    const own = (name: string) => page.getByLabel(words.whereGoes(name), { exact: true });
    await own(purchaseName).waitFor();
    const chosen = await own(purchaseName).evaluate(
      (select) =>
        (select as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
    );
    assert.equal(chosen, words.common, `${language}: the common choice by default`);
    await own(saleName).selectOption({ label: words.sale });
    await own(archiveName).selectOption({ label: words.various });
    const archiveRow = page.locator('.file-table tbody tr').filter({ hasText: archiveName });
    await archiveRow.locator('select').nth(1).selectOption(category.id);

    const before = stack.emulator.uploads().length;
    const arrived = new Promise<void>((resolve) =>
      stack.emulator.onUpload(() => {
        if (stack.emulator.uploads().length >= before + 3) resolve();
      }),
    );
    await page.locator('.send-panel .button-primary').click();
    await withDeadline(`${language}: three uploads`, arrived, {
      detail: () => JSON.stringify(stack.emulator.uploads().slice(before)),
    });
    const received = stack.emulator.uploads().slice(before);
    const where = Object.fromEntries(
      received.map((upload) => [
        upload.filename,
        [upload.invoiceType, upload.archiveType, upload.categoryId],
      ]),
    );
    assert.deepEqual(
      where,
      {
        [purchaseName]: ['PURCHASE', null, null],
        [saleName]: ['SALE', null, null],
        [archiveName]: [null, 'VARIOUS', category.id],
      },
      `${language}: where each file went`,
    );
    await context.close();
  }
});
