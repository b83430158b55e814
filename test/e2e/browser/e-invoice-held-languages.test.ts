// Issue #18 attack (F4, hold choices) in Chromium against the real core and the emulator, in a
// small window (800×600): in Dutch and French, a held invoice's reason and choices and a broken
// XML's refusal are all in the chosen language (no English, nothing "Clearfacts said" that it
// never said), and the choices fit the window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { seedData } from '../../emulator/index.ts';
import { partyOf, sampleInvoice, ublXml } from '../../fixtures/e-invoice-builder.ts';
import { nl } from '../../../src-renderer/i18n/nl.ts';
import { fr } from '../../../src-renderer/i18n/fr.ts';
import {
  addWatchedFolder,
  goTo,
  launchChromium,
  openApp,
  signInThroughCore,
  startStack,
} from './browser-stack.ts';
import { foreignWordsOnScreen, layoutProblems } from './layout-checks.ts';
import { englishLeftOnScreen } from './page-checks.ts';

/** The held choices and the refusal as the catalogues of the chosen language word them. */
const WORDS = {
  nl: { sendTo: 'Versturen naar', here: 'Toch hier versturen', broken: 'regel 3, kolom 12' },
  fr: { sendTo: 'Envoyer à', here: 'Envoyer ici quand même', broken: 'ligne 3, colonne 12' },
} as const;

test('a held invoice and a broken XML speak only Dutch or French, and the choices fit 800×600', async (t) => {
  const [browser, stack] = await Promise.all([launchChromium(t), startStack(t)]);
  await signInThroughCore(stack);
  const [here, addressee] = seedData.administrations;
  assert.ok(here && addressee);
  const scans = await addWatchedFolder(stack, 'Scans', here.companyNumber);
  await writeFile(
    path.join(scans, 'HELD-1.xml'),
    ublXml(sampleInvoice({ number: 'HELD-1', customer: partyOf(addressee) })),
  );
  // Line 3, column 12: the ">" of the close tag that does not match (counted by hand).
  await writeFile(
    path.join(scans, 'BROKEN-1.xml'),
    '<?xml version="1.0"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">\n<ID>1</Note>\n</Invoice>\n',
  );

  for (const language of ['nl', 'fr'] as const) {
    await stack.engine.handlers['settings.update']({ language });
    const { page, context } = await openApp(browser, stack);
    await page.setViewportSize({ width: 800, height: 600 });
    await goTo(page, '#/history');
    await page
      .getByRole('heading', { level: 1, name: { nl, fr }[language].history.title })
      .waitFor();
    const held = page.locator('.history-row').filter({ hasText: 'HELD-1.xml' });
    const sendTo = held.getByRole('button', {
      name: `${WORDS[language].sendTo} ${addressee.name}`,
    });
    const sendHere = held.getByRole('button', { name: WORDS[language].here });
    await sendTo.waitFor();
    await sendHere.waitFor();
    const broken = page.locator('.history-row').filter({ hasText: 'BROKEN-1.xml' });
    await broken.getByText(WORDS[language].broken, { exact: false }).waitFor();

    for (const button of [sendTo, sendHere]) {
      await button.scrollIntoViewIfNeeded();
      const box = await button.boundingBox();
      assert.ok(box, `${language}: a choice is shown`);
      assert.ok(box.x >= 0 && box.x + box.width <= 800, `${language}: a choice fits the width`);
    }
    // The rows only: the sidebar's own fit at this height is not the history's matter.
    const problems = await layoutProblems(page);
    assert.deepEqual(
      problems.filter((problem) => problem.where.includes('history')),
      [],
      `${language}: layout at 800×600`,
    );
    // The name and the reason the row is held keep 40% of the row, not a few letters; the whole
    // reason is its title.
    const row = await held.boundingBox();
    const reasonBox = await held.locator('.history-warning').boundingBox();
    assert.ok(row && reasonBox && reasonBox.width >= 0.4 * row.width - 28, `${language}: room`);
    assert.match(
      (await held.locator('.history-warning').getAttribute('title')) ?? '',
      new RegExp(`${addressee.name}.*${here.name}`),
    );
    assert.deepEqual(await foreignWordsOnScreen(page, language), [], `${language}: words`);
    assert.deepEqual(await englishLeftOnScreen(page, language), [], `${language}: English`);
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(
      text,
      /Unexpected close tag|not valid utf-8/i,
      `${language}: parser English`,
    );
    await context.close();
  }
  assert.equal(stack.emulator.uploads().length, 0, 'nothing is sent while the file is held');
});
